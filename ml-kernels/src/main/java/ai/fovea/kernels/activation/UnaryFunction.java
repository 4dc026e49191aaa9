package ai.fovea.kernels.activation;

/**
 * The float definitions of TFLite's element-wise activations, in single precision like the interpreter
 * (std::exp/std::tanh on float). LEAKY_RELU's slope comes from its op's options.
 */
public enum UnaryFunction {
  RELU,
  RELU6,
  RELU_N1_TO_1,
  LOGISTIC,
  TANH,
  ELU,
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
        return x < 0 ? (float) Math.exp(x) - 1f : x;
      default:
        return x > 0 ? x : x * alpha;
    }
  }
}
