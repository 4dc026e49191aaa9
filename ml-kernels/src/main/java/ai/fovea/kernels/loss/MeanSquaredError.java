package ai.fovea.kernels.loss;

import ai.fovea.kernels.autodiff.Tape;
import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;

/** Mean over all elements of {@code (prediction − target)²}; the target is a constant of the same shape. */
public final class MeanSquaredError {
  private MeanSquaredError() {}

  public static Variable apply(Tape tape, Variable prediction, float[] target) {
    int n = prediction.size();
    if (target == null || target.length != n || n == 0) {
      throw new OpPrepareException("MeanSquaredError", "needs a non-empty prediction and a target of " + n
          + " values, got " + (target == null ? "null" : target.length));
    }
    float[] p = prediction.values();
    double total = 0;
    for (int i = 0; i < n; i++) {
      double d = (double) p[i] - target[i];
      total += d * d;
    }
    Variable loss = tape.output("mean_squared_error", Shape.scalar(), prediction);
    loss.values()[0] = (float) (total / n);
    tape.record(loss, () -> {
      float scale = 2f * loss.grad()[0] / n;
      float[] dp = prediction.grad();
      for (int i = 0; i < n; i++) {
        dp[i] += scale * (p[i] - target[i]);
      }
    });
    return loss;
  }
}
