package ai.fovea.kernels.conv;

import ai.fovea.kernels.gemm.QuantizedGemm;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;

/**
 * TRANSPOSE_CONV on quantized NHWC tensors, as TFLite 2.6: INT8 with per-channel (or per-tensor) symmetric weights,
 * or the legacy UINT8 form with per-tensor asymmetric weights; per-tensor asymmetric input and output; int32 bias.
 * Output channel oc accumulates {@code Σ (x − zp_in)·(w − zp_w) + bias} and is requantized with gemmlowp's double
 * rounding (scale product in double for INT8, in float for UINT8), then the output zero point; TFLite 2.6 fuses no
 * activation, so the clamp is the type's range. The forms are those of {@link TransposeConvFloat}, with a
 * {@link QuantizedGemm} per tap (exact in int32, so both forms agree bit for bit).
 */
public final class TransposeConvInt8 implements Op {
  private static final int BLOCK = TransposeConvFloat.BLOCK;

  private final TransposeConvParams params;
  private final ComputePool pool;
  private TransposeConvGeometry g;
  private int valueMask;
  private int filterZeroPoint;
  private QuantizedGemm[] tapGemms;
  private int[][] tapSeeds;
  private int[] biasRow;
  private ChannelRequantizer requantizer;
  private int[][][][] columns;
  private int[][] accumulators;

  public TransposeConvInt8(TransposeConvParams params, ComputePool pool) {
    if (params == null || pool == null) {
      throw new IllegalArgumentException("params and pool are required");
    }
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    DataType type = inputs.length > 2 && inputs[2] != null ? inputs[2].dataType() : null;
    if (type != DataType.INT8 && type != DataType.UINT8) {
      throw new OpPrepareException(TransposeConvGeometry.NAME, "expects an INT8 or UINT8 input, got " + type);
    }
    g = TransposeConvGeometry.prepare(type, inputs, outputs, params);
    Tensor weights = inputs[1];
    boolean legacy = type == DataType.UINT8;
    requantizer = ChannelRequantizer.of(TransposeConvGeometry.NAME, inputs[2], weights, outputs[0], g.outChannels,
        Activation.NONE, legacy, ChannelRequantizer.Rounding.DOUBLE);
    valueMask = legacy ? 0xFF : -1;
    filterZeroPoint = weights.quantization().zeroPoint();
    int inputZeroPoint = inputs[2].quantization().zeroPoint();
    byte[] w = weights.bytes();
    tapGemms = new QuantizedGemm[g.taps()];
    tapSeeds = new int[g.taps()][];
    for (int t = 0; t < tapGemms.length; t++) {
      byte[] tap = new byte[g.outChannels * g.inChannels];
      for (int oc = 0; oc < g.outChannels; oc++) {
        System.arraycopy(w, (oc * g.taps() + t) * g.inChannels, tap, oc * g.inChannels, g.inChannels);
      }
      tapGemms[t] = legacy ? QuantizedGemm.ofTransposedUnsigned(tap, g.outChannels, g.inChannels, filterZeroPoint)
          : QuantizedGemm.ofTransposed(tap, g.outChannels, g.inChannels);
      tapSeeds[t] = tapGemms[t].seed(null, inputZeroPoint);
    }
    Tensor bias = inputs.length > 3 ? inputs[3] : null;
    biasRow = bias == null ? new int[g.outChannels] : Arrays.copyOf(bias.ints(), g.outChannels);
    int pixels = g.inHeight * g.inWidth;
    int blocks = (pixels + BLOCK - 1) / BLOCK;
    columns = new int[g.taps()][blocks][][];
    for (int t = 0; t < columns.length; t++) {
      for (int k = 0; k < blocks; k++) {
        columns[t][k] = new int[Math.min(BLOCK, pixels - k * BLOCK)][g.outChannels];
      }
    }
    accumulators = new int[pool.threads()][g.outChannels];
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    byte[] in = inputs[2].bytes();
    byte[] out = outputs[0].bytes();
    int blocks = columns[0].length;
    int threads = pool.threads();
    for (int b = 0; b < g.batch; b++) {
      int batch = b;
      int base = b * g.inHeight * g.inWidth * g.inChannels;
      pool.parallelFor(g.taps() * blocks, 1, (i0, i1) -> {
        for (int i = i0; i < i1; i++) {
          int[][] rows = columns[i / blocks][i % blocks];
          tapGemms[i / blocks].multiply(in, base + i % blocks * BLOCK * g.inChannels,
              g.inChannels, rows.length, tapSeeds[i / blocks], rows, 0, g.outChannels);
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

  private void gatherRow(byte[] out, int b, int oy, int[] acc) {
    int n = g.outChannels;
    for (int ox = 0; ox < g.outWidth; ox++) {
      System.arraycopy(biasRow, 0, acc, 0, n);
      for (int ky = 0; ky < g.filterHeight; ky++) {
        int iy = g.inputRow(oy, ky);
        for (int kx = 0; iy >= 0 && kx < g.filterWidth; kx++) {
          int ix = g.inputColumn(ox, kx);
          if (ix >= 0) {
            int p = iy * g.inWidth + ix;
            int[] column = columns[ky * g.filterWidth + kx][p / BLOCK][p % BLOCK];
            for (int j = 0; j < n; j++) {
              acc[j] += column[j];
            }
          }
        }
      }
      requantizer.apply(acc, out, ((b * g.outHeight + oy) * g.outWidth + ox) * n, 0, n);
    }
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    byte[] w = inputs[1].bytes();
    byte[] in = inputs[2].bytes();
    byte[] out = outputs[0].bytes();
    int zp = inputs[2].quantization().zeroPoint();
    // The reference keeps TFLite's int32 scatter buffer; it is verification-only, so it allocates it here.
    int[] scratch = new int[outputs[0].size()];
    for (int b = 0; b < g.batch; b++) {
      for (int iy = 0; iy < g.inHeight; iy++) {
        for (int ix = 0; ix < g.inWidth; ix++) {
          for (int ic = 0; ic < g.inChannels; ic++) {
            int x = (in[((b * g.inHeight + iy) * g.inWidth + ix) * g.inChannels + ic] & valueMask) - zp;
            for (int ky = 0; ky < g.filterHeight; ky++) {
              for (int kx = 0; kx < g.filterWidth; kx++) {
                int oy = iy * g.strideH - g.padTop + ky;
                int ox = ix * g.strideW - g.padLeft + kx;
                if (oy < 0 || oy >= g.outHeight || ox < 0 || ox >= g.outWidth) {
                  continue;
                }
                for (int oc = 0; oc < g.outChannels; oc++) {
                  int f = w[((oc * g.filterHeight + ky) * g.filterWidth + kx) * g.inChannels + ic] & valueMask;
                  int o = ((b * g.outHeight + oy) * g.outWidth + ox) * g.outChannels + oc;
                  scratch[o] += x * (f - filterZeroPoint);
                }
              }
            }
          }
        }
      }
    }
    for (int i = 0; i < scratch.length; i++) {
      out[i] = (byte) requantizer.apply(scratch[i] + biasRow[i % g.outChannels], i % g.outChannels);
    }
  }
}
