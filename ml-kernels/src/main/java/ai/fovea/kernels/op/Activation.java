package ai.fovea.kernels.op;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * Fused activations of TFLite's ActivationFunctionType (same numbering). Float ops clamp to
 * {@link #floatMin()}..{@link #floatMax()}; quantized ops clamp to {@link #quantizedRange}.
 */
public enum Activation {
  NONE(0),
  RELU(1),
  RELU_N1_TO_1(2),
  RELU6(3),
  TANH(4),
  SIGN_BIT(5);

  private final int tfliteCode;

  Activation(int tfliteCode) {
    this.tfliteCode = tfliteCode;
  }

  public int tfliteCode() {
    return tfliteCode;
  }

  public static Activation fromTfliteCode(int code) {
    for (Activation a : values()) {
      if (a.tfliteCode == code) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown fused activation " + code);
  }

  /** True for the activations that are a clamp (the only ones TFLite fuses into kernels). */
  public boolean isClamp() {
    return this == NONE || this == RELU || this == RELU_N1_TO_1 || this == RELU6;
  }

  public float floatMin() {
    switch (this) {
      case RELU:
      case RELU6:
        return 0f;
      case RELU_N1_TO_1:
        return -1f;
      default:
        return Float.NEGATIVE_INFINITY;
    }
  }

  public float floatMax() {
    switch (this) {
      case RELU6:
        return 6f;
      case RELU_N1_TO_1:
        return 1f;
      default:
        return Float.POSITIVE_INFINITY;
    }
  }

  /** Clamps {@code values[0, count)} in place to {@link #floatMin()}..{@link #floatMax()}. */
  public void clamp(float[] values, int count) {
    if (!isClamp()) {
      throw new IllegalArgumentException("fused activation " + this + " is not a clamp");
    }
    if (this == NONE) {
      return;
    }
    float lo = floatMin();
    float hi = floatMax();
    for (int i = 0; i < count; i++) {
      values[i] = Math.min(Math.max(values[i], lo), hi);
    }
  }

  /**
   * The clamp range in the output's quantized domain, as TFLite's CalculateActivationRangeQuantized: the real
   * bounds quantized with the output's scale and zero point (round half away from zero), intersected with the
   * type's range. Returns {min, max}.
   */
  public int[] quantizedRange(Tensor output) {
    DataType type = output.dataType();
    int qmin = type == DataType.UINT8 ? 0 : type == DataType.INT8 ? -128 : Integer.MIN_VALUE;
    int qmax = type == DataType.UINT8 ? 255 : type == DataType.INT8 ? 127 : Integer.MAX_VALUE;
    if (!isClamp()) {
      throw new IllegalArgumentException("fused activation " + this + " is not supported on quantized tensors");
    }
    float scale = output.quantization().scale();
    int zeroPoint = output.quantization().zeroPoint();
    int lo = qmin;
    int hi = qmax;
    if (this != NONE) {
      lo = Math.max(qmin, zeroPoint + (int) roundHalfAway(floatMin() / scale));
      if (this != RELU) {
        hi = Math.min(qmax, zeroPoint + (int) roundHalfAway(floatMax() / scale));
      }
    }
    return new int[] {lo, hi};
  }

  private static double roundHalfAway(float x) {
    return Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
  }
}
