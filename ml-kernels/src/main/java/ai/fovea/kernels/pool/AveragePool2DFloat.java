package ai.fovea.kernels.pool;

import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Tensor;

/**
 * AVERAGE_POOL_2D on float32 NHWC tensors: the sum of each window's in-bounds taps divided by their count
 * (padding is not counted, as in TFLite), then the fused clamp. The optimized form sums whole channel vectors
 * tap by tap straight into the output, in the reference's order, over windows clipped once per row and column;
 * threads split output rows.
 */
public final class AveragePool2DFloat implements Op {
  static final String NAME = "AVERAGE_POOL_2D";
  private final PoolParams params;
  private final ComputePool pool;
  private final ComputePool.RangeBody poolRows = this::poolRows;
  private PoolWindow w;
  private float[] in;
  private float[] out;

  public AveragePool2DFloat(PoolParams params, ComputePool pool) {
    if (params == null || pool == null) {
      throw new IllegalArgumentException("params and pool are required");
    }
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    w = PoolWindow.prepare(NAME, params, inputs, outputs, false);
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    in = inputs[0].floats();
    out = outputs[0].floats();
    ConvGeometry g = w.g;
    pool.parallelFor(g.batch * g.outHeight, 1, poolRows);
    in = null;
    out = null;
  }

  private void poolRows(int first, int end) {
    ConvGeometry g = w.g;
    int c = g.inChannels;
    float lo = params.activation.floatMin();
    float hi = params.activation.floatMax();
    for (int row = first; row < end; row++) {
      int b = row / g.outHeight;
      int oy = row % g.outHeight;
      for (int ox = 0; ox < g.outWidth; ox++) {
        int o = (row * g.outWidth + ox) * c;
        boolean firstTap = true;
        for (int iy = w.rowStart[oy]; iy < w.rowEnd[oy]; iy++) {
          for (int ix = w.colStart[ox]; ix < w.colEnd[ox]; ix++) {
            int i = ((b * g.inHeight + iy) * g.inWidth + ix) * c;
            if (firstTap) {
              System.arraycopy(in, i, out, o, c);
              firstTap = false;
            } else {
              for (int k = 0; k < c; k++) {
                out[o + k] += in[i + k];
              }
            }
          }
        }
        float taps = w.taps(oy, ox);
        for (int k = 0; k < c; k++) {
          out[o + k] = Math.min(Math.max(out[o + k] / taps, lo), hi);
        }
      }
    }
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    float[] src = inputs[0].floats();
    float[] dst = outputs[0].floats();
    ConvGeometry g = w.g;
    for (int b = 0; b < g.batch; b++) {
      for (int oy = 0; oy < g.outHeight; oy++) {
        for (int ox = 0; ox < g.outWidth; ox++) {
          for (int ch = 0; ch < g.inChannels; ch++) {
            float sum = 0;
            int count = 0;
            for (int ky = 0; ky < g.filterHeight; ky++) {
              for (int kx = 0; kx < g.filterWidth; kx++) {
                int iy = oy * g.strideH - g.padTop + ky;
                int ix = ox * g.strideW - g.padLeft + kx;
                if (iy >= 0 && iy < g.inHeight && ix >= 0 && ix < g.inWidth) {
                  sum += src[((b * g.inHeight + iy) * g.inWidth + ix) * g.inChannels + ch];
                  count++;
                }
              }
            }
            dst[((b * g.outHeight + oy) * g.outWidth + ox) * g.inChannels + ch] =
                Math.min(Math.max(sum / count, params.activation.floatMin()), params.activation.floatMax());
          }
        }
      }
    }
  }
}
