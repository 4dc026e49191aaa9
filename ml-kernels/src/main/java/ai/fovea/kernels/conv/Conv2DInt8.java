package ai.fovea.kernels.conv;

import ai.fovea.kernels.gemm.QuantizedGemm;
import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * CONV_2D on int8 NHWC tensors with TFLite's quantization: per-tensor asymmetric input/output, per-channel (or
 * per-tensor) symmetric filter [outC, kh, kw, inC], int32 bias; or TFLite's legacy uint8 form, everything per
 * tensor and the filter asymmetric. The accumulator is {@code Σ x·(w − zp_w) − zp_in·Σ (w − zp_w) + bias}
 * ({@link QuantizedGemm} on raw activations, seeded at prepare): padding taps hold {@code zp_in} so they cancel.
 * Requantization follows the interpreter's kernels as measured: int8 forms the scale product in double and
 * rounds once (ruy), uint8 forms it in float and rounds twice (gemmlowp); then the output zero point and the
 * fused activation clamp. Tiles and threads as in {@link Conv2DFloat}.
 */
public final class Conv2DInt8 implements Op {
  private final ConvParams params;
  private final ComputePool pool;
  private ConvGeometry g;
  private int outChannels;
  private int depth;
  private QuantizedGemm gemm;
  private int[] seed;
  private ChannelRequantizer requantizer;
  private boolean direct;
  private byte[][] cols;
  private int[][][] accumulators;
  private int slots;
  /** Widens a byte as the tensors' type reads it: -1 for int8, 0xFF for uint8. */
  private int byteMask;

  public Conv2DInt8(ConvParams params, ComputePool pool) {
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    Tensor input = inputs[0];
    Tensor filter = inputs[1];
    Tensor bias = inputs.length > 2 ? inputs[2] : null;
    DataType type = ConvShapes.quantizedType(Conv2DFloat.NAME, inputs);
    ConvShapes.requireTypes(Conv2DFloat.NAME, type, inputs, outputs);
    ConvShapes.requireClamp(Conv2DFloat.NAME, params.activation);
    g = ConvShapes.convGeometry(Conv2DFloat.NAME, input, filter, bias, params);
    outChannels = filter.shape().dim(0);
    depth = g.filterHeight * g.filterWidth * g.inChannels;
    outputs[0].resize(g.outputShape(outChannels));
    boolean unsigned = type == DataType.UINT8;
    requantizer = ChannelRequantizer.of(Conv2DFloat.NAME, input, filter, outputs[0], outChannels, params.activation,
        unsigned, unsigned ? ChannelRequantizer.Rounding.DOUBLE : ChannelRequantizer.Rounding.SINGLE);
    gemm = unsigned
        ? QuantizedGemm.ofTransposedUnsigned(filter.bytes(), outChannels, depth, filter.quantization().zeroPoint())
        : QuantizedGemm.ofTransposed(filter.bytes(), outChannels, depth);
    byteMask = unsigned ? 0xFF : -1;
    seed = gemm.seed(bias == null ? null : bias.ints(), input.quantization().zeroPoint());
    direct = g.filterHeight == 1 && g.filterWidth == 1 && g.strideH == 1 && g.strideW == 1 && g.needsNoPadding();
    slots = Conv2DFloat.slots(g.batch * g.outHeight * g.outWidth, pool);
    cols = new byte[slots][direct ? 0 : Conv2DFloat.TILE * depth];
    accumulators = new int[slots][Conv2DFloat.TILE][outChannels];
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    byte[] in = inputs[0].bytes();
    byte[] out = outputs[0].bytes();
    byte pad = (byte) inputs[0].quantization().zeroPoint();
    int rows = g.batch * g.outHeight * g.outWidth;
    int tiles = (rows + Conv2DFloat.TILE - 1) / Conv2DFloat.TILE;
    pool.parallelFor(slots, 1, (s0, s1) -> {
      for (int t = s0; t < s1; t++) {
        int first = Math.min(rows, tiles * t / slots * Conv2DFloat.TILE);
        int last = Math.min(rows, tiles * (t + 1) / slots * Conv2DFloat.TILE);
        int[][] acc = accumulators[t];
        for (int r0 = first; r0 < last; r0 += Conv2DFloat.TILE) {
          int count = Math.min(last, r0 + Conv2DFloat.TILE) - r0;
          if (direct) {
            gemm.multiply(in, r0 * depth, depth, count, seed, acc, 0, outChannels);
          } else {
            Im2col.gather(in, g, r0, count, cols[t], 0, pad);
            gemm.multiply(cols[t], 0, depth, count, seed, acc, 0, outChannels);
          }
          for (int i = 0; i < count; i++) {
            requantizer.apply(acc[i], out, (r0 + i) * outChannels, 0, outChannels);
          }
        }
      }
    });
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    byte[] in = inputs[0].bytes();
    byte[] w = inputs[1].bytes();
    int[] bias = inputs.length > 2 && inputs[2] != null ? inputs[2].ints() : null;
    byte[] out = outputs[0].bytes();
    int zp = inputs[0].quantization().zeroPoint();
    int filterZp = inputs[1].quantization().zeroPoint();
    for (int b = 0; b < g.batch; b++) {
      for (int oy = 0; oy < g.outHeight; oy++) {
        for (int ox = 0; ox < g.outWidth; ox++) {
          for (int o = 0; o < outChannels; o++) {
            int acc = 0;
            for (int ky = 0; ky < g.filterHeight; ky++) {
              int iy = oy * g.strideH - g.padTop + ky * g.dilationH;
              for (int kx = 0; kx < g.filterWidth; kx++) {
                int ix = ox * g.strideW - g.padLeft + kx * g.dilationW;
                if (iy < 0 || iy >= g.inHeight || ix < 0 || ix >= g.inWidth) {
                  continue;
                }
                for (int c = 0; c < g.inChannels; c++) {
                  int x = in[((b * g.inHeight + iy) * g.inWidth + ix) * g.inChannels + c] & byteMask;
                  int k = w[((o * g.filterHeight + ky) * g.filterWidth + kx) * g.inChannels + c] & byteMask;
                  acc += (x - zp) * (k - filterZp);
                }
              }
            }
            if (bias != null) {
              acc += bias[o];
            }
            out[((b * g.outHeight + oy) * g.outWidth + ox) * outChannels + o] = (byte) requantizer.apply(acc, o);
          }
        }
      }
    }
  }
}
