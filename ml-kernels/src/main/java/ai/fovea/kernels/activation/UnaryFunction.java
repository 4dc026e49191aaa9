package ai.fovea.kernels.activation;

/**
 * The float definitions of TFLite's element-wise activations, in single precision like the interpreter's float
 * kernels (ELU as {@code expm1}, HARD_SWISH as {@code x·min(6, max(0, x + 3))/6}). LEAKY_RELU's slope comes from
 * its op's options. The 8-bit tables TFLite fills from some of these use their own float forms (see
 * {@link QuantizedRules#fromFloat}).
 */
public enum UnaryFunction {
  RELU,
  RELU6,
  RELU_N1_TO_1,
  LOGISTIC,
  TANH,
  ELU,
  HARD_SWISH,
  LEAKY_RELU;

  float apply(float x, float alpha) {
    switch (this) {
      case RELU:
        return Math.max(x, 0f);
      case RELU6:
        return Math.min(Math.max(x, 0f), 6f);
      case RELU_N1_TO_1:
        return Math.min(Math.max(x, -1f), 1f);
      case LOGISTIC:
        return 1f / (1f + (float) Math.exp(-x));
      case TANH:
        return (float) Math.tanh(x);
      case ELU:
        return x < 0 ? (float) Math.expm1(x) : x;
      case HARD_SWISH:
        return x * Math.min(6f, Math.max(0f, x + 3f)) / 6f;
      default:
        return x > 0 ? x : x * alpha;
    }
  }

  /** True for the three clamps, which 8-bit tensors requantize rather than tabulate from the float function. */
  public boolean isClamp() {
    return this == RELU || this == RELU6 || this == RELU_N1_TO_1;
  }
}
