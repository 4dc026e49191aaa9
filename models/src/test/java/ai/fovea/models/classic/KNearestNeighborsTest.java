package ai.fovea.models.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.parallel.ComputePool;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KNearestNeighborsTest {
  @Test
  void votesByHandCheckedNeighbours() {
    float[] train = {0, 1, 10, 11, 12};
    int[] labels = {0, 0, 1, 1, 1};
    KNearestNeighbors three = KNearestNeighbors.fit(train, 1, labels, 2, 3);
    // 2 → neighbours 1, 0, 10: two votes for class 0. 9 → 10, 11, 12.
    assertArrayEquals(new int[] {0, 1}, three.predict(new float[] {2, 9}, ComputePool.serial()));
    // k = 2 at 5.4: neighbours 1 (class 0, distance 4.4) and 10 (class 1, 4.6) tie 1:1; the nearest wins.
    KNearestNeighbors two = KNearestNeighbors.fit(train, 1, labels, 2, 2);
    assertArrayEquals(new int[] {0, 1}, two.predict(new float[] {5.4f, 5.6f}, ComputePool.serial()));
    // k = 5 outvotes the nearest: 0.5 is nearest to class 0 but class 1 has three of five.
    assertArrayEquals(new int[] {1}, KNearestNeighbors.fit(train, 1, labels, 2, 5)
        .predict(new float[] {0.5f}, ComputePool.serial()));
  }

  @Test
  void matchesBruteForceExactDistancesOnIntegerData() {
    // Small integers keep every product and sum exact in float, so the expansion must rank like the definition.
    Random random = new Random(7);
    int dims = 6;
    int classes = 4;
    float[] train = new float[300 * dims];
    float[] queries = new float[77 * dims];
    int[] labels = new int[300];
    for (int i = 0; i < train.length; i++) {
      train[i] = random.nextInt(8);
    }
    for (int i = 0; i < queries.length; i++) {
      queries[i] = random.nextInt(8);
    }
    for (int i = 0; i < labels.length; i++) {
      labels[i] = random.nextInt(classes);
    }
    for (int k : new int[] {1, 4, 7}) {
      int[] expected = bruteForce(train, labels, queries, dims, classes, k);
      KNearestNeighbors knn = KNearestNeighbors.fit(train, dims, labels, classes, k);
      assertArrayEquals(expected, knn.predict(queries, ComputePool.serial()), "k=" + k);
      try (ComputePool pool = new ComputePool(3)) {
        assertArrayEquals(expected, knn.predict(queries, pool), "k=" + k + " on 3 threads");
      }
    }
  }

  private static int[] bruteForce(float[] train, int[] labels, float[] queries, int dims, int classes, int k) {
    int n = labels.length;
    int[] out = new int[queries.length / dims];
    for (int q = 0; q < out.length; q++) {
      long[] distance = new long[n];
      for (int t = 0; t < n; t++) {
        for (int d = 0; d < dims; d++) {
          long diff = (long) (queries[q * dims + d] - train[t * dims + d]);
          distance[t] += diff * diff;
        }
      }
      Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.<Integer>comparingLong(t -> distance[t])
          .thenComparingInt(t -> t)).toArray(Integer[]::new);
      int[] votes = new int[classes];
      for (int i = 0; i < k; i++) {
        votes[labels[order[i]]]++;
      }
      int most = Arrays.stream(votes).max().getAsInt();
      for (int i = 0; i < k; i++) {
        if (votes[labels[order[i]]] == most) {
          out[q] = labels[order[i]];
          break;
        }
      }
    }
    return out;
  }

  @Test
  void separatesClusters() {
    ClassicData train = ClassicData.clusters(400, 8, 5, 1);
    ClassicData test = ClassicData.clusters(200, 8, 5, 2);
    int[] predicted = KNearestNeighbors.fit(train.rows, 8, train.labels, 5, 5).predict(test.rows, ComputePool.serial());
    assertTrue(ClassicData.accuracy(predicted, test.labels) >= 0.98);
  }

  @Test
  void rejectsBadArguments() {
    float[] rows = {0, 1, 2, 3};
    assertThrows(IllegalArgumentException.class, () -> KNearestNeighbors.fit(rows, 2, new int[] {0, 1}, 2, 3));
    assertThrows(IllegalArgumentException.class, () -> KNearestNeighbors.fit(rows, 2, new int[] {0, 2}, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> KNearestNeighbors.fit(rows, 3, new int[] {0}, 2, 1));
    KNearestNeighbors knn = KNearestNeighbors.fit(rows, 2, new int[] {0, 1}, 2, 1);
    assertThrows(IllegalArgumentException.class, () -> knn.predict(new float[3], ComputePool.serial()));
    assertEquals("k-NN (k=1, L2, 2 training rows)", knn.description());
  }
}
