package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;

/** The mean over height and width: NHWC [N, H, W, C] to [N, C] (TFLite's MEAN over axes 1 and 2). */
public final class GlobalAveragePool {
  private static final String NAME = "MEAN";

  private GlobalAveragePool() {}

  public static Variable apply(Tape tape, Variable x) {
    Tape.requireInputs(NAME, x);
    Shape s = x.shape();
    if (s.rank() != 4 || s.dim(1) * s.dim(2) == 0) {
      throw new OpPrepareException(NAME, "needs a non-empty NHWC input, got " + s);
    }
    int batch = s.dim(0);
    int pixels = s.dim(1) * s.dim(2);
    int c = s.dim(3);
    Variable y = tape.output(NAME, Shape.of(batch, c), x);
    float[] in = x.values();
    float[] out = y.values();
    tape.pool().parallelFor(batch, (b0, b1) -> {
      for (int b = b0; b < b1; b++) {
        for (int p = 0; p < pixels; p++) {
          int base = (b * pixels + p) * c;
          for (int ch = 0; ch < c; ch++) {
            out[b * c + ch] += in[base + ch];
          }
        }
        for (int ch = 0; ch < c; ch++) {
          out[b * c + ch] /= pixels;
        }
      }
    });
    tape.record(y, () -> {
      float[] dy = y.grad();
      float[] dx = x.grad();
      tape.pool().parallelFor(batch, (b0, b1) -> {
        float[] share = new float[c];
        for (int b = b0; b < b1; b++) {
          for (int ch = 0; ch < c; ch++) {
            share[ch] = dy[b * c + ch] / pixels;
          }
          // One division per channel and image, not per pixel.
          for (int p = 0; p < pixels; p++) {
            int base = (b * pixels + p) * c;
            for (int ch = 0; ch < c; ch++) {
              dx[base + ch] += share[ch];
            }
          }
        }
      });
    });
    return y;
  }
}
