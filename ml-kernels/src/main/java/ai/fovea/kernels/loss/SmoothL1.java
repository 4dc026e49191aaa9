package ai.fovea.kernels.loss;

import ai.fovea.kernels.autodiff.Tape;
import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;

/**
 * The box-regression loss of Fast R-CNN and SSD, mean over elements: with d = prediction − target,
 * {@code 0.5·d²/β} where |d| < β and {@code |d| − 0.5·β} elsewhere (PyTorch's smooth_l1_loss), so the gradient
 * is d/β inside and ±1 outside — continuous at |d| = β.
 */
public final class SmoothL1 {
  private SmoothL1() {}

  public static Variable apply(Tape tape, Variable prediction, float[] target, float beta) {
    Tape.requireInputs("SmoothL1", prediction);
    int n = prediction.size();
    if (target == null || target.length != n || n == 0) {
      throw new OpPrepareException("SmoothL1", "needs a non-empty prediction and a target of " + n + " values, got "
          + (target == null ? "null" : target.length));
    }
    if (!(beta > 0f) || Float.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be finite and > 0, got " + beta);
    }
    float[] p = prediction.values();
    double total = 0;
    for (int i = 0; i < n; i++) {
      double d = Math.abs((double) p[i] - target[i]);
      total += d < beta ? 0.5 * d * d / beta : d - 0.5 * beta;
    }
    Variable loss = tape.output("smooth_l1", Shape.scalar(), prediction);
    loss.values()[0] = (float) (total / n);
    tape.record(loss, () -> {
      float scale = loss.grad()[0] / n;
      float[] dp = prediction.grad();
      for (int i = 0; i < n; i++) {
        float d = p[i] - target[i];
        dp[i] += scale * (Math.abs(d) < beta ? d / beta : Math.signum(d));
      }
    });
    return loss;
  }
}
