package ai.fovea.desktop.verify;

/**
 * How close our outputs must be to the interpreter's. Float outputs: every element within {@code relative} of
 * the interpreter's value, measured against {@code max(|expected|, floor)} where the absolute floor is the RMS
 * of that whole expected output tensor (and at least the smallest normal float). The floor is there because
 * kernels that sum in a different order than TFLite err by a fraction of the magnitudes summed, not of the
 * result, so an element that cancels to nearly zero must be judged on the output's scale, as numpy's allclose
 * does with its {@code atol}. Integer outputs (int8, uint8, int32, int64): at most {@code lsb} units apart,
 * 0 meaning bit-exact. Immutable.
 */
public final class Tolerance {
  private final double relative;
  private final int lsb;

  private Tolerance(double relative, int lsb) {
    this.relative = relative;
    this.lsb = lsb;
  }

  /** Float outputs within 1e-5 relative (about 80 float32 ulps of the output's scale); integers bit-exact. */
  public static Tolerance float32() {
    return new Tolerance(1e-5, 0);
  }

  /** Float outputs within {@code relative} (e.g. for whole models, whose errors add up); integers bit-exact. */
  public static Tolerance relative(double relative) {
    if (!(relative >= 0)) {
      throw new IllegalArgumentException("relative tolerance must be >= 0, got " + relative);
    }
    return new Tolerance(relative, 0);
  }

  /** Every output must match bit for bit. */
  public static Tolerance exact() {
    return new Tolerance(0, 0);
  }

  /**
   * Integer outputs may differ by up to {@code lsb} (TFLite's LUT-based SOFTMAX/LOGISTIC/TANH); float outputs
   * must match bit for bit.
   */
  public static Tolerance lsb(int lsb) {
    if (lsb < 0) {
      throw new IllegalArgumentException("lsb must be >= 0, got " + lsb);
    }
    return new Tolerance(0, lsb);
  }

  /** The largest relative error allowed on a float output (0 = bit-exact). */
  public double relativeError() {
    return relative;
  }

  /** The largest difference allowed on an integer output, in units of its last place (0 = exact). */
  public int maxLsb() {
    return lsb;
  }

  @Override
  public String toString() {
    return relative > 0 ? "rel<=" + relative : lsb == 0 ? "exact" : "<=" + lsb + "lsb";
  }
}
