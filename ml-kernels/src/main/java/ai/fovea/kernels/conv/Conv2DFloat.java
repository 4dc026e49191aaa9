package ai.fovea.kernels.conv;

import ai.fovea.kernels.gemm.FloatGemm;
import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * CONV_2D on float32 NHWC tensors: input, filter [outC, kh, kw, inC], optional bias [outC]. The optimized form
 * multiplies tiles of output pixels by the filter packed once at prepare ({@link FloatGemm}, seeded with the
 * bias): a 1×1 stride-1 unpadded conv reads the input directly as the A matrix; other shapes gather each tile's
 * windows (im2col) into a scratch first. Output pixels are split into a few work slots per thread, each with
 * its own scratch, which the pool hands out dynamically.
 */
public final class Conv2DFloat implements Op {
  static final String NAME = "CONV_2D";
  /** Output pixels per im2col tile: small enough that the tile stays in L2 between gather and multiply. */
  static final int TILE = 64;
  /** Work slots per thread: enough for the pool to balance uneven cores (big.LITTLE phones, a busy desktop). */
  static final int SLOTS_PER_THREAD = 4;

  private final ConvParams params;
  private final ComputePool pool;
  private ConvGeometry g;
  private int outChannels;
  private int depth;
  private FloatGemm gemm;
  private boolean direct;
  private float[][] scratch;
  private float[][][] accumulators;
  private int slots;

  public Conv2DFloat(ConvParams params, ComputePool pool) {
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    Tensor input = inputs[0];
    Tensor filter = inputs[1];
    ConvShapes.requireTypes(NAME, DataType.FLOAT32, inputs, outputs);
    ConvShapes.requireClamp(NAME, params.activation);
    g = ConvShapes.convGeometry(NAME, input, filter, inputs.length > 2 ? inputs[2] : null, params);
    outChannels = filter.shape().dim(0);
    depth = g.filterHeight * g.filterWidth * g.inChannels;
    outputs[0].resize(g.outputShape(outChannels));
    gemm = FloatGemm.ofTransposed(filter.floats(), outChannels, depth);
    direct = g.filterHeight == 1 && g.filterWidth == 1 && g.strideH == 1 && g.strideW == 1 && g.needsNoPadding();
    slots = slots(g.batch * g.outHeight * g.outWidth, pool);
    scratch = new float[slots][direct ? 0 : TILE * depth];
    accumulators = new float[slots][TILE][outChannels];
  }

  /** How many work slots {@code rows} output pixels get: a few per thread, one tile at least, one if serial. */
  static int slots(int rows, ComputePool pool) {
    int tiles = (rows + TILE - 1) / TILE;
    return Math.max(1, Math.min(tiles, pool.threads() == 1 ? 1 : pool.threads() * SLOTS_PER_THREAD));
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    float[] in = inputs[0].floats();
    float[] out = outputs[0].floats();
    float[] bias = inputs.length > 2 && inputs[2] != null ? inputs[2].floats() : null;
    int rows = g.batch * g.outHeight * g.outWidth;
    int tiles = (rows + TILE - 1) / TILE;
    pool.parallelFor(slots, 1, (s0, s1) -> {
      for (int t = s0; t < s1; t++) {
        int first = Math.min(rows, tiles * t / slots * TILE);
        int last = Math.min(rows, tiles * (t + 1) / slots * TILE);
        float[][] acc = accumulators[t];
        for (int r0 = first; r0 < last; r0 += TILE) {
          int count = Math.min(last, r0 + TILE) - r0;
          if (direct) {
            gemm.multiply(in, r0 * depth, depth, count, bias, acc, 0, outChannels);
          } else {
            Im2col.gather(in, g, r0, count, scratch[t], 0, 0f);
            gemm.multiply(scratch[t], 0, depth, count, bias, acc, 0, outChannels);
          }
          for (int i = 0; i < count; i++) {
            params.activation.clamp(acc[i], outChannels);
            System.arraycopy(acc[i], 0, out, (r0 + i) * outChannels, outChannels);
          }
        }
      }
    });
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    float[] in = inputs[0].floats();
    float[] w = inputs[1].floats();
    float[] bias = inputs.length > 2 && inputs[2] != null ? inputs[2].floats() : null;
    float[] out = outputs[0].floats();
    for (int b = 0; b < g.batch; b++) {
      for (int oy = 0; oy < g.outHeight; oy++) {
        for (int ox = 0; ox < g.outWidth; ox++) {
          for (int o = 0; o < outChannels; o++) {
            float acc = bias == null ? 0f : bias[o];
            for (int ky = 0; ky < g.filterHeight; ky++) {
              int iy = oy * g.strideH - g.padTop + ky * g.dilationH;
              for (int kx = 0; kx < g.filterWidth; kx++) {
                int ix = ox * g.strideW - g.padLeft + kx * g.dilationW;
                if (iy < 0 || iy >= g.inHeight || ix < 0 || ix >= g.inWidth) {
                  continue;
                }
                for (int c = 0; c < g.inChannels; c++) {
                  acc += in[((b * g.inHeight + iy) * g.inWidth + ix) * g.inChannels + c]
                      * w[((o * g.filterHeight + ky) * g.filterWidth + kx) * g.inChannels + c];
                }
              }
            }
            out[((b * g.outHeight + oy) * g.outWidth + ox) * outChannels + o] =
                Math.min(Math.max(acc, params.activation.floatMin()), params.activation.floatMax());
          }
        }
      }
    }
  }
}
