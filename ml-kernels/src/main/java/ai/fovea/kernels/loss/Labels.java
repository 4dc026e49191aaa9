package ai.fovea.kernels.loss;

import ai.fovea.kernels.autodiff.Tape;
import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.op.OpPrepareException;

/** The shared argument check of classification losses: scores [batch, classes], one label in range per row. */
final class Labels {
  private Labels() {}

  /** Returns {batch, classes}. */
  static int[] check(String loss, Variable scores, int[] labels) {
    Tape.requireInputs(loss, scores);
    if (scores.shape().rank() != 2 || scores.shape().dim(0) == 0 || scores.shape().dim(1) == 0) {
      throw new OpPrepareException(loss, "needs non-empty scores [batch, classes], got " + scores.shape());
    }
    int batch = scores.shape().dim(0);
    int classes = scores.shape().dim(1);
    if (labels == null || labels.length != batch) {
      throw new OpPrepareException(loss, "needs " + batch + " labels, got "
          + (labels == null ? "null" : labels.length));
    }
    for (int b = 0; b < batch; b++) {
      if (labels[b] < 0 || labels[b] >= classes) {
        throw new OpPrepareException(loss, "label " + labels[b] + " at row " + b + " is not in [0, " + classes + ")");
      }
    }
    return new int[] {batch, classes};
  }
}
