package ai.fovea.sdk.task;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Tensor;

/**
 * Reads a model output as real numbers: FLOAT32 as is, INT8/UINT8 dequantized with the tensor's per-tensor scale
 * and zero point ({@code (q - zeroPoint) * scale}). Decoders call it so they work the same on float and quantized
 * models.
 */
public final class OutputValues {
  private OutputValues() {}

  /**
   * Writes {@code t}'s {@link Tensor#size()} values as floats into {@code into} (at least that long). Throws
   * {@link IllegalArgumentException} for other types, per-channel or missing quantization of 8-bit tensors.
   */
  public static void dequantize(Tensor t, float[] into) {
    int n = t.size();
    if (into == null || into.length < n) {
      throw new IllegalArgumentException("need room for " + n + " values of " + t + ", got "
          + (into == null ? null : into.length));
    }
    DataType type = t.dataType();
    if (type == DataType.FLOAT32) {
      System.arraycopy(t.floats(), 0, into, 0, n);
      return;
    }
    if (!type.isByte()) {
      throw new IllegalArgumentException("output " + t + " must be FLOAT32, INT8 or UINT8");
    }
    Quantization q = t.quantization();
    if (!q.isQuantized() || q.isPerChannel()) {
      throw new IllegalArgumentException("output " + t + " needs per-tensor quantization to be read as numbers");
    }
    float scale = q.scale();
    int zeroPoint = q.zeroPoint();
    int mask = type == DataType.UINT8 ? 0xFF : -1;
    byte[] b = t.bytes();
    for (int i = 0; i < n; i++) {
      into[i] = ((b[i] & mask) - zeroPoint) * scale;
    }
  }
}
