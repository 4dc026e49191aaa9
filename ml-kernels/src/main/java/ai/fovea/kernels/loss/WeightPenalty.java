package ai.fovea.kernels.loss;

import ai.fovea.kernels.autodiff.Tape;
import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.tensor.Shape;
import java.util.List;

/**
 * L1, L2 and elastic-net regularization as a loss term: {@code l1·Σ|w| + l2·Σw²} over the given weights
 * (Keras's convention). Callers pass kernels only: biases and batch-norm parameters are conventionally left
 * out. The L1 subgradient at exactly 0 is 0.
 */
public final class WeightPenalty {
  private WeightPenalty() {}

  public static Variable apply(Tape tape, List<Variable> weights, float l1, float l2) {
    if (weights == null || weights.isEmpty()) {
      throw new IllegalArgumentException("weight penalty needs at least one weight");
    }
    if (!(l1 >= 0f) || !(l2 >= 0f) || Float.isInfinite(l1) || Float.isInfinite(l2)) {
      throw new IllegalArgumentException("l1 and l2 must be finite and >= 0, got " + l1 + ", " + l2);
    }
    double total = 0;
    for (Variable w : weights) {
      for (float v : w.values()) {
        total += l1 * Math.abs(v) + (double) l2 * v * v;
      }
    }
    Variable penalty = tape.output("weight_penalty", Shape.scalar(), weights.toArray(new Variable[0]));
    penalty.values()[0] = (float) total;
    tape.record(penalty, () -> {
      float scale = penalty.grad()[0];
      for (Variable w : weights) {
        if (w.requiresGrad()) {
          float[] v = w.values();
          float[] g = w.grad();
          for (int i = 0; i < v.length; i++) {
            g[i] += scale * (l1 * Math.signum(v[i]) + 2f * l2 * v[i]);
          }
        }
      }
    });
    return penalty;
  }
}
