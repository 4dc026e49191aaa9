package ai.fovea.models.classic;

/** The argument checks every classic classifier shares: a non-empty row-major matrix and one label per row. */
final class FeatureRows {
  private FeatureRows() {}

  /** Returns the number of rows of {@code rows}, which must hold whole rows of {@code dimensions} floats. */
  static int count(float[] rows, int dimensions) {
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1, got " + dimensions);
    }
    if (rows == null || rows.length == 0 || rows.length % dimensions != 0) {
      throw new IllegalArgumentException("need whole rows of " + dimensions + " floats, got "
          + (rows == null ? "null" : rows.length + " floats"));
    }
    return rows.length / dimensions;
  }

  /** Checks the training set: labels in [0, classes), one per row; returns the number of rows. */
  static int checkTraining(float[] rows, int dimensions, int[] labels, int classes) {
    int count = count(rows, dimensions);
    if (classes < 2) {
      throw new IllegalArgumentException("need at least 2 classes, got " + classes);
    }
    if (labels == null || labels.length != count) {
      throw new IllegalArgumentException("need " + count + " labels, got " + (labels == null ? "null" : labels.length));
    }
    for (int i = 0; i < count; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is not in [0, " + classes + ")");
      }
    }
    return count;
  }

  /** Index of the largest value in {@code scores[offset, offset + length)}; the first on ties. */
  static int argMax(double[] scores, int offset, int length) {
    int best = 0;
    for (int j = 1; j < length; j++) {
      if (scores[offset + j] > scores[offset + best]) {
        best = j;
      }
    }
    return best;
  }
}
