package ai.fovea.kernels.loss;

import ai.fovea.kernels.autodiff.Tape;
import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;

/**
 * RetinaNet's focal loss on independent sigmoid logits with 0/1 targets:
 * {@code −α_t·(1 − p_t)^γ·log p_t} summed and divided by the number of positive targets (at least 1), where
 * p_t is the probability of the true outcome and α_t is α for positives, 1 − α for negatives. log p_t is
 * taken as {@code −softplus(−s·x)} (s = ±1 by target), so confident logits neither overflow nor give log 0.
 */
public final class SigmoidFocalLoss {
  private SigmoidFocalLoss() {}

  public static Variable apply(Tape tape, Variable logits, float[] targets, float alpha, float gamma) {
    Tape.requireInputs("SigmoidFocalLoss", logits);
    int n = logits.size();
    if (targets == null || targets.length != n || n == 0) {
      throw new OpPrepareException("SigmoidFocalLoss", "needs non-empty logits and " + n + " targets, got "
          + (targets == null ? "null" : targets.length));
    }
    if (!(alpha >= 0f && alpha <= 1f) || !(gamma >= 0f) || Float.isInfinite(gamma)) {
      throw new IllegalArgumentException("need alpha in [0, 1] and finite gamma >= 0, got " + alpha + ", " + gamma);
    }
    int positives = 0;
    for (int i = 0; i < n; i++) {
      if (targets[i] != 0f && targets[i] != 1f) {
        throw new OpPrepareException("SigmoidFocalLoss", "target " + targets[i] + " at " + i + " is not 0 or 1");
      }
      positives += targets[i] == 1f ? 1 : 0;
    }
    float normalizer = Math.max(1, positives);
    float[] x = logits.values();
    float[] slope = new float[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      double sign = targets[i] == 1f ? 1 : -1;
      double weight = targets[i] == 1f ? alpha : 1 - alpha;
      double z = sign * x[i];
      double logPt = -(Math.max(-z, 0) + Math.log1p(Math.exp(-Math.abs(z))));
      double pt = Math.exp(logPt);
      double miss = 1 - pt;
      total += -weight * Math.pow(miss, gamma) * logPt;
      // d/dx = s·dL/dp_t·p_t(1 − p_t) = −s·α_t·[(1 − p_t)^(γ+1) − γ·(1 − p_t)^γ·p_t·log p_t]
      slope[i] = (float) (-sign * weight * (Math.pow(miss, gamma + 1) - gamma * Math.pow(miss, gamma) * pt * logPt));
    }
    Variable loss = tape.output("sigmoid_focal_loss", Shape.scalar(), logits);
    loss.values()[0] = (float) (total / normalizer);
    tape.record(loss, () -> {
      float scale = loss.grad()[0] / normalizer;
      float[] dx = logits.grad();
      for (int i = 0; i < n; i++) {
        dx[i] += scale * slope[i];
      }
    });
    return loss;
  }
}
