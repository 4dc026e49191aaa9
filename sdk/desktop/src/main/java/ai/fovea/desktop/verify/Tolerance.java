package ai.fovea.desktop.verify;

/**
 * How close our output must be to the interpreter's. Float: relative error at most {@code relative}, measured
 * against {@code max(|expected|, RMS of the expected output)} (numpy's allclose with the output's own scale as
 * the absolute floor), so that values near zero, which come from cancellation in long sums whose order differs
 * between implementations, are judged on the output's scale. Quantized: at most {@code lsb} units apart (0 =
 * bit-exact).
 */
public final class Tolerance {
  private final double relative;
  private final int lsb;

  private Tolerance(double relative, int lsb) {
    this.relative = relative;
    this.lsb = lsb;
  }

  /** Float32 outputs: 1e-5 relative, as the conformance issue asks. */
  public static Tolerance float32() {
    return new Tolerance(1e-5, 0);
  }

  public static Tolerance relative(double relative) {
    if (!(relative >= 0)) {
      throw new IllegalArgumentException("relative tolerance must be >= 0, got " + relative);
    }
    return new Tolerance(relative, 0);
  }

  /** Integer outputs must match exactly. */
  public static Tolerance exact() {
    return new Tolerance(0, 0);
  }

  /** Integer outputs may differ by up to {@code lsb} (TFLite's LUT-based SOFTMAX/LOGISTIC/TANH). */
  public static Tolerance lsb(int lsb) {
    if (lsb < 0) {
      throw new IllegalArgumentException("lsb must be >= 0, got " + lsb);
    }
    return new Tolerance(0, lsb);
  }

  public double relativeError() {
    return relative;
  }

  public int maxLsb() {
    return lsb;
  }

  @Override
  public String toString() {
    return relative > 0 ? "rel<=" + relative : lsb == 0 ? "exact" : "<=" + lsb + "lsb";
  }
}
