package ai.fovea.models.tflite;

/**
 * TFLite builtin operator codes (schema.fbs {@code BuiltinOperator}) that Fovea knows by name, with the
 * options table each one carries. Codes not listed here still load; they are reported as unsupported by the
 * resolver, by number.
 */
public enum BuiltinOperator {
  ADD(0, "AddOptions"),
  AVERAGE_POOL_2D(1, "Pool2DOptions"),
  CONCATENATION(2, "ConcatenationOptions"),
  CONV_2D(3, "Conv2DOptions"),
  DEPTHWISE_CONV_2D(4, "DepthwiseConv2DOptions"),
  DEPTH_TO_SPACE(5, "DepthToSpaceOptions"),
  DEQUANTIZE(6, "DequantizeOptions"),
  FULLY_CONNECTED(9, "FullyConnectedOptions"),
  LOGISTIC(14, null),
  MAX_POOL_2D(17, "Pool2DOptions"),
  MUL(18, "MulOptions"),
  RELU(19, null),
  RELU_N1_TO_1(20, null),
  RELU6(21, null),
  RESHAPE(22, "ReshapeOptions"),
  RESIZE_BILINEAR(23, "ResizeBilinearOptions"),
  SOFTMAX(25, "SoftmaxOptions"),
  TANH(28, null),
  CUSTOM(32, null),
  PAD(34, "PadOptions"),
  TRANSPOSE(39, "TransposeOptions"),
  MEAN(40, "ReducerOptions"),
  SUB(41, "SubOptions"),
  SQUEEZE(43, "SqueezeOptions"),
  STRIDED_SLICE(45, "StridedSliceOptions"),
  PRELU(54, null),
  ARG_MAX(56, "ArgMaxOptions"),
  TRANSPOSE_CONV(67, "TransposeConvOptions"),
  RESIZE_NEAREST_NEIGHBOR(97, "ResizeNearestNeighborOptions"),
  LEAKY_RELU(98, "LeakyReluOptions"),
  ELU(111, null),
  QUANTIZE(114, "QuantizeOptions"),
  HARD_SWISH(117, "HardSwishOptions"),
  DENSIFY(124, "DensifyOptions");

  private final int code;
  private final String optionsTable;

  BuiltinOperator(int code, String optionsTable) {
    this.code = code;
    this.optionsTable = optionsTable;
  }

  public int code() {
    return code;
  }

  /** The BuiltinOptions table this operator carries, or null when it has none. */
  public String optionsTable() {
    return optionsTable;
  }

  /** The operator with this code, or null when Fovea does not know it. */
  public static BuiltinOperator fromCode(int code) {
    for (BuiltinOperator op : values()) {
      if (op.code == code) {
        return op;
      }
    }
    return null;
  }

  /**
   * The effective code of an OperatorCode table: codes up to 127 live in the legacy byte field
   * {@code deprecated_builtin_code}, larger ones only in {@code builtin_code}; old writers fill only the
   * former, new ones both, so the larger of the two is the real code.
   */
  public static int effectiveCode(int deprecatedBuiltinCode, int builtinCode) {
    return Math.max(deprecatedBuiltinCode, builtinCode);
  }
}
