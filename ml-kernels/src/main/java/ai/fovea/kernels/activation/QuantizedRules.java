package ai.fovea.kernels.activation;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.quant.QuantizedMultiplier;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * TFLite 2.6's rules for 8-bit element-wise activations, each turned into a {@link ByteRule} for
 * {@link ByteLookupTable}. Clamps (RELU, RELU6, RELU_N1_TO_1) requantize with the input/output scale ratio and
 * gemmlowp rounding; LOGISTIC, TANH and ELU evaluate the float function on the dequantized value and round,
 * the way the interpreter fills its own lookup tables; LEAKY_RELU uses its identity and alpha multipliers.
 * HARD_SWISH's 16-bit fixed-point rule is {@link QuantizedHardSwish}.
 */
public final class QuantizedRules {
  private QuantizedRules() {}

  private static int typeMin(Tensor t) {
    return t.dataType() == DataType.UINT8 ? 0 : -128;
  }

  private static int typeMax(Tensor t) {
    return t.dataType() == DataType.UINT8 ? 255 : 127;
  }

  /** RELU / RELU6 / RELU_N1_TO_1: requantize, then clamp to the real bounds quantized with the output's scale. */
  public static ByteRule clamp(UnaryFunction function, Tensor in, Tensor out) {
    float lo = function == UnaryFunction.RELU_N1_TO_1 ? -1f : 0f;
    float hi = function == UnaryFunction.RELU6 ? 6f : function == UnaryFunction.RELU_N1_TO_1 ? 1f : Float.NaN;
    float outScale = out.quantization().scale();
    int outZp = out.quantization().zeroPoint();
    int max = Float.isNaN(hi) ? typeMax(out) : Math.min(typeMax(out), outZp + roundHalfAway(hi / outScale));
    int minFinal = Math.max(typeMin(out), outZp + roundHalfAway(lo / outScale));
    QuantizedMultiplier m = QuantizedMultiplier.of(in.quantization().scale() / outScale);
    int inZp = in.quantization().zeroPoint();
    return stored -> {
      int v = outZp + QuantizedMultiplier.applyDoubleRounding(stored - inZp, m.multiplier, m.shift);
      return Math.max(minFinal, Math.min(max, v));
    };
  }

  /**
   * LOGISTIC, TANH, ELU: the interpreter's table rule, {@code round(f(dequantized) / out_scale) + zp}, all in
   * float. LOGISTIC's output scale must be exactly 1/256, as TFLite checks (its zero point is not checked).
   */
  public static ByteRule fromFloat(UnaryFunction function, Tensor in, Tensor out) {
    if (function == UnaryFunction.LOGISTIC && out.quantization().scale() != 1f / 256) {
      throw new OpPrepareException("LOGISTIC", "8-bit output scale must be 1/256, got " + out.quantization().scale());
    }
    float inScale = in.quantization().scale();
    int inZp = in.quantization().zeroPoint();
    float inverseOutScale = 1f / out.quantization().scale();
    int outZp = out.quantization().zeroPoint();
    int min = typeMin(out);
    int max = typeMax(out);
    return stored -> {
      float dequantized = inScale * (stored - inZp);
      float transformed = tabulated(function, dequantized);
      int q = (int) (roundHalfAway(transformed * inverseOutScale) + (float) outZp);
      return Math.max(min, Math.min(max, q));
    };
  }

  /** LEAKY_RELU: positive values scale by {@code in/out}, negative ones by {@code alpha · in/out}. */
  public static ByteRule leakyRelu(float alpha, Tensor in, Tensor out) {
    float inScale = in.quantization().scale();
    float outScale = out.quantization().scale();
    // Both scale products are formed in float before widening, as the interpreter's Prepare does.
    QuantizedMultiplier identity = QuantizedMultiplier.of(inScale / outScale);
    QuantizedMultiplier slope = QuantizedMultiplier.of(inScale * alpha / outScale);
    int inZp = in.quantization().zeroPoint();
    int outZp = out.quantization().zeroPoint();
    int min = typeMin(out);
    int max = typeMax(out);
    return stored -> {
      int x = stored - inZp;
      QuantizedMultiplier m = x >= 0 ? identity : slope;
      int v = outZp + QuantizedMultiplier.applyDoubleRounding(x, m.multiplier, m.shift);
      return Math.max(min, Math.min(max, v));
    };
  }

  /** The float function the interpreter tabulates: ELU as {@code expf(x) − 1}, unlike its float kernel's expm1. */
  private static float tabulated(UnaryFunction function, float x) {
    if (function == UnaryFunction.ELU) {
      return x < 0 ? (float) Math.exp(x) - 1f : x;
    }
    return function.apply(x, 0f);
  }

  /** std::round on float; Math.round is exact (no {@code x + 0.5f} rounding) but breaks ties upwards. */
  private static int roundHalfAway(float x) {
    return x < 0 ? -Math.round(-x) : Math.round(x);
  }
}
