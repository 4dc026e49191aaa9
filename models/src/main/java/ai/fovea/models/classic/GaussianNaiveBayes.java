package ai.fovea.models.classic;

import ai.fovea.kernels.parallel.ComputePool;
import java.util.Locale;

/**
 * Gaussian naive Bayes: each class models every feature as an independent normal distribution (mean and
 * variance of the class's training rows), weighted by the class's share of the training set; a row takes the
 * class of highest log posterior. As in scikit-learn, {@code varianceSmoothing × (largest feature variance)} is
 * added to every variance, so constant features (image borders) do not divide by zero. A class with no
 * training rows is never predicted.
 */
public final class GaussianNaiveBayes implements ClassicClassifier {
  private final int dimensions;
  private final int classes;
  private final double varianceSmoothing;
  private final int trainingRows;
  /** Per class and feature: −1 / (2σ²) and μ / σ²; per class the constant term. Log-likelihood is a quadratic. */
  private final double[] quadratic;
  private final double[] linear;
  private final double[] constant;

  private GaussianNaiveBayes(int dimensions, int classes, double varianceSmoothing, int trainingRows,
      double[] quadratic, double[] linear, double[] constant) {
    this.dimensions = dimensions;
    this.classes = classes;
    this.varianceSmoothing = varianceSmoothing;
    this.trainingRows = trainingRows;
    this.quadratic = quadratic;
    this.linear = linear;
    this.constant = constant;
  }

  /** Fits means, variances and priors in double precision; {@code varianceSmoothing} ≥ 0 (scikit-learn: 1e-9). */
  public static GaussianNaiveBayes fit(float[] rows, int dimensions, int[] labels, int classes,
      double varianceSmoothing) {
    int count = FeatureRows.checkTraining(rows, dimensions, labels, classes);
    if (!(varianceSmoothing >= 0) || Double.isInfinite(varianceSmoothing)) {
      throw new IllegalArgumentException("variance smoothing must be finite and >= 0, got " + varianceSmoothing);
    }
    double[] sum = new double[classes * dimensions];
    double[] sumSquares = new double[classes * dimensions];
    int[] perClass = new int[classes];
    for (int i = 0; i < count; i++) {
      int c = labels[i];
      perClass[c]++;
      for (int d = 0, base = i * dimensions, at = c * dimensions; d < dimensions; d++) {
        double x = rows[base + d];
        sum[at + d] += x;
        sumSquares[at + d] += x * x;
      }
    }
    double epsilon = varianceSmoothing * largestVariance(rows, dimensions, count);
    double[] quadratic = new double[classes * dimensions];
    double[] linear = new double[classes * dimensions];
    double[] constant = new double[classes];
    for (int c = 0; c < classes; c++) {
      if (perClass[c] == 0) {
        constant[c] = Double.NEGATIVE_INFINITY;
        continue;
      }
      double logLikelihood = Math.log((double) perClass[c] / count);
      for (int d = 0, at = c * dimensions; d < dimensions; d++) {
        double mean = sum[at + d] / perClass[c];
        double variance = Math.max(0, sumSquares[at + d] / perClass[c] - mean * mean) + epsilon;
        if (!(variance > 0)) {
          throw new IllegalArgumentException("feature " + d + " of class " + c + " has zero variance; "
              + "use a variance smoothing > 0");
        }
        quadratic[at + d] = -0.5 / variance;
        linear[at + d] = mean / variance;
        logLikelihood += -0.5 * Math.log(2 * Math.PI * variance) - 0.5 * mean * mean / variance;
      }
      constant[c] = logLikelihood;
    }
    return new GaussianNaiveBayes(dimensions, classes, varianceSmoothing, count, quadratic, linear, constant);
  }

  private static double largestVariance(float[] rows, int dimensions, int count) {
    double largest = 0;
    for (int d = 0; d < dimensions; d++) {
      double sum = 0;
      double sumSquares = 0;
      for (int i = 0; i < count; i++) {
        double x = rows[i * dimensions + d];
        sum += x;
        sumSquares += x * x;
      }
      double mean = sum / count;
      largest = Math.max(largest, sumSquares / count - mean * mean);
    }
    return largest;
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT, "Gaussian naive Bayes (variance smoothing %.0e, %d training rows)",
        varianceSmoothing, trainingRows);
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  /** Log joint probability (log prior + log likelihood) of row {@code row} under each class, into {@code out}. */
  public void logPosteriors(float[] rows, int row, double[] out) {
    int count = FeatureRows.count(rows, dimensions);
    if (row < 0 || row >= count || out == null || out.length < classes) {
      throw new IllegalArgumentException("row " + row + " of " + count + ", output for " + classes + " classes");
    }
    score(rows, row, out);
  }

  private void score(float[] rows, int row, double[] out) {
    int base = row * dimensions;
    for (int c = 0; c < classes; c++) {
      double s = constant[c];
      for (int d = 0, at = c * dimensions; d < dimensions; d++) {
        double x = rows[base + d];
        s += (quadratic[at + d] * x + linear[at + d]) * x;
      }
      out[c] = s;
    }
  }

  @Override
  public int[] predict(float[] rows, ComputePool pool) {
    int count = FeatureRows.count(rows, dimensions);
    int[] predicted = new int[count];
    pool.parallelFor(count, 64, (start, end) -> {
      double[] scores = new double[classes];
      for (int i = start; i < end; i++) {
        score(rows, i, scores);
        predicted[i] = FeatureRows.argMax(scores, 0, classes);
      }
    });
    return predicted;
  }
}
