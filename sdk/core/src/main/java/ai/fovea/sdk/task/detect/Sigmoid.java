package ai.fovea.sdk.task.detect;

/**
 * The logistic sigmoid in float, {@code 1 / (1 + exp(-x))} as MediaPipe computes scores, and the exact raw-value
 * floor of a score threshold, so decoders can skip the exponential for the many outputs that cannot reach it.
 */
final class Sigmoid {
  private Sigmoid() {}

  static float of(float x) {
    return 1.0f / (1.0f + (float) Math.exp(-x));
  }

  /**
   * The smallest x with {@code of(x) >= minScore}: -Infinity when every value passes, NaN when none does. The
   * float sigmoid is monotonic, so a bisection over the ordered floats finds it exactly: for every x,
   * {@code x >= floor(m)} if and only if {@code of(x) >= m}.
   */
  static float floor(float minScore) {
    if (of(Float.NEGATIVE_INFINITY) >= minScore) {
      return Float.NEGATIVE_INFINITY;
    }
    if (!(of(Float.POSITIVE_INFINITY) >= minScore)) {
      return Float.NaN;
    }
    // Ordered-int images of floats: lo fails, hi passes.
    long lo = ScoreOrder.ordered(Float.NEGATIVE_INFINITY);
    long hi = ScoreOrder.ordered(Float.POSITIVE_INFINITY);
    while (hi - lo > 1) {
      long mid = (lo + hi) / 2;
      if (of(ScoreOrder.fromOrdered((int) mid)) >= minScore) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return ScoreOrder.fromOrdered((int) hi);
  }
}
