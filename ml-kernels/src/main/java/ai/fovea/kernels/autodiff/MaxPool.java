package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.pool.PoolParams;

/**
 * MAX_POOL_2D for training on NHWC with TFLite's window and padding rules (padding taps never win). Forward
 * remembers which input won each window; backward routes each output gradient to that input only (the first
 * maximum on ties).
 */
public final class MaxPool {
  private static final String NAME = "MAX_POOL_2D";

  private MaxPool() {}

  public static Variable apply(Tape tape, Variable x, PoolParams params) {
    if (params.activation != Activation.NONE) {
      throw new OpPrepareException(NAME, "fused activation " + params.activation + " is not differentiated; use NONE");
    }
    ConvGeometry g = ConvGeometry.of(NAME, x.shape(), params.filterHeight, params.filterWidth, params.strideH,
        params.strideW, 1, 1, params.padding);
    int c = g.inChannels;
    Variable y = tape.output(NAME, g.outputShape(c), x);
    float[] in = x.values();
    float[] out = y.values();
    int[] winner = new int[out.length];
    tape.pool().parallelFor(g.batch * g.outHeight, (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int b = r / g.outHeight;
        int oy = r % g.outHeight;
        for (int ox = 0; ox < g.outWidth; ox++) {
          int o = (r * g.outWidth + ox) * c;
          for (int ch = 0; ch < c; ch++) {
            float best = Float.NEGATIVE_INFINITY;
            int bestIndex = -1;
            for (int ky = 0; ky < g.filterHeight; ky++) {
              int iy = oy * g.strideH - g.padTop + ky;
              for (int kx = 0; kx < g.filterWidth; kx++) {
                int ix = ox * g.strideW - g.padLeft + kx;
                if (iy >= 0 && iy < g.inHeight && ix >= 0 && ix < g.inWidth) {
                  int i = ((b * g.inHeight + iy) * g.inWidth + ix) * c + ch;
                  if (bestIndex < 0 || in[i] > best) {
                    best = in[i];
                    bestIndex = i;
                  }
                }
              }
            }
            out[o + ch] = best;
            winner[o + ch] = bestIndex;
          }
        }
      }
    });
    tape.record(y, () -> {
      float[] dy = y.grad();
      float[] dx = x.grad();
      for (int o = 0; o < dy.length; o++) {
        dx[winner[o]] += dy[o];
      }
    });
    return y;
  }
}
