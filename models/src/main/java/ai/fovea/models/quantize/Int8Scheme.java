package ai.fovea.models.quantize;

import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;

/**
 * The int8 scheme TFLite's kernels expect: activations asymmetric per tensor over a range that contains 0
 * exactly; weights symmetric (zero point 0, values in [-127, 127]) per output channel or per tensor; biases
 * int32 with scale input scale × weight scale (the float product, as TFLite forms it) and zero point 0.
 * Rounding is half away from zero.
 */
public final class Int8Scheme {
  static final int QMIN = -128;
  static final int QMAX = 127;
  private static final int WEIGHT_MAX = 127;

  private Int8Scheme() {}

  /**
   * Per-tensor parameters covering [min, max], first widened to contain 0 so that zero (padding, ReLU's floor)
   * is exactly representable: scale (max - min) / 255 and the zero point rounded from {@code -128 - min / scale}.
   * An empty range (a tensor that was always 0) gets [0, 1].
   */
  public static Quantization activation(float min, float max) {
    if (Float.isNaN(min) || Float.isNaN(max) || Float.isInfinite(min) || Float.isInfinite(max) || min > max) {
      throw new IllegalArgumentException("activation range [" + min + ", " + max + "] is not a finite range");
    }
    double lo = Math.min(min, 0);
    double hi = Math.max(max, 0);
    if (hi - lo < 1e-9) {
      hi = lo + 1;
    }
    double scale = (hi - lo) / (QMAX - QMIN);
    long zeroPoint = roundHalfAway(QMIN - lo / scale);
    return Quantization.perTensor((float) scale, (int) Math.max(QMIN, Math.min(QMAX, zeroPoint)));
  }

  /**
   * Symmetric weight parameters: per channel along {@code axis} (scale max|w| / 127 of each slice) or, when
   * {@code axis} is -1, one scale for the whole tensor. An all-zero slice gets scale 1.
   */
  public static Quantization symmetricWeights(float[] weights, Shape shape, int axis) {
    checkData(weights, shape);
    int channels = axis < 0 ? 1 : shape.dim(axis);
    int inner = axis < 0 ? 1 : shape.sizeFrom(axis + 1);
    float[] maxAbs = new float[channels];
    for (int i = 0; i < shape.size(); i++) {
      int c = axis < 0 ? 0 : (i / inner) % channels;
      maxAbs[c] = Math.max(maxAbs[c], Math.abs(weights[i]));
    }
    float[] scales = new float[channels];
    for (int c = 0; c < channels; c++) {
      scales[c] = maxAbs[c] > 0 ? maxAbs[c] / WEIGHT_MAX : 1f;
    }
    return axis < 0 ? Quantization.perTensor(scales[0], 0) : Quantization.perChannel(axis, scales, new int[channels]);
  }

  /** Quantizes float data with per-tensor or per-channel parameters, clamping to [-128, 127]. */
  public static byte[] quantize(float[] data, Shape shape, Quantization q) {
    checkData(data, shape);
    if (!q.isQuantized()) {
      throw new IllegalArgumentException("quantization parameters are required");
    }
    int channels = q.channelCount();
    int inner = channels == 1 ? 1 : shape.sizeFrom(q.axis() + 1);
    if (channels > 1 && shape.dim(q.axis()) != channels) {
      throw new IllegalArgumentException(channels + " scales for axis " + q.axis() + " of " + shape);
    }
    byte[] out = new byte[shape.size()];
    for (int i = 0; i < out.length; i++) {
      int c = channels == 1 ? 0 : (i / inner) % channels;
      long v = roundHalfAway(data[i] / (double) q.scale(c)) + q.zeroPoint(c);
      out[i] = (byte) Math.max(QMIN, Math.min(QMAX, v));
    }
    return out;
  }

  /** Bias parameters: scale input × weight scale per channel (float product), zero point 0. */
  public static Quantization bias(float inputScale, Quantization weights, int channels) {
    if (!(inputScale > 0)) {
      throw new IllegalArgumentException("input scale must be positive, got " + inputScale);
    }
    if (weights.channelCount() != 1 && weights.channelCount() != channels) {
      throw new IllegalArgumentException(weights.channelCount() + " weight scales for " + channels + " bias channels");
    }
    float[] scales = new float[channels];
    for (int c = 0; c < channels; c++) {
      scales[c] = inputScale * weights.scale(weights.channelCount() == 1 ? 0 : c);
    }
    return weights.channelCount() == 1 ? Quantization.perTensor(scales[0], 0)
        : Quantization.perChannel(0, scales, new int[channels]);
  }

  /** Int32 bias values on {@code q}'s scales, saturated to the int32 range. */
  public static int[] quantizeBias(float[] bias, Quantization q) {
    int channels = bias.length;
    if (q.channelCount() != 1 && q.channelCount() != channels) {
      throw new IllegalArgumentException(q.channelCount() + " bias scales for " + channels + " values");
    }
    int[] out = new int[channels];
    for (int c = 0; c < channels; c++) {
      long v = roundHalfAway(bias[c] / (double) q.scale(q.channelCount() == 1 ? 0 : c));
      out[c] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
    return out;
  }

  private static void checkData(float[] data, Shape shape) {
    if (data == null || data.length < shape.size()) {
      throw new IllegalArgumentException((data == null ? 0 : data.length) + " values for shape " + shape);
    }
  }

  private static long roundHalfAway(double x) {
    return (long) (Math.signum(x) * Math.floor(Math.abs(x) + 0.5));
  }
}
