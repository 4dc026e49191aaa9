package ai.fovea.kernels.activation;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.quant.QuantizedMultiplier;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * HARD_SWISH on int8/uint8 with TFLite 2.6's 16-bit fixed-point steps, every intermediate held in int16 as the
 * interpreter does: the centred input ×128 ("hires"), its product with the output multiplier, a "reluish" factor
 * mapping [−3, 3] onto [0, 1] with saturating shifts, their truncating doubling high product, a rounding shift
 * to the output scale, then the zero point and the type's clamp. Both multipliers are Q31 values from
 * QuantizeMultiplier rounded to Q15; the output one must not need a left shift (TFLite rejects such models).
 */
public final class QuantizedHardSwish implements ByteRule {
  private static final String NAME = "HARD_SWISH";
  private final int inputZeroPoint;
  private final int outputZeroPoint;
  private final short outputMultiplier;
  private final int outputExponent;
  private final short reluishMultiplier;
  private final int reluishExponent;
  private final int min;
  private final int max;

  private QuantizedHardSwish(Tensor in, Tensor out) {
    inputZeroPoint = in.quantization().zeroPoint();
    outputZeroPoint = out.quantization().zeroPoint();
    // Scales are combined in float before QuantizeMultiplier widens them, as the interpreter's Prepare does.
    float hiresInputScale = (1.0f / 128.0f) * in.quantization().scale();
    float reluishScale = 3.0f / 32768.0f;
    QuantizedMultiplier output = QuantizedMultiplier.of(hiresInputScale / out.quantization().scale());
    if (output.shift > 0) {
      throw new OpPrepareException(NAME, "output scale " + out.quantization().scale() + " is too small for input scale "
          + in.quantization().scale() + " (the output multiplier would need a left shift)");
    }
    QuantizedMultiplier reluish = QuantizedMultiplier.of(hiresInputScale / reluishScale);
    outputMultiplier = toQ15(output.multiplier);
    outputExponent = output.shift;
    reluishMultiplier = toQ15(reluish.multiplier);
    reluishExponent = reluish.shift;
    min = out.dataType() == DataType.UINT8 ? 0 : -128;
    max = out.dataType() == DataType.UINT8 ? 255 : 127;
  }

  /** The rule for these tensors; throws {@link OpPrepareException} when TFLite would reject their scales. */
  public static QuantizedHardSwish of(Tensor in, Tensor out) {
    return new QuantizedHardSwish(in, out);
  }

  @Override
  public int apply(int stored) {
    short inputValue = (short) (stored - inputZeroPoint);
    short hires = (short) (inputValue * (1 << 7));
    short preshiftOutput = roundingDoublingHighMul(hires, outputMultiplier);
    short reluish = hires;
    if (reluishExponent > 0) {
      // All but the last bit of left shift before the multiply, so any saturation there is overwritten below.
      reluish = saturatingLeftShift(reluish, reluishExponent - 1);
    }
    reluish = roundingDoublingHighMul(reluish, reluishMultiplier);
    if (reluishExponent > 0) {
      reluish = saturatingLeftShift(reluish, 1);
    }
    if (reluishExponent < 0) {
      reluish = roundingDivideByPot(reluish, -reluishExponent);
    }
    reluish = (short) ((reluish + (1 << 15)) >> 1);
    short preshift = doublingHighMul(reluish, preshiftOutput);
    short value = (short) (roundingDivideByPot(preshift, -outputExponent) + outputZeroPoint);
    return Math.max(min, Math.min(max, value));
  }

  /** Q31 → Q15 with rounding, saturating at the top (TFLite's DownScaleInt32ToInt16Multiplier). */
  static short toQ15(int q31) {
    if (q31 >= Integer.MAX_VALUE - (1 << 15)) {
      return Short.MAX_VALUE;
    }
    return (short) ((q31 + (1 << 15)) >> 16);
  }

  /** gemmlowp's int16 SaturatingRoundingDoublingHighMul. */
  static short roundingDoublingHighMul(short a, short b) {
    if (a == b && a == Short.MIN_VALUE) {
      return Short.MAX_VALUE;
    }
    int ab = a * b;
    int nudge = ab >= 0 ? 1 << 14 : 1 - (1 << 14);
    return (short) ((ab + nudge) / (1 << 15));
  }

  /** The truncating variant (ARM's SQDMULH), which cancels the bias of the rounding one above. */
  static short doublingHighMul(short a, short b) {
    if (a == b && a == Short.MIN_VALUE) {
      return Short.MAX_VALUE;
    }
    return (short) ((a * b) / (1 << 15));
  }

  static short saturatingLeftShift(short value, int amount) {
    int shifted = value * (1 << amount);
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, shifted));
  }

  /**
   * gemmlowp's RoundingDivideByPOT on int16, including its 16-bit mask: for exponents of 16 and more the mask
   * truncates to all ones, which the interpreter inherits and so do we.
   */
  static short roundingDivideByPot(short x, int exponent) {
    short mask = (short) ((1L << exponent) - 1);
    short remainder = (short) (x & mask);
    short threshold = (short) ((mask >> 1) + (x < 0 ? 1 : 0));
    return (short) ((x >> exponent) + (remainder > threshold ? 1 : 0));
  }
}
