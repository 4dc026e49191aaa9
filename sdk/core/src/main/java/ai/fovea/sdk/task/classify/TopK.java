package ai.fovea.sdk.task.classify;

import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.sdk.task.OutputValues;

/**
 * Classification post-processing: a model's class output (scores before softmax, or probabilities; float32,
 * int8 or uint8) → the {@code k} most probable classes at or above a threshold, most probable first, ties to the
 * lower class id. Softmax runs in double with the maximum subtracted, so large scores do not overflow. Sized
 * once for a class count; {@link #select} then allocates nothing. One thread at a time.
 */
public final class TopK {
  private final int classes;
  private final boolean applySoftmax;
  private final float[] values;

  /**
   * @param classes number of classes (the output's element count)
   * @param applySoftmax true for raw scores (logits), false when the model outputs probabilities
   */
  public TopK(int classes, boolean applySoftmax) {
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be >= 1, got " + classes);
    }
    this.classes = classes;
    this.applySoftmax = applySoftmax;
    this.values = new float[classes];
  }

  public int classes() {
    return classes;
  }

  /**
   * Writes up to {@code ids.length} class ids and their probabilities into {@code ids} and {@code scores}, most
   * probable first, keeping only those {@code >= threshold}; returns how many it wrote.
   */
  public int select(Tensor output, float threshold, int[] ids, float[] scores) {
    if (output == null || output.size() != classes) {
      throw new IllegalArgumentException("output must hold " + classes + " class values, got " + output);
    }
    if (ids == null || scores == null || scores.length < ids.length) {
      throw new IllegalArgumentException("ids and scores must be arrays, scores at least as long as ids");
    }
    OutputValues.dequantize(output, values);
    if (applySoftmax) {
      softmax(values);
    }
    int count = 0;
    for (int c = 0; c < classes; c++) {
      float p = values[c];
      if (!(p >= threshold)) {
        continue;
      }
      // Insertion into the sorted prefix; k is small, so this beats sorting every class.
      int at = count < ids.length ? count : ids.length;
      while (at > 0 && scores[at - 1] < p) {
        at--;
      }
      if (at >= ids.length) {
        continue;
      }
      int last = Math.min(count, ids.length - 1);
      System.arraycopy(ids, at, ids, at + 1, last - at);
      System.arraycopy(scores, at, scores, at + 1, last - at);
      ids[at] = c;
      scores[at] = p;
      count = Math.min(count + 1, ids.length);
    }
    return count;
  }

  private static void softmax(float[] v) {
    double max = Double.NEGATIVE_INFINITY;
    for (float x : v) {
      max = Math.max(max, x);
    }
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      double e = Math.exp(v[i] - max);
      v[i] = (float) e;
      sum += e;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] / sum);
    }
  }
}
