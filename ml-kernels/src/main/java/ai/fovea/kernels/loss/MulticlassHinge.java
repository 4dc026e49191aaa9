package ai.fovea.kernels.loss;

import ai.fovea.kernels.autodiff.Tape;
import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.tensor.Shape;

/**
 * The multiclass SVM loss (Weston–Watkins, as in CS231n): mean over the batch of
 * {@code Σ_{j ≠ label} max(0, s_j − s_label + margin)}. A violating class j gets gradient +1 and the label −1
 * per violation; a margin of exactly zero counts as satisfied.
 */
public final class MulticlassHinge {
  private MulticlassHinge() {}

  public static Variable apply(Tape tape, Variable scores, int[] labels, float margin) {
    int[] dims = Labels.check("MulticlassHinge", scores, labels);
    if (!(margin >= 0f) || Float.isInfinite(margin)) {
      throw new IllegalArgumentException("margin must be finite and >= 0, got " + margin);
    }
    int batch = dims[0];
    int classes = dims[1];
    float[] s = scores.values();
    boolean[] violates = new boolean[batch * classes];
    double total = 0;
    for (int b = 0; b < batch; b++) {
      int row = b * classes;
      float correct = s[row + labels[b]];
      for (int j = 0; j < classes; j++) {
        float slack = s[row + j] - correct + margin;
        if (j != labels[b] && slack > 0f) {
          violates[row + j] = true;
          total += slack;
        }
      }
    }
    Variable loss = tape.output("multiclass_hinge", Shape.scalar(), scores);
    loss.values()[0] = (float) (total / batch);
    tape.record(loss, () -> {
      float scale = loss.grad()[0] / batch;
      float[] ds = scores.grad();
      for (int b = 0; b < batch; b++) {
        int row = b * classes;
        for (int j = 0; j < classes; j++) {
          if (violates[row + j]) {
            ds[row + j] += scale;
            ds[row + labels[b]] -= scale;
          }
        }
      }
    });
    return loss;
  }
}
