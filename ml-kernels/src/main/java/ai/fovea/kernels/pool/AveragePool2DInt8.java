package ai.fovea.kernels.pool;

import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;

/**
 * AVERAGE_POOL_2D on int8 and uint8 NHWC tensors sharing one quantization. As TFLite, the stored values of the
 * in-bounds taps are summed and divided by their count with rounding half away from zero,
 * {@code (sum ± count/2) / count}; no requantization, then the fused clamp in the quantized domain. The optimized
 * form sums channel vectors into a per-thread int row over windows clipped once per row and column.
 */
public final class AveragePool2DInt8 implements Op {
  private final PoolParams params;
  private final ComputePool pool;
  private final ComputePool.RangeBody poolChunks = this::poolChunks;
  private PoolWindow w;
  private boolean unsigned;
  private int lo;
  private int hi;
  private int chunks;
  private int[][] sums;
  private byte[] in;
  private byte[] out;

  public AveragePool2DInt8(PoolParams params, ComputePool pool) {
    if (params == null || pool == null) {
      throw new IllegalArgumentException("params and pool are required");
    }
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    w = PoolWindow.prepare(AveragePool2DFloat.NAME, params, inputs, outputs, true);
    unsigned = inputs[0].dataType() == DataType.UINT8;
    int[] range = params.activation.quantizedRange(outputs[0]);
    lo = range[0];
    hi = range[1];
    ConvGeometry g = w.g;
    chunks = Math.max(1, Math.min(pool.threads(), g.batch * g.outHeight));
    sums = new int[chunks][g.inChannels];
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    in = inputs[0].bytes();
    out = outputs[0].bytes();
    pool.parallelFor(chunks, 1, poolChunks);
    in = null;
    out = null;
  }

  private void poolChunks(int c0, int c1) {
    ConvGeometry g = w.g;
    int c = g.inChannels;
    for (int chunk = c0; chunk < c1; chunk++) {
      int[] sum = sums[chunk];
      for (int row = w.chunkStart(chunk, chunks), end = w.chunkStart(chunk + 1, chunks); row < end; row++) {
        int b = row / g.outHeight;
        int oy = row % g.outHeight;
        for (int ox = 0; ox < g.outWidth; ox++) {
          Arrays.fill(sum, 0);
          for (int iy = w.rowStart[oy]; iy < w.rowEnd[oy]; iy++) {
            for (int ix = w.colStart[ox]; ix < w.colEnd[ox]; ix++) {
              addInto(((b * g.inHeight + iy) * g.inWidth + ix) * c, sum, c);
            }
          }
          int taps = w.taps(oy, ox);
          int o = (row * g.outWidth + ox) * c;
          for (int k = 0; k < c; k++) {
            out[o + k] = (byte) Math.min(Math.max(roundedAverage(sum[k], taps), lo), hi);
          }
        }
      }
    }
  }

  private void addInto(int i, int[] sum, int n) {
    if (unsigned) {
      for (int k = 0; k < n; k++) {
        sum[k] += in[i + k] & 0xFF;
      }
    } else {
      for (int k = 0; k < n; k++) {
        sum[k] += in[i + k];
      }
    }
  }

  /** TFLite's integer average: division rounded half away from zero. */
  static int roundedAverage(int sum, int count) {
    return sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    byte[] src = inputs[0].bytes();
    byte[] dst = outputs[0].bytes();
    ConvGeometry g = w.g;
    for (int b = 0; b < g.batch; b++) {
      for (int oy = 0; oy < g.outHeight; oy++) {
        for (int ox = 0; ox < g.outWidth; ox++) {
          for (int ch = 0; ch < g.inChannels; ch++) {
            int sum = 0;
            int count = 0;
            for (int ky = 0; ky < g.filterHeight; ky++) {
              for (int kx = 0; kx < g.filterWidth; kx++) {
                int iy = oy * g.strideH - g.padTop + ky;
                int ix = ox * g.strideW - g.padLeft + kx;
                if (iy >= 0 && iy < g.inHeight && ix >= 0 && ix < g.inWidth) {
                  int i = ((b * g.inHeight + iy) * g.inWidth + ix) * g.inChannels + ch;
                  sum += unsigned ? src[i] & 0xFF : src[i];
                  count++;
                }
              }
            }
            dst[((b * g.outHeight + oy) * g.outWidth + ox) * g.inChannels + ch] =
                (byte) Math.min(Math.max(roundedAverage(sum, count), lo), hi);
          }
        }
      }
    }
  }
}
