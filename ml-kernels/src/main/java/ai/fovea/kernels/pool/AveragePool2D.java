package ai.fovea.kernels.pool;

import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * AVERAGE_POOL_2D on float32, int8 and uint8 NHWC tensors. The divisor is the number of in-bounds taps
 * (padding is excluded, as in TFLite); quantized averages divide with rounding half away from zero,
 * {@code (sum ± count/2) / count}, and need no requantization since input and output share quantization.
 * The optimized form sums along channels per tap into a per-thread accumulator row.
 */
public final class AveragePool2D implements Op {
  static final String NAME = "AVERAGE_POOL_2D";
  private final PoolParams params;
  private final ComputePool pool;
  private ConvGeometry g;
  private int lo;
  private int hi;
  private float[][] floatSums;
  private int[][] intSums;

  public AveragePool2D(PoolParams params, ComputePool pool) {
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    g = params.prepare(NAME, inputs, outputs);
    if (inputs[0].dataType().isByte()) {
      int[] range = params.byteRange(outputs[0]);
      lo = range[0];
      hi = range[1];
    }
    floatSums = new float[pool.threads()][g.inChannels];
    intSums = new int[pool.threads()][g.inChannels];
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    Tensor in = inputs[0];
    Tensor out = outputs[0];
    DataType type = in.dataType();
    int c = g.inChannels;
    int rows = g.batch * g.outHeight;
    int threads = pool.threads();
    pool.parallelFor(threads, 1, (t0, t1) -> {
      for (int t = t0; t < t1; t++) {
        float[] fs = floatSums[t];
        int[] is = intSums[t];
        for (int row = rows * t / threads, end = rows * (t + 1) / threads; row < end; row++) {
          int b = row / g.outHeight;
          int oy = row % g.outHeight;
          for (int ox = 0; ox < g.outWidth; ox++) {
            java.util.Arrays.fill(fs, 0f);
            java.util.Arrays.fill(is, 0);
            int count = 0;
            for (int ky = 0; ky < g.filterHeight; ky++) {
              int iy = oy * g.strideH - g.padTop + ky;
              for (int kx = 0; kx < g.filterWidth; kx++) {
                int ix = ox * g.strideW - g.padLeft + kx;
                if (iy < 0 || iy >= g.inHeight || ix < 0 || ix >= g.inWidth) {
                  continue;
                }
                count++;
                int i = ((b * g.inHeight + iy) * g.inWidth + ix) * c;
                if (type == DataType.FLOAT32) {
                  float[] src = in.floats();
                  for (int k = 0; k < c; k++) {
                    fs[k] += src[i + k];
                  }
                } else if (type == DataType.INT8) {
                  byte[] src = in.bytes();
                  for (int k = 0; k < c; k++) {
                    is[k] += src[i + k];
                  }
                } else {
                  byte[] src = in.bytes();
                  for (int k = 0; k < c; k++) {
                    is[k] += src[i + k] & 0xFF;
                  }
                }
              }
            }
            int o = ((b * g.outHeight + oy) * g.outWidth + ox) * c;
            for (int k = 0; k < c; k++) {
              store(out, o + k, fs[k], is[k], count);
            }
          }
        }
      }
    });
  }

  private void store(Tensor out, int index, float floatSum, int intSum, int count) {
    if (out.dataType() == DataType.FLOAT32) {
      out.floats()[index] = Math.min(Math.max(floatSum / count, params.activation.floatMin()),
          params.activation.floatMax());
    } else {
      int avg = intSum > 0 ? (intSum + count / 2) / count : (intSum - count / 2) / count;
      out.bytes()[index] = (byte) Math.min(Math.max(avg, lo), hi);
    }
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Tensor in = inputs[0];
    Tensor out = outputs[0];
    DataType type = in.dataType();
    int c = g.inChannels;
    for (int b = 0; b < g.batch; b++) {
      for (int oy = 0; oy < g.outHeight; oy++) {
        for (int ox = 0; ox < g.outWidth; ox++) {
          for (int ch = 0; ch < c; ch++) {
            float fsum = 0;
            int isum = 0;
            int count = 0;
            for (int ky = 0; ky < g.filterHeight; ky++) {
              for (int kx = 0; kx < g.filterWidth; kx++) {
                int iy = oy * g.strideH - g.padTop + ky;
                int ix = ox * g.strideW - g.padLeft + kx;
                if (iy >= 0 && iy < g.inHeight && ix >= 0 && ix < g.inWidth) {
                  int i = ((b * g.inHeight + iy) * g.inWidth + ix) * c + ch;
                  count++;
                  if (type == DataType.FLOAT32) {
                    fsum += in.floats()[i];
                  } else {
                    isum += type == DataType.UINT8 ? in.bytes()[i] & 0xFF : in.bytes()[i];
                  }
                }
              }
            }
            store(out, ((b * g.outHeight + oy) * g.outWidth + ox) * c + ch, fsum, isum, count);
          }
        }
      }
    }
  }
}
