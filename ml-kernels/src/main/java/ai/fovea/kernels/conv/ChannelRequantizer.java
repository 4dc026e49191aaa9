package ai.fovea.kernels.conv;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.quant.QuantizedMultiplier;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * Turns int32 accumulators of a quantized convolution-like op into int8 outputs, per output channel: the
 * effective scale {@code input_scale × filter_scale[c] / output_scale} as a Q31 multiplier, the output zero
 * point and the fused activation clamp. How the scale product is formed (double or float) and how the
 * multiplier rounds (single or double) differ between TFLite kernels, so both are chosen by the op.
 */
final class ChannelRequantizer {
  enum Rounding {
    SINGLE,
    DOUBLE
  }

  private final int[] multipliers;
  private final int[] shifts;
  private final int outputZeroPoint;
  private final int min;
  private final int max;
  private final boolean single;
  /** Every channel has the same multiplier and shift (per-tensor filters, e.g. the uint8 legacy form). */
  private final boolean uniform;

  private ChannelRequantizer(int[] multipliers, int[] shifts, int outputZeroPoint, int min, int max, boolean single) {
    this.multipliers = multipliers;
    this.shifts = shifts;
    this.outputZeroPoint = outputZeroPoint;
    this.min = min;
    this.max = max;
    this.single = single;
    boolean same = true;
    for (int c = 1; c < multipliers.length && same; c++) {
      same = multipliers[c] == multipliers[0] && shifts[c] == shifts[0];
    }
    this.uniform = same;
  }

  /**
   * @param floatProduct form {@code input_scale × filter_scale} in float before widening (TFLite's
   *     GetQuantizedConvolutionMultipler) instead of in double (PopulateConvolutionQuantizationParams)
   */
  static ChannelRequantizer of(String op, Tensor input, Tensor filter, Tensor output, int channels,
      Activation activation, boolean floatProduct, Rounding rounding) {
    if (!input.quantization().isQuantized() || !filter.quantization().isQuantized()
        || !output.quantization().isQuantized()) {
      throw new OpPrepareException(op, "int8 input, filter and output must all be quantized");
    }
    int filterScales = filter.quantization().channelCount();
    if (filterScales != 1 && filterScales != channels) {
      throw new OpPrepareException(op, "filter has " + filterScales + " scales for " + channels + " output channels");
    }
    if (filter.dataType() == DataType.UINT8 && filterScales != 1) {
      throw new OpPrepareException(op, "uint8 filters are quantized per tensor, got " + filterScales + " scales");
    }
    // Only the legacy UINT8 form has asymmetric (offset) filters.
    for (int c = 0; c < filterScales && filter.dataType() != DataType.UINT8; c++) {
      if (filter.quantization().zeroPoint(c) != 0) {
        throw new OpPrepareException(op, "int8 filters must be symmetric (zero point 0), channel " + c + " has "
            + filter.quantization().zeroPoint(c));
      }
    }
    float inputScale = input.quantization().scale();
    float outputScale = output.quantization().scale();
    int[] m = new int[channels];
    int[] s = new int[channels];
    for (int c = 0; c < channels; c++) {
      float filterScale = filter.quantization().scale(filterScales == 1 ? 0 : c);
      double product = floatProduct ? (double) (inputScale * filterScale) : (double) inputScale * filterScale;
      QuantizedMultiplier q = QuantizedMultiplier.of(product / outputScale);
      m[c] = q.multiplier;
      s[c] = q.shift;
    }
    int[] range = activation.quantizedRange(output);
    return new ChannelRequantizer(m, s, output.quantization().zeroPoint(), range[0], range[1],
        rounding == Rounding.SINGLE);
  }

  /** The 8-bit output value of accumulator {@code acc} (bias included) on channel {@code c}. */
  int apply(int acc, int c) {
    int scaled = single
        ? QuantizedMultiplier.applySingleRounding(acc, multipliers[c], shifts[c])
        : QuantizedMultiplier.applyDoubleRounding(acc, multipliers[c], shifts[c]);
    int v = scaled + outputZeroPoint;
    // Math.min/max become conditional moves: fused ReLUs clamp often, and a branch there mispredicts.
    return Math.max(min, Math.min(max, v));
  }

  /** Writes {@code out[outOffset + c] = apply(acc[c], c)} for channels c in [c0, c1): one output row. */
  void apply(int[] acc, byte[] out, int outOffset, int c0, int c1) {
    if (uniform && c1 > c0) {
      if (single) {
        applyUniformSingle(acc, out, outOffset, c0, c1);
        return;
      }
      if (multipliers[0] != Integer.MIN_VALUE) {
        applyUniformDouble(acc, out, outOffset, c0, c1);
        return;
      }
    }
    for (int c = c0; c < c1; c++) {
      out[outOffset + c] = (byte) apply(acc[c], c);
    }
  }

  /**
   * The same values as {@link QuantizedMultiplier#applyDoubleRounding} (its branch-free form; the saturating case
   * needs a multiplier of -2^31, which the caller excludes) with the shifts and rounding terms hoisted.
   */
  private void applyUniformDouble(int[] acc, byte[] out, int outOffset, int c0, int c1) {
    long multiplier = multipliers[0];
    int shift = shifts[0];
    int left = shift > 0 ? shift : 0;
    int right = shift > 0 ? 0 : -shift;
    long half = (1L << right) >> 1;
    long negativeMask = half == 0 ? 0 : 1;
    int zeroPoint = outputZeroPoint;
    int lo = min;
    int hi = max;
    for (int c = c0; c < c1; c++) {
      long high = ((long) (acc[c] << left) * multiplier + (1L << 30)) >> 31;
      int v = (int) ((high + half - ((high >>> 63) & negativeMask)) >> right) + zeroPoint;
      out[outOffset + c] = (byte) Math.max(lo, Math.min(hi, v));
    }
  }

  /**
   * The same values as {@link QuantizedMultiplier#applySingleRounding} per channel, with the one multiplier and
   * shift hoisted out of the loop, so that C2 can vectorize it.
   */
  private void applyUniformSingle(int[] acc, byte[] out, int outOffset, int c0, int c1) {
    long multiplier = multipliers[0];
    int total = 31 - shifts[0];
    long round = 1L << (total - 1);
    int zeroPoint = outputZeroPoint;
    int lo = min;
    int hi = max;
    for (int c = c0; c < c1; c++) {
      int v = (int) ((acc[c] * multiplier + round) >> total) + zeroPoint;
      out[outOffset + c] = (byte) Math.max(lo, Math.min(hi, v));
    }
  }
}
