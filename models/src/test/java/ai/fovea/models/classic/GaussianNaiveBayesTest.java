package ai.fovea.models.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.parallel.ComputePool;
import org.junit.jupiter.api.Test;

class GaussianNaiveBayesTest {
  @Test
  void logPosteriorsMatchTheFormulaByHand() {
    // Class 0: {0, 2} → mean 1, variance 1. Class 1: {4, 6, 8} → mean 6, variance 8/3. Priors 2/5 and 3/5.
    float[] rows = {0, 2, 4, 6, 8};
    int[] labels = {0, 0, 1, 1, 1};
    GaussianNaiveBayes bayes = GaussianNaiveBayes.fit(rows, 1, labels, 2, 0);
    double[] out = new double[2];
    bayes.logPosteriors(new float[] {3}, 0, out);
    double v1 = 8.0 / 3;
    assertEquals(Math.log(0.4) - 0.5 * Math.log(2 * Math.PI) - 2.0, out[0], 1e-12);
    assertEquals(Math.log(0.6) - 0.5 * Math.log(2 * Math.PI * v1) - 9 / (2 * v1), out[1], 1e-12);
    // 3 is two standard deviations from class 0's mean and 1.8 from class 1's: class 1 wins.
    assertArrayEquals(new int[] {1, 0}, bayes.predict(new float[] {3, 1}, ComputePool.serial()));
  }

  @Test
  void smoothingKeepsConstantFeaturesFinite() {
    // Feature 1 is always 0 (like an image border): it needs smoothing.
    float[] rows = {0, 0, 1, 0, 5, 0, 6, 0};
    int[] labels = {0, 0, 1, 1};
    assertThrows(IllegalArgumentException.class, () -> GaussianNaiveBayes.fit(rows, 2, labels, 2, 0));
    GaussianNaiveBayes bayes = GaussianNaiveBayes.fit(rows, 2, labels, 2, 1e-9);
    assertArrayEquals(new int[] {0, 1}, bayes.predict(new float[] {0.5f, 0, 5.5f, 0}, ComputePool.serial()));
  }

  @Test
  void separatesClustersOnAnyThreadCount() {
    ClassicData train = ClassicData.clusters(600, 8, 5, 3);
    ClassicData test = ClassicData.clusters(300, 8, 5, 4);
    GaussianNaiveBayes bayes = GaussianNaiveBayes.fit(train.rows, 8, train.labels, 5, 1e-9);
    int[] predicted = bayes.predict(test.rows, ComputePool.serial());
    assertTrue(ClassicData.accuracy(predicted, test.labels) >= 0.98);
    try (ComputePool pool = new ComputePool(2)) {
      assertArrayEquals(predicted, bayes.predict(test.rows, pool));
    }
  }

  @Test
  void neverPredictsAClassWithoutTrainingRows() {
    GaussianNaiveBayes bayes = GaussianNaiveBayes.fit(new float[] {0, 1, 5, 6}, 1, new int[] {0, 0, 2, 2}, 3, 1e-3);
    for (int p : bayes.predict(new float[] {-100, 0, 3, 100}, ComputePool.serial())) {
      assertTrue(p == 0 || p == 2);
    }
  }
}
