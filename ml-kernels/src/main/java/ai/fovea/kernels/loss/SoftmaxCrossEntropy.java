package ai.fovea.kernels.loss;

import ai.fovea.kernels.autodiff.Tape;
import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.tensor.Shape;

/**
 * Mean over the batch of {@code −log softmax(logits)[label]} for logits [batch, classes]. Computed as
 * {@code logsumexp(z − max z) − (z_label − max z)} in double, so large logits neither overflow nor lose the
 * label's term; the gradient is {@code (softmax − onehot) / batch}.
 */
public final class SoftmaxCrossEntropy {
  private SoftmaxCrossEntropy() {}

  public static Variable apply(Tape tape, Variable logits, int[] labels) {
    int[] dims = Labels.check("SoftmaxCrossEntropy", logits, labels);
    int batch = dims[0];
    int classes = dims[1];
    float[] z = logits.values();
    float[] softmax = new float[batch * classes];
    double total = 0;
    for (int b = 0; b < batch; b++) {
      int row = b * classes;
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < classes; j++) {
        max = Math.max(max, z[row + j]);
      }
      double sum = 0;
      for (int j = 0; j < classes; j++) {
        sum += Math.exp(z[row + j] - max);
      }
      for (int j = 0; j < classes; j++) {
        softmax[row + j] = (float) (Math.exp(z[row + j] - max) / sum);
      }
      total += Math.log(sum) - (z[row + labels[b]] - max);
    }
    Variable loss = tape.output("softmax_cross_entropy", Shape.scalar(), logits);
    loss.values()[0] = (float) (total / batch);
    tape.record(loss, () -> {
      float scale = loss.grad()[0] / batch;
      float[] dz = logits.grad();
      for (int b = 0; b < batch; b++) {
        for (int j = 0; j < classes; j++) {
          int i = b * classes + j;
          dz[i] += scale * (softmax[i] - (j == labels[b] ? 1f : 0f));
        }
      }
    });
    return loss;
  }
}
