package ai.fovea.models.classic;

import ai.fovea.kernels.parallel.ComputePool;

/**
 * A fitted classifier from the course's pre-CNN toolbox (k-NN, naive Bayes, linear SVM): it predicts one class
 * per feature row. Rows are laid out row-major, {@link #dimensions()} floats each (images flattened pixel by
 * pixel). Implementations are immutable once fitted and thread-safe.
 */
public interface ClassicClassifier {
  /** What was fitted, with its settings, e.g. {@code k-NN (k=5, L2, 60000 training rows)}. */
  String description();

  /** Floats per row. */
  int dimensions();

  /** The predicted class of each of the {@code rows.length / dimensions()} rows, split over {@code pool}. */
  int[] predict(float[] rows, ComputePool pool);
}
