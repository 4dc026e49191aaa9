package ai.fovea.models.data;

import java.util.Random;

/**
 * Seeded Fisher-Yates permutations. {@link java.util.Random}'s sequence is fixed by its specification, so a seed
 * gives the same order on every JVM and on Android.
 */
public final class Shuffle {
  private Shuffle() {}

  /** A uniformly random permutation of {@code 0 .. n-1} drawn from {@code new Random(seed)}. */
  public static int[] permutation(int n, long seed) {
    return permutation(n, new Random(seed));
  }

  /** A uniformly random permutation of {@code 0 .. n-1}, drawing {@code n - 1} values from {@code random}. */
  public static int[] permutation(int n, Random random) {
    if (n < 0 || random == null) {
      throw new IllegalArgumentException("need n >= 0 and a random source, got n = " + n);
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
