package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.pool.PoolParams;

/**
 * MAX_POOL_2D for training on NHWC with TFLite's window and padding rules (padding taps never win). Forward takes
 * the maximum with {@link Math#max} over whole channel rows, as the inference kernel does, and keeps no record
 * of the winners: backward finds each window's winner again as its first tap equal to the output (the first
 * maximum on ties) and routes the output gradient to it alone.
 */
public final class MaxPool {
  private static final String NAME = "MAX_POOL_2D";

  private MaxPool() {}

  public static Variable apply(Tape tape, Variable x, PoolParams params) {
    Tape.requireInputs(NAME, x);
    if (params == null) {
      throw new OpPrepareException(NAME, "params are required");
    }
    if (params.activation != Activation.NONE) {
      throw new OpPrepareException(NAME, "fused activation " + params.activation + " is not differentiated; use NONE");
    }
    ConvGeometry g = ConvGeometry.of(NAME, x.shape(), params.filterHeight, params.filterWidth, params.strideH,
        params.strideW, 1, 1, params.padding);
    int c = g.inChannels;
    Variable y = tape.output(NAME, g.outputShape(c), x);
    float[] in = x.values();
    float[] out = y.values();
    tape.pool().parallelFor(g.batch * g.outHeight, (r0, r1) -> {
      int[] taps = new int[g.filterHeight * g.filterWidth];
      for (int r = r0; r < r1; r++) {
        for (int ox = 0; ox < g.outWidth; ox++) {
          int o = (r * g.outWidth + ox) * c;
          int n = windowTaps(g, r, ox, taps);
          System.arraycopy(in, taps[0], out, o, c);
          for (int t = 1; t < n; t++) {
            int i = taps[t];
            for (int ch = 0; ch < c; ch++) {
              out[o + ch] = Math.max(out[o + ch], in[i + ch]);
            }
          }
        }
      }
    });
    tape.record(y, () -> {
      float[] dy = y.grad();
      float[] dx = x.grad();
      // Windows overlap only within one image, so images split over threads with each input's gradient summed
      // in the same order whatever the thread count.
      tape.pool().parallelFor(g.batch, (b0, b1) -> {
        int[] taps = new int[g.filterHeight * g.filterWidth];
        float[] rest = new float[c];
        for (int r = b0 * g.outHeight; r < b1 * g.outHeight; r++) {
          for (int ox = 0; ox < g.outWidth; ox++) {
            int o = (r * g.outWidth + ox) * c;
            int n = windowTaps(g, r, ox, taps);
            System.arraycopy(dy, o, rest, 0, c);
            // Each tap in window order takes what is left where it equals the maximum, leaving nothing: bit
            // masks instead of branches, which would mispredict on random data.
            for (int t = 0; t < n; t++) {
              int i = taps[t];
              for (int ch = 0; ch < c; ch++) {
                int differs = differs(in[i + ch], out[o + ch]);
                dx[i + ch] += Activations.keep(rest[ch], ~differs);
                rest[ch] = Activations.keep(rest[ch], differs);
              }
            }
          }
        }
      });
    });
    return y;
  }

  /** Zero where {@code a} and {@code b} have the same value (−0 equal to +0), all ones where they differ. */
  private static int differs(float a, float b) {
    // + 0f turns −0 into +0, so equal values have equal bits.
    int d = Float.floatToRawIntBits(a + 0f) ^ Float.floatToRawIntBits(b + 0f);
    return (d | -d) >> 31;
  }

  /**
   * Writes the input offsets of the in-bounds taps of output (row {@code r}, column {@code ox}) into {@code taps}
   * in row-major window order and returns how many there are (at least one under TFLite's padding rules).
   */
  private static int windowTaps(ConvGeometry g, int r, int ox, int[] taps) {
    int b = r / g.outHeight;
    int y0 = r % g.outHeight * g.strideH - g.padTop;
    int x0 = ox * g.strideW - g.padLeft;
    int n = 0;
    for (int iy = Math.max(0, y0); iy < Math.min(g.inHeight, y0 + g.filterHeight); iy++) {
      for (int ix = Math.max(0, x0); ix < Math.min(g.inWidth, x0 + g.filterWidth); ix++) {
        taps[n++] = ((b * g.inHeight + iy) * g.inWidth + ix) * g.inChannels;
      }
    }
    return n;
  }
}
