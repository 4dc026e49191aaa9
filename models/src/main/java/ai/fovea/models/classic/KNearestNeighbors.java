package ai.fovea.models.classic;

import ai.fovea.kernels.gemm.FloatGemm;
import ai.fovea.kernels.parallel.ComputePool;
import java.util.Locale;

/**
 * k-nearest-neighbours with the Euclidean (L2) distance: a row takes the majority class of the k training rows
 * nearest to it; a tied vote goes to the tied class whose member is nearest. Equal distances rank the earlier
 * training row first.
 *
 * <p>Why a matrix product: {@code |q − t|² = |q|² − 2 q·t + |t|²} and |q|² is the same for every training row,
 * so ranking needs only {@code |t|² − 2 q·t}. The dot products of a block of query rows with all training rows
 * are one product on the shared {@link FloatGemm} (its inner loops vectorize), blocks split over the pool. The
 * expansion rounds differently from summing squared differences; rankings can differ only between training rows
 * whose distances agree to about float precision.
 */
public final class KNearestNeighbors implements ClassicClassifier {
  /** Query rows per block: 16 accumulator rows of 60,000 floats are 3.8 MB, product work stays coarse. */
  private static final int QUERY_BLOCK = 16;

  private final int k;
  private final int dimensions;
  private final int classes;
  private final int trainingRows;
  private final int[] labels;
  private final float[] squaredNorms;
  private final FloatGemm transposedTraining;

  private KNearestNeighbors(int k, int dimensions, int classes, int[] labels, float[] squaredNorms,
      FloatGemm transposedTraining) {
    this.k = k;
    this.dimensions = dimensions;
    this.classes = classes;
    this.trainingRows = labels.length;
    this.labels = labels;
    this.squaredNorms = squaredNorms;
    this.transposedTraining = transposedTraining;
  }

  /** Keeps (a packed copy of) the training rows; {@code k} must not exceed their number. */
  public static KNearestNeighbors fit(float[] rows, int dimensions, int[] labels, int classes, int k) {
    int count = FeatureRows.checkTraining(rows, dimensions, labels, classes);
    if (k < 1 || k > count) {
      throw new IllegalArgumentException("k must be in [1, " + count + "], got " + k);
    }
    float[] norms = new float[count];
    for (int i = 0; i < count; i++) {
      float sum = 0f;
      for (int d = 0, base = i * dimensions; d < dimensions; d++) {
        sum += rows[base + d] * rows[base + d];
      }
      norms[i] = sum;
    }
    return new KNearestNeighbors(k, dimensions, classes, labels.clone(), norms,
        FloatGemm.ofTransposed(rows, count, dimensions));
  }

  public int k() {
    return k;
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT, "k-NN (k=%d, L2, %d training rows)", k, trainingRows);
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public int[] predict(float[] rows, ComputePool pool) {
    int count = FeatureRows.count(rows, dimensions);
    int[] predicted = new int[count];
    int blocks = (count + QUERY_BLOCK - 1) / QUERY_BLOCK;
    pool.parallelFor(blocks, (start, end) -> {
      float[][] dots = new float[QUERY_BLOCK][trainingRows];
      int[] nearest = new int[k];
      float[] nearestDistance = new float[k];
      int[] votes = new int[classes];
      for (int block = start; block < end; block++) {
        int q0 = block * QUERY_BLOCK;
        int n = Math.min(QUERY_BLOCK, count - q0);
        transposedTraining.multiply(rows, q0 * dimensions, dimensions, n, null, dots, 0, trainingRows);
        for (int r = 0; r < n; r++) {
          selectNearest(dots[r], nearest, nearestDistance);
          predicted[q0 + r] = vote(nearest, votes);
        }
      }
    });
    return predicted;
  }

  /** The k training rows with the smallest {@code |t|² − 2 q·t}, nearest first (insertion into a sorted list). */
  private void selectNearest(float[] dots, int[] nearest, float[] distance) {
    int filled = 0;
    for (int t = 0; t < trainingRows; t++) {
      float d = squaredNorms[t] - 2f * dots[t];
      if (filled == k && !(d < distance[k - 1])) {
        continue;
      }
      int i = filled < k ? filled++ : k - 1;
      while (i > 0 && d < distance[i - 1]) {
        distance[i] = distance[i - 1];
        nearest[i] = nearest[i - 1];
        i--;
      }
      distance[i] = d;
      nearest[i] = t;
    }
  }

  private int vote(int[] nearest, int[] votes) {
    java.util.Arrays.fill(votes, 0);
    int most = 0;
    for (int i = 0; i < k; i++) {
      most = Math.max(most, ++votes[labels[nearest[i]]]);
    }
    for (int i = 0; i < k; i++) {
      if (votes[labels[nearest[i]]] == most) {
        return labels[nearest[i]];
      }
    }
    throw new AssertionError("no class has the most votes");
  }
}
