package ai.fovea.sdk.task.detect;

/**
 * Sort keys that rank candidates by descending score, ties by ascending index, as plain {@code long}s: sorting
 * keys ascending (with {@code Arrays.sort(long[])}, no boxing) gives the order the reference forms get from a
 * stable sort on {@code Float.compare}. Scores must not be NaN.
 */
final class ScoreOrder {
  private ScoreOrder() {}

  static long key(float score, int index) {
    return ((long) ~ordered(score) << 32) | index;
  }

  static int index(long key) {
    return (int) key;
  }

  /** An int whose signed order is the float's order (-0 just below +0, as {@code Float.compare} has it). */
  static int ordered(float f) {
    int bits = Float.floatToIntBits(f);
    return bits ^ ((bits >> 31) & 0x7fffffff);
  }

  /** The float of {@link #ordered}'s image {@code o}. */
  static float fromOrdered(int o) {
    return Float.intBitsToFloat(o ^ ((o >> 31) & 0x7fffffff));
  }
}
