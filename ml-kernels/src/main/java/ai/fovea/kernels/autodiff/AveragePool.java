package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.pool.PoolParams;

/**
 * AVERAGE_POOL_2D for training on NHWC with TFLite's rules: a window averages only its in-bounds taps, so
 * backward spreads each output gradient evenly over exactly those taps.
 */
public final class AveragePool {
  private static final String NAME = "AVERAGE_POOL_2D";

  private AveragePool() {}

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
    Variable y = tape.output(NAME, g.outputShape(g.inChannels), x);
    float[] in = x.values();
    float[] out = y.values();
    tape.pool().parallelFor(g.batch * g.outHeight, (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        forEachWindow(g, r, (o, i, count) -> out[o] += in[i] / count);
      }
    });
    tape.record(y, () -> {
      float[] dy = y.grad();
      float[] dx = x.grad();
      // Windows overlap only within one image, so images split over threads with each input's gradient summed
      // in the same order whatever the thread count.
      tape.pool().parallelFor(g.batch, (b0, b1) -> {
        for (int r = b0 * g.outHeight; r < b1 * g.outHeight; r++) {
          forEachWindow(g, r, (o, i, count) -> dx[i] += dy[o] / count);
        }
      });
    });
    return y;
  }

  /** A visit of one in-bounds tap: output index, input index, number of in-bounds taps of that window. */
  private interface Tap {
    void visit(int output, int input, int count);
  }

  /** Visits every in-bounds tap of the windows of output row {@code r} (batch-major over output rows). */
  private static void forEachWindow(ConvGeometry g, int r, Tap tap) {
    int c = g.inChannels;
    int b = r / g.outHeight;
    int oy = r % g.outHeight;
    int y0 = oy * g.strideH - g.padTop;
    int yStart = Math.max(0, y0);
    int yEnd = Math.min(g.inHeight, y0 + g.filterHeight);
    for (int ox = 0; ox < g.outWidth; ox++) {
      int x0 = ox * g.strideW - g.padLeft;
      int xStart = Math.max(0, x0);
      int xEnd = Math.min(g.inWidth, x0 + g.filterWidth);
      int count = (yEnd - yStart) * (xEnd - xStart);
      int o = (r * g.outWidth + ox) * c;
      for (int iy = yStart; iy < yEnd; iy++) {
        for (int ix = xStart; ix < xEnd; ix++) {
          int i = ((b * g.inHeight + iy) * g.inWidth + ix) * c;
          for (int ch = 0; ch < c; ch++) {
            tap.visit(o + ch, i + ch, count);
          }
        }
      }
    }
  }
}
