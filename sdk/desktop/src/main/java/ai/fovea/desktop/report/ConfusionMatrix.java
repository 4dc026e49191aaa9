package ai.fovea.desktop.report;

/**
 * Counts of (true class, predicted class) pairs over a labelled test set, with the per-class and overall
 * accuracy read from it. Immutable.
 */
public final class ConfusionMatrix {
  private final int classes;
  private final int[][] counts;
  private final int total;

  private ConfusionMatrix(int classes, int[][] counts, int total) {
    this.classes = classes;
    this.counts = counts;
    this.total = total;
  }

  /** Tallies {@code labels[i]} against {@code predicted[i]}; both must lie in [0, classes). */
  public static ConfusionMatrix of(int[] labels, int[] predicted, int classes) {
    if (labels == null || predicted == null || labels.length != predicted.length || labels.length == 0) {
      throw new IllegalArgumentException("need as many predictions as labels (and at least one), got "
          + (labels == null ? "null" : labels.length) + " and " + (predicted == null ? "null" : predicted.length));
    }
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be >= 1, got " + classes);
    }
    int[][] counts = new int[classes][classes];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
        throw new IllegalArgumentException("sample " + i + ": label " + labels[i] + ", prediction " + predicted[i]
            + " not both in [0, " + classes + ")");
      }
      counts[labels[i]][predicted[i]]++;
    }
    return new ConfusionMatrix(classes, counts, labels.length);
  }

  public int classes() {
    return classes;
  }

  /** Samples of true class {@code trueClass} predicted as {@code predictedClass}. */
  public int count(int trueClass, int predictedClass) {
    return counts[trueClass][predictedClass];
  }

  /** Samples whose true class is {@code trueClass}. */
  public int rowTotal(int trueClass) {
    int sum = 0;
    for (int c : counts[trueClass]) {
      sum += c;
    }
    return sum;
  }

  /** All samples. */
  public int total() {
    return total;
  }

  public double accuracy() {
    int right = 0;
    for (int c = 0; c < classes; c++) {
      right += counts[c][c];
    }
    return (double) right / total;
  }

  /** Fraction of class {@code c}'s samples predicted as {@code c}; NaN when the class has none. */
  public double classAccuracy(int c) {
    int n = rowTotal(c);
    return n == 0 ? Double.NaN : (double) counts[c][c] / n;
  }
}
