package ai.fovea.models.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.parallel.ComputePool;
import org.junit.jupiter.api.Test;

class LinearSvmTest {
  @Test
  void firstStepFromZeroWeightsMatchesTheHingeGradientByHand() {
    // Zero weights give all scores 0, so each of the 2 other classes violates the margin by 1 for each row:
    // dL/dW[j] = mean over rows of x (j ≠ label) and −2x (j = label); dL/db likewise with 1. One plain SGD step
    // with lr 0.5 and no momentum or L2 is −0.5 × that.
    float[] rows = {1, 2, 3, -1};
    int[] labels = {0, 2};
    LinearSvm.Options one = LinearSvm.Options.defaults().epochs(1).batchSize(2).learningRate(0.5f).momentum(0f)
        .l2(0f);
    LinearSvm svm = LinearSvm.fit(rows, 2, labels, 3, one, ComputePool.serial());
    // dW[0] = ((−2)(1,2) + (3,−1)) / 2 = (0.5, −2.5); dW[1] = ((1,2) + (3,−1)) / 2 = (2, 0.5);
    // dW[2] = ((1,2) − 2(3,−1)) / 2 = (−2.5, 2); db = (−0.5, 1, −0.5).
    float[] scores = svm.scores(new float[] {1, 0, 0, 1, 0, 0}, ComputePool.serial());
    float[] bias = {0.25f, -0.5f, 0.25f};
    float[] expected = {
        -0.25f + bias[0], -1f + bias[1], 1.25f + bias[2],
        1.25f + bias[0], -0.25f + bias[1], -1f + bias[2],
        bias[0], bias[1], bias[2]};
    assertArrayEquals(expected, scores, 1e-6f);
    assertEquals(2.0, svm.finalLoss(), 1e-6);
  }

  @Test
  void separatesClustersReproducibly() {
    ClassicData train = ClassicData.clusters(600, 10, 4, 5);
    ClassicData test = ClassicData.clusters(300, 10, 4, 6);
    LinearSvm.Options options = LinearSvm.Options.defaults().epochs(5).seed(9);
    try (ComputePool pool = new ComputePool(2)) {
      LinearSvm svm = LinearSvm.fit(train.rows, 10, train.labels, 4, options, pool);
      int[] predicted = svm.predict(test.rows, pool);
      assertTrue(ClassicData.accuracy(predicted, test.labels) >= 0.98);
      LinearSvm again = LinearSvm.fit(train.rows, 10, train.labels, 4, options, ComputePool.serial());
      assertArrayEquals(svm.scores(test.rows, pool), again.scores(test.rows, ComputePool.serial()));
    }
  }

  @Test
  void rejectsBadOptions() {
    assertThrows(IllegalArgumentException.class, () -> LinearSvm.Options.defaults().epochs(0));
    assertThrows(IllegalArgumentException.class, () -> LinearSvm.Options.defaults().learningRate(-1f));
    assertThrows(IllegalArgumentException.class, () -> LinearSvm.Options.defaults().momentum(1f));
  }
}
