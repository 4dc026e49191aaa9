package ai.fovea.kernels.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The sorts of the detection post-processing against plain references: the stable sort equals Java's stable
 * sort; the partial sort's first k scores are the k largest in decreasing order, and its tie order is the one
 * libstdc++ produces (values checked by hand for a small case with ties).
 */
class StdPartialSortTest {
  @Test
  void stableSortKeepsTheOrderOfEqualScores() {
    Random r = new Random(3);
    for (int trial = 0; trial < 200; trial++) {
      int n = r.nextInt(300);
      float[] v = new float[n];
      for (int i = 0; i < n; i++) {
        v[i] = r.nextInt(8); // many ties
      }
      int[] idx = IntStream.range(0, n).toArray();
      StdPartialSort.stable(idx, n, v, new int[n]);
      int[] expected = IntStream.range(0, n).boxed()
          .sorted(Comparator.comparingDouble((Integer i) -> v[i]).reversed()).mapToInt(i -> i).toArray();
      assertArrayEquals(expected, idx);
    }
  }

  @Test
  void partialSortPutsTheLargestFirstInDecreasingOrder() {
    Random r = new Random(5);
    for (int trial = 0; trial < 500; trial++) {
      int n = 2 + r.nextInt(200);
      int k = 2 + r.nextInt(n - 1);
      float[] v = new float[n + 3];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.nextInt(20);
      }
      int[] idx = new int[n + 2];
      for (int i = 0; i < n; i++) {
        idx[2 + i] = i;
      }
      StdPartialSort.partial(idx, 2, n, k, v, 3);
      float[] top = new float[k];
      for (int i = 0; i < k; i++) {
        top[i] = v[3 + idx[2 + i]];
      }
      float[] all = Arrays.copyOfRange(v, 3, 3 + n);
      Arrays.sort(all);
      for (int i = 0; i < k; i++) {
        assertEquals(all[n - 1 - i], top[i], "rank " + i);
      }
      int[] sortedIdx = Arrays.copyOfRange(idx, 2, 2 + n);
      Arrays.sort(sortedIdx);
      assertArrayEquals(IntStream.range(0, n).toArray(), sortedIdx, "a permutation");
    }
  }

  @Test
  void partialSortOrdersTiesLikeLibstdcxx() {
    // Expected arrays printed by std::partial_sort(idx, idx + k, idx + n, [&](int i, int j) { return v[i] > v[j]; })
    // compiled with g++ 12 (Debian 12's libstdc++), the library TFLite's Linux build uses.
    float[] v = {1, 2, 2, 3, 2, 1};
    int[] idx = {0, 1, 2, 3, 4, 5};
    StdPartialSort.partial(idx, 0, 6, 3, v, 0);
    assertArrayEquals(new int[] {3, 1, 2, 0, 4, 5}, idx);
    float[] w = {5, 5, 1, 5, 2, 5, 5, 0, 5, 2};
    int[] jdx = IntStream.range(0, 10).toArray();
    StdPartialSort.partial(jdx, 0, 10, 4, w, 0);
    assertArrayEquals(new int[] {1, 3, 5, 0, 2, 4, 6, 7, 8, 9}, jdx);
  }
}
