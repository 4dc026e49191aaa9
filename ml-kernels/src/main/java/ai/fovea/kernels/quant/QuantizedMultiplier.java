package ai.fovea.kernels.quant;

/**
 * A real multiplier as TFLite stores it: a Q31 fixed-point mantissa and a power-of-two exponent
 * ({@code real ≈ multiplier * 2^(shift - 31)}), plus the two ways TFLite 2.x applies it. Which op uses which
 * rounding is decided by the conformance tests against the interpreter, not by reading its source.
 */
public final class QuantizedMultiplier {
  /** Q31 mantissa in [2^30, 2^31), or 0 for a zero multiplier. */
  public final int multiplier;
  /** Power-of-two exponent; positive means a left shift. */
  public final int shift;

  private QuantizedMultiplier(int multiplier, int shift) {
    this.multiplier = multiplier;
    this.shift = shift;
  }

  /** TFLite's QuantizeMultiplier: frexp, round half away from zero, renormalize 2^31, flush tiny values to 0. */
  public static QuantizedMultiplier of(double real) {
    if (real == 0.0) {
      return new QuantizedMultiplier(0, 0);
    }
    if (Double.isNaN(real) || Double.isInfinite(real)) {
      throw new IllegalArgumentException("multiplier must be finite, got " + real);
    }
    int exponent = Math.getExponent(real) + 1; // frexp: real = q * 2^exponent, |q| in [0.5, 1)
    double q = Math.scalb(real, -exponent);
    long fixed = (long) (Math.signum(q) * Math.floor(Math.abs(q) * (1L << 31) + 0.5));
    if (fixed == (1L << 31)) {
      fixed /= 2;
      exponent++;
    }
    if (exponent < -31) {
      return new QuantizedMultiplier(0, 0);
    }
    return new QuantizedMultiplier((int) fixed, exponent);
  }

  /**
   * Single rounding (ruy's form): {@code (x * M + 2^(total-1)) >> total} with {@code total = 31 - shift}, in 64
   * bits.
   */
  public static int applySingleRounding(int x, int multiplier, int shift) {
    int total = 31 - shift;
    long round = 1L << (total - 1);
    return (int) ((x * (long) multiplier + round) >> total);
  }

  /**
   * Double rounding (gemmlowp's form): left shift first when {@code shift > 0}, then
   * SaturatingRoundingDoublingHighMul, then RoundingDivideByPOT.
   */
  public static int applyDoubleRounding(int x, int multiplier, int shift) {
    int leftShift = shift > 0 ? shift : 0;
    int rightShift = shift > 0 ? 0 : -shift;
    int a = x * (1 << leftShift);
    if (a == Integer.MIN_VALUE && multiplier == Integer.MIN_VALUE) {
      return roundingDivideByPot(Integer.MAX_VALUE, rightShift);
    }
    // The two steps below in branch-free form, equal to them for every other input; this is the hot loop of
    // quantized kernels, where branches on the data's sign mispredict. SaturatingRoundingDoublingHighMul rounds
    // a·b / 2^31 half up: floor((a·b + 2^30) / 2^31). RoundingDivideByPOT rounds half away from zero:
    // floor((h + 2^(e−1) − [h < 0]) / 2^e) for e > 0.
    long high = ((long) a * multiplier + (1L << 30)) >> 31;
    long half = (1L << rightShift) >> 1;
    long negative = half == 0 ? 0 : high >>> 63;
    return (int) ((high + half - negative) >> rightShift);
  }

  /** gemmlowp's SaturatingRoundingDoublingHighMul: round(a * b / 2^31), saturating the single overflow case. */
  public static int saturatingRoundingDoublingHighMul(int a, int b) {
    if (a == b && a == Integer.MIN_VALUE) {
      return Integer.MAX_VALUE;
    }
    long ab = (long) a * (long) b;
    long nudge = ab >= 0 ? (1L << 30) : (1 - (1L << 30));
    return (int) ((ab + nudge) / (1L << 31));
  }

  /** gemmlowp's RoundingDivideByPOT: x / 2^exponent rounded half away from zero. */
  public static int roundingDivideByPot(int x, int exponent) {
    int mask = (1 << exponent) - 1;
    int remainder = x & mask;
    int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
  }

  @Override
  public String toString() {
    return "QuantizedMultiplier(" + multiplier + ", shift " + shift + ")";
  }
}
