package ai.fovea.models.tflite;

import java.util.HashMap;
import java.util.Map;

/**
 * TFLite builtin operator codes (schema.fbs {@code BuiltinOperator}, TF 2.6) that Fovea knows by name, with the
 * BuiltinOptions table each one carries (null when it carries none). Codes not listed here still load; the
 * resolver reports them as unsupported, by number.
 */
public enum BuiltinOperator {
  ADD(0, "AddOptions"),
  AVERAGE_POOL_2D(1, "Pool2DOptions"),
  CONCATENATION(2, "ConcatenationOptions"),
  CONV_2D(3, "Conv2DOptions"),
  DEPTHWISE_CONV_2D(4, "DepthwiseConv2DOptions"),
  DEPTH_TO_SPACE(5, "DepthToSpaceOptions"),
  DEQUANTIZE(6, "DequantizeOptions"),
  EMBEDDING_LOOKUP(7, null),
  FLOOR(8, null),
  FULLY_CONNECTED(9, "FullyConnectedOptions"),
  L2_NORMALIZATION(11, "L2NormOptions"),
  L2_POOL_2D(12, "Pool2DOptions"),
  LOCAL_RESPONSE_NORMALIZATION(13, "LocalResponseNormalizationOptions"),
  LOGISTIC(14, null),
  MAX_POOL_2D(17, "Pool2DOptions"),
  MUL(18, "MulOptions"),
  RELU(19, null),
  RELU_N1_TO_1(20, null),
  RELU6(21, null),
  RESHAPE(22, "ReshapeOptions"),
  RESIZE_BILINEAR(23, "ResizeBilinearOptions"),
  SOFTMAX(25, "SoftmaxOptions"),
  SPACE_TO_DEPTH(26, "SpaceToDepthOptions"),
  TANH(28, null),
  CALL(31, "CallOptions"),
  CUSTOM(32, null),
  PAD(34, "PadOptions"),
  GATHER(36, "GatherOptions"),
  BATCH_TO_SPACE_ND(37, "BatchToSpaceNDOptions"),
  SPACE_TO_BATCH_ND(38, "SpaceToBatchNDOptions"),
  TRANSPOSE(39, "TransposeOptions"),
  MEAN(40, "ReducerOptions"),
  SUB(41, "SubOptions"),
  DIV(42, "DivOptions"),
  SQUEEZE(43, "SqueezeOptions"),
  STRIDED_SLICE(45, "StridedSliceOptions"),
  EXP(47, "ExpOptions"),
  TOPK_V2(48, "TopKV2Options"),
  SPLIT(49, "SplitOptions"),
  LOG_SOFTMAX(50, "LogSoftmaxOptions"),
  CAST(53, "CastOptions"),
  PRELU(54, null),
  MAXIMUM(55, "MaximumMinimumOptions"),
  ARG_MAX(56, "ArgMaxOptions"),
  MINIMUM(57, "MaximumMinimumOptions"),
  LESS(58, "LessOptions"),
  NEG(59, "NegOptions"),
  PADV2(60, "PadV2Options"),
  GREATER(61, "GreaterOptions"),
  GREATER_EQUAL(62, "GreaterEqualOptions"),
  LESS_EQUAL(63, "LessEqualOptions"),
  SELECT(64, "SelectOptions"),
  SLICE(65, "SliceOptions"),
  SIN(66, null),
  TRANSPOSE_CONV(67, "TransposeConvOptions"),
  TILE(69, "TileOptions"),
  EXPAND_DIMS(70, "ExpandDimsOptions"),
  EQUAL(71, "EqualOptions"),
  NOT_EQUAL(72, "NotEqualOptions"),
  LOG(73, null),
  SUM(74, "ReducerOptions"),
  SQRT(75, null),
  RSQRT(76, null),
  SHAPE(77, "ShapeOptions"),
  POW(78, "PowOptions"),
  ARG_MIN(79, "ArgMinOptions"),
  REDUCE_PROD(81, "ReducerOptions"),
  REDUCE_MAX(82, "ReducerOptions"),
  PACK(83, "PackOptions"),
  UNPACK(88, "UnpackOptions"),
  REDUCE_MIN(89, "ReducerOptions"),
  FLOOR_DIV(90, "FloorDivOptions"),
  SQUARE(92, "SquareOptions"),
  ZEROS_LIKE(93, "ZerosLikeOptions"),
  FILL(94, "FillOptions"),
  FLOOR_MOD(95, "FloorModOptions"),
  RANGE(96, "RangeOptions"),
  RESIZE_NEAREST_NEIGHBOR(97, "ResizeNearestNeighborOptions"),
  LEAKY_RELU(98, "LeakyReluOptions"),
  SQUARED_DIFFERENCE(99, "SquaredDifferenceOptions"),
  MIRROR_PAD(100, "MirrorPadOptions"),
  ABS(101, "AbsOptions"),
  SPLIT_V(102, "SplitVOptions"),
  CEIL(104, null),
  REVERSE_V2(105, "ReverseV2Options"),
  ADD_N(106, "AddNOptions"),
  GATHER_ND(107, "GatherNdOptions"),
  COS(108, "CosOptions"),
  WHERE(109, "WhereOptions"),
  RANK(110, "RankOptions"),
  ELU(111, null),
  QUANTIZE(114, "QuantizeOptions"),
  ROUND(116, null),
  HARD_SWISH(117, "HardSwishOptions"),
  IF(118, "IfOptions"),
  WHILE(119, "WhileOptions"),
  NON_MAX_SUPPRESSION_V4(120, "NonMaxSuppressionV4Options"),
  NON_MAX_SUPPRESSION_V5(121, "NonMaxSuppressionV5Options"),
  SELECT_V2(123, "SelectV2Options"),
  DENSIFY(124, "DensifyOptions"),
  BATCH_MATMUL(126, "BatchMatMulOptions"),
  CUMSUM(128, "CumsumOptions"),
  CALL_ONCE(129, "CallOnceOptions"),
  BROADCAST_TO(130, "BroadcastToOptions");

  /**
   * The value of {@code deprecated_builtin_code} for codes that do not fit its byte
   * (PLACEHOLDER_FOR_GREATER_OP_CODES).
   */
  public static final int PLACEHOLDER_FOR_GREATER_OP_CODES = 127;

  private static final Map<Integer, BuiltinOperator> BY_CODE = new HashMap<>();

  static {
    for (BuiltinOperator op : values()) {
      BY_CODE.put(op.code, op);
    }
  }

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
    return BY_CODE.get(code);
  }

  /**
   * The effective code of an OperatorCode table. {@code deprecated_builtin_code} is a byte: old writers put every
   * code there and leave {@code builtin_code} at 0; new writers fill both for codes below 127 and put the
   * placeholder 127 in the byte for larger codes. The larger of the two is therefore the real code.
   */
  public static int effectiveCode(int deprecatedBuiltinCode, int builtinCode) {
    return Math.max(deprecatedBuiltinCode, builtinCode);
  }

  /** The value a writer puts in {@code deprecated_builtin_code} for {@code code}. */
  public static int deprecatedCodeFor(int code) {
    if (code < 0) {
      throw new IllegalArgumentException("negative builtin code " + code);
    }
    return Math.min(code, PLACEHOLDER_FOR_GREATER_OP_CODES);
  }
}
