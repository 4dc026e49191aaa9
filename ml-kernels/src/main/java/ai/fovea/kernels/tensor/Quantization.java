package ai.fovea.kernels.tensor;

import java.util.Arrays;

/**
 * Affine quantization {@code real = scale * (q - zeroPoint)}, either per tensor or per channel along one axis
 * (TFLite's per-channel weights: symmetric, zero point 0). Immutable.
 */
public final class Quantization {
  private static final Quantization NONE = new Quantization(new float[0], new int[0], 0);
  private final float[] scales;
  private final int[] zeroPoints;
  private final int axis;

  private Quantization(float[] scales, int[] zeroPoints, int axis) {
    this.scales = scales;
    this.zeroPoints = zeroPoints;
    this.axis = axis;
  }

  /** No quantization (float or plain integer tensors). */
  public static Quantization none() {
    return NONE;
  }

  public static Quantization perTensor(float scale, int zeroPoint) {
    checkScale(scale);
    return new Quantization(new float[] {scale}, new int[] {zeroPoint}, 0);
  }

  public static Quantization perChannel(int axis, float[] scales, int[] zeroPoints) {
    if (scales.length == 0 || scales.length != zeroPoints.length) {
      throw new IllegalArgumentException(
          "per-channel quantization needs equal, non-empty scales and zero points, got " + scales.length + " and " + zeroPoints.length);
    }
    if (axis < 0) {
      throw new IllegalArgumentException("negative quantized dimension " + axis);
    }
    for (float s : scales) {
      checkScale(s);
    }
    return new Quantization(scales.clone(), zeroPoints.clone(), axis);
  }

  private static void checkScale(float scale) {
    if (!(scale > 0) || Float.isInfinite(scale)) {
      throw new IllegalArgumentException("quantization scale must be positive and finite, got " + scale);
    }
  }

  public boolean isQuantized() {
    return scales.length > 0;
  }

  public boolean isPerChannel() {
    return scales.length > 1 || (scales.length == 1 && axis > 0);
  }

  /** Number of (scale, zero point) pairs: 0 when not quantized, 1 per tensor. */
  public int channelCount() {
    return scales.length;
  }

  /** The quantized axis for per-channel parameters. */
  public int axis() {
    return axis;
  }

  /** The per-tensor scale (channel 0 when per channel). */
  public float scale() {
    return scale(0);
  }

  public int zeroPoint() {
    return zeroPoint(0);
  }

  public float scale(int channel) {
    requireQuantized();
    return scales[channel];
  }

  public int zeroPoint(int channel) {
    requireQuantized();
    return zeroPoints[channel];
  }

  public float[] scales() {
    return scales.clone();
  }

  public int[] zeroPoints() {
    return zeroPoints.clone();
  }

  private void requireQuantized() {
    if (scales.length == 0) {
      throw new IllegalStateException("tensor is not quantized");
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Quantization)) {
      return false;
    }
    Quantization q = (Quantization) o;
    return axis == q.axis && Arrays.equals(scales, q.scales) && Arrays.equals(zeroPoints, q.zeroPoints);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(scales) + Arrays.hashCode(zeroPoints) + axis;
  }

  @Override
  public String toString() {
    if (!isQuantized()) {
      return "none";
    }
    if (scales.length == 1 && axis == 0) {
      return "scale=" + scales[0] + " zp=" + zeroPoints[0];
    }
    return "per-channel axis=" + axis + " (" + scales.length + " scales)";
  }
}
