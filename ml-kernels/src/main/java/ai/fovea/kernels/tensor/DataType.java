package ai.fovea.kernels.tensor;

/**
 * Element types a {@link Tensor} can hold. The numbering follows TFLite's TensorType so a .tflite file maps
 * onto it directly; INT8 and UINT8 share byte[] storage (UINT8 is read with {@code & 0xFF}).
 */
public enum DataType {
  FLOAT32(0, 4),
  FLOAT16(1, 2),
  INT32(2, 4),
  UINT8(3, 1),
  INT64(4, 8),
  INT8(9, 1);

  private final int tfliteCode;
  private final int byteSize;

  DataType(int tfliteCode, int byteSize) {
    this.tfliteCode = tfliteCode;
    this.byteSize = byteSize;
  }

  /** The TFLite schema's TensorType value. */
  public int tfliteCode() {
    return tfliteCode;
  }

  /** Bytes per element in a serialized buffer. */
  public int byteSize() {
    return byteSize;
  }

  /** True for the 8-bit quantized types. */
  public boolean isByte() {
    return this == INT8 || this == UINT8;
  }

  /** The type with this TFLite TensorType code, or null when Fovea does not support it. */
  public static DataType fromTfliteCode(int code) {
    for (DataType t : values()) {
      if (t.tfliteCode == code) {
        return t;
      }
    }
    return null;
  }
}
