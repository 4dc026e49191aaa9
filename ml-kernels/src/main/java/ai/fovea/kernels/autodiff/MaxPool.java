package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.pool.PoolParams;

/**
 * MAX_POOL_2D for training on NHWC with TFLite's window and padding rules (padding taps never win). Forward takes
 * the maximum with {@link Math#max}, as the inference kernel does, and records each output's winner: the input
 * offset of its window's first tap equal to the maximum (the first maximum on ties). Backward routes each output
 * gradient to its winner alone.
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
    int[] winners = new int[out.length];
    tape.pool().parallelFor(g.batch * g.outHeight, (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int image = r / g.outHeight;
        int y0 = r % g.outHeight * g.strideH - g.padTop;
        int iy0 = Math.max(0, y0);
        int iy1 = Math.min(g.inHeight, y0 + g.filterHeight);
        for (int ox = 0; ox < g.outWidth; ox++) {
          int o = (r * g.outWidth + ox) * c;
          int x0 = ox * g.strideW - g.padLeft;
          int ix0 = Math.max(0, x0);
          int ix1 = Math.min(g.inWidth, x0 + g.filterWidth);
          int first = ((image * g.inHeight + iy0) * g.inWidth + ix0) * c;
          for (int ch = 0; ch < c; ch++) {
            // Taps in window order (the first again, harmlessly): a tap takes the win where the running maximum
            // changes, which happens at the first tap equal to the final maximum and never after it. Bit masks
            // instead of branches, which would mispredict on random data.
            float best = in[first + ch];
            int winner = first + ch;
            for (int iy = iy0; iy < iy1; iy++) {
              for (int i = ((image * g.inHeight + iy) * g.inWidth + ix0) * c + ch, end = i + (ix1 - ix0) * c;
                  i < end; i += c) {
                float max = Math.max(best, in[i]);
                int changed = differs(max, best);
                winner = winner & ~changed | i & changed;
                best = max;
              }
            }
            out[o + ch] = best;
            winners[o + ch] = winner;
          }
        }
      }
    });
    tape.record(y, () -> {
      float[] dy = y.grad();
      float[] dx = x.grad();
      // Windows overlap only within one image, so images split over threads with each input's gradient summed
      // in output order whatever the thread count.
      int perImage = out.length / g.batch;
      tape.pool().parallelFor(g.batch, (b0, b1) -> {
        for (int o = b0 * perImage; o < b1 * perImage; o++) {
          dx[winners[o]] += dy[o];
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
}
