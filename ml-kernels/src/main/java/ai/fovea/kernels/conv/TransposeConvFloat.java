package ai.fovea.kernels.conv;

import ai.fovea.kernels.gemm.FloatGemm;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;

/**
 * TRANSPOSE_CONV on float32 NHWC tensors (see {@link TransposeConvGeometry} for the inputs and the arithmetic).
 * The reference form is TFLite's scatter: every input pixel adds its products into the output, then the bias is
 * added. The optimized form is GEMM plus col2im in gather order: per batch, one {@link FloatGemm} per filter tap
 * multiplies all input pixels by that tap's [inC × outC] weights into per-pixel column rows; then each output
 * pixel starts from the bias and adds the column rows of the taps that land on it, a loop along output channels
 * over zero-based rows that C2 vectorizes. Threads split blocks of input pixels, then output rows. The column
 * rows take taps × input pixels × outC floats, as TFLite's col2im buffer does.
 */
public final class TransposeConvFloat implements Op {
  /** Input pixels per column block, the unit of the multiply phase. */
  static final int BLOCK = 64;

  private final TransposeConvParams params;
  private final ComputePool pool;
  private TransposeConvGeometry g;
  private FloatGemm[] tapGemms;
  private float[] biasRow;
  private float[][][][] columns;
  private float[][] accumulators;

  public TransposeConvFloat(TransposeConvParams params, ComputePool pool) {
    if (params == null || pool == null) {
      throw new IllegalArgumentException("params and pool are required");
    }
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    g = TransposeConvGeometry.prepare(DataType.FLOAT32, inputs, outputs, params);
    float[] w = inputs[1].floats();
    tapGemms = new FloatGemm[g.taps()];
    for (int t = 0; t < tapGemms.length; t++) {
      float[] tap = new float[g.outChannels * g.inChannels];
      for (int oc = 0; oc < g.outChannels; oc++) {
        System.arraycopy(w, (oc * g.taps() + t) * g.inChannels, tap, oc * g.inChannels, g.inChannels);
      }
      tapGemms[t] = FloatGemm.ofTransposed(tap, g.outChannels, g.inChannels);
    }
    Tensor bias = inputs.length > 3 ? inputs[3] : null;
    biasRow = bias == null ? new float[g.outChannels] : Arrays.copyOf(bias.floats(), g.outChannels);
    int pixels = g.inHeight * g.inWidth;
    int blocks = (pixels + BLOCK - 1) / BLOCK;
    columns = new float[g.taps()][blocks][][];
    for (int t = 0; t < columns.length; t++) {
      for (int k = 0; k < blocks; k++) {
        columns[t][k] = new float[Math.min(BLOCK, pixels - k * BLOCK)][g.outChannels];
      }
    }
    accumulators = new float[pool.threads()][g.outChannels];
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    float[] in = inputs[2].floats();
    float[] out = outputs[0].floats();
    int blocks = columns[0].length;
    int threads = pool.threads();
    for (int b = 0; b < g.batch; b++) {
      int batch = b;
      int base = b * g.inHeight * g.inWidth * g.inChannels;
      pool.parallelFor(g.taps() * blocks, 1, (i0, i1) -> {
        for (int i = i0; i < i1; i++) {
          float[][] rows = columns[i / blocks][i % blocks];
          tapGemms[i / blocks].multiply(in, base + i % blocks * BLOCK * g.inChannels, g.inChannels, rows.length,
              null, rows, 0, g.outChannels);
        }
      });
      pool.parallelFor(threads, 1, (t0, t1) -> {
        for (int t = t0; t < t1; t++) {
          for (int oy = g.outHeight * t / threads, end = g.outHeight * (t + 1) / threads; oy < end; oy++) {
            gatherRow(out, batch, oy, accumulators[t]);
          }
        }
      });
    }
  }

  private void gatherRow(float[] out, int b, int oy, float[] acc) {
    int n = g.outChannels;
    for (int ox = 0; ox < g.outWidth; ox++) {
      System.arraycopy(biasRow, 0, acc, 0, n);
      for (int ky = 0; ky < g.filterHeight; ky++) {
        int iy = g.inputRow(oy, ky);
        for (int kx = 0; iy >= 0 && kx < g.filterWidth; kx++) {
          int ix = g.inputColumn(ox, kx);
          if (ix >= 0) {
            int p = iy * g.inWidth + ix;
            float[] column = columns[ky * g.filterWidth + kx][p / BLOCK][p % BLOCK];
            for (int j = 0; j < n; j++) {
              acc[j] += column[j];
            }
          }
        }
      }
      System.arraycopy(acc, 0, out, ((b * g.outHeight + oy) * g.outWidth + ox) * n, n);
    }
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    float[] w = inputs[1].floats();
    float[] in = inputs[2].floats();
    float[] out = outputs[0].floats();
    Arrays.fill(out, 0, outputs[0].size(), 0f);
    for (int b = 0; b < g.batch; b++) {
      for (int iy = 0; iy < g.inHeight; iy++) {
        for (int ix = 0; ix < g.inWidth; ix++) {
          for (int ic = 0; ic < g.inChannels; ic++) {
            float x = in[((b * g.inHeight + iy) * g.inWidth + ix) * g.inChannels + ic];
            for (int ky = 0; ky < g.filterHeight; ky++) {
              for (int kx = 0; kx < g.filterWidth; kx++) {
                int oy = iy * g.strideH - g.padTop + ky;
                int ox = ix * g.strideW - g.padLeft + kx;
                if (oy < 0 || oy >= g.outHeight || ox < 0 || ox >= g.outWidth) {
                  continue;
                }
                for (int oc = 0; oc < g.outChannels; oc++) {
                  out[((b * g.outHeight + oy) * g.outWidth + ox) * g.outChannels + oc] +=
                      x * w[((oc * g.filterHeight + ky) * g.filterWidth + kx) * g.inChannels + ic];
                }
              }
            }
          }
        }
      }
    }
    for (int i = 0; i < outputs[0].size(); i++) {
      out[i] += biasRow[i % g.outChannels];
    }
  }
}
