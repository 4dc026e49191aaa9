package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;

/** The same values under another shape of equal size (row-major order kept); {@link #flatten} keeps the batch. */
public final class Reshape {
  private static final String NAME = "RESHAPE";

  private Reshape() {}

  public static Variable apply(Tape tape, Variable x, Shape shape) {
    if (shape == null || shape.size() != x.size()) {
      throw new OpPrepareException(NAME, "cannot reshape " + x.shape() + " to " + shape);
    }
    Variable y = tape.output(NAME, shape, x);
    System.arraycopy(x.values(), 0, y.values(), 0, x.size());
    tape.record(y, () -> {
      float[] dy = y.grad();
      float[] dx = x.grad();
      for (int i = 0; i < dx.length; i++) {
        dx[i] += dy[i];
      }
    });
    return y;
  }

  /** [N, ...] to [N, product of the rest]. */
  public static Variable flatten(Tape tape, Variable x) {
    if (x.shape().rank() < 1) {
      throw new OpPrepareException(NAME, "cannot flatten a scalar");
    }
    return apply(tape, x, Shape.of(x.shape().dim(0), x.shape().sizeFrom(1)));
  }
}
