package ai.fovea.models.tflite;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The BuiltinOptions tables Fovea reads and writes (schema.fbs of TF 2.6): for each, its number in the
 * {@code BuiltinOptions} union and its fields with ids, kinds and schema defaults. The field order is a format fact:
 * a field's id is its position in the table, so the entries below list every field exactly as the schema does,
 * deprecated slots included.
 */
public final class OptionsSchema {
  /** The value kinds a field can have; enum-valued fields are BYTE and keep TFLite's numbering. */
  public enum Kind {
    BOOL,
    BYTE,
    INT,
    FLOAT,
    INT_VECTOR
  }

  /** One field: its id is its index in the table. */
  public static final class Field {
    public final String name;
    public final int id;
    public final Kind kind;
    /** True for INT fields that name a subgraph (control flow: IF, WHILE, CALL_ONCE, CALL). */
    public final boolean subgraphIndex;
    private final Object defaultValue;

    Field(String name, int id, Kind kind, boolean subgraphIndex, Object defaultValue) {
      this.name = name;
      this.id = id;
      this.kind = kind;
      this.subgraphIndex = subgraphIndex;
      this.defaultValue = defaultValue;
    }

    /** The schema default: Boolean, Integer, Float or a fresh int[]. */
    public Object defaultValue() {
      return defaultValue instanceof int[] ? ((int[]) defaultValue).clone() : defaultValue;
    }
  }

  /** One options table with its union type number. */
  public static final class Table {
    public final String name;
    public final int unionType;
    private final Map<String, Field> fields;
    private final int slotCount;

    Table(String name, int unionType, Map<String, Field> fields, int slotCount) {
      this.name = name;
      this.unionType = unionType;
      this.fields = Collections.unmodifiableMap(fields);
      this.slotCount = slotCount;
    }

    /** The fields by name, in schema order. */
    public Map<String, Field> fields() {
      return fields;
    }

    /** Number of field ids the table spans, deprecated slots included (what a writer reserves in the vtable). */
    public int slotCount() {
      return slotCount;
    }

    public Field field(String fieldName) {
      Field f = fields.get(fieldName);
      if (f == null) {
        throw new IllegalArgumentException(name + " has no field '" + fieldName + "'; fields: " + fields.keySet());
      }
      return f;
    }

    /** True when some field names a subgraph, i.e. the operator runs other subgraphs. */
    public boolean refersToSubgraphs() {
      for (Field f : fields.values()) {
        if (f.subgraphIndex) {
          return true;
        }
      }
      return false;
    }
  }

  private static final Map<String, Table> BY_NAME = new HashMap<>();
  private static final Map<Integer, Table> BY_UNION_TYPE = new HashMap<>();

  static {
    // Field specs: "name:kind[=default]", kinds b(ool) y(byte) i(nt) f(loat) v(int vector) and g (an int naming a
    // subgraph); "-" is a deprecated slot.
    table("Conv2DOptions", 1, "padding:y", "stride_w:i", "stride_h:i", "fused_activation_function:y",
        "dilation_w_factor:i=1", "dilation_h_factor:i=1");
    table("DepthwiseConv2DOptions", 2, "padding:y", "stride_w:i", "stride_h:i", "depth_multiplier:i",
        "fused_activation_function:y", "dilation_w_factor:i=1", "dilation_h_factor:i=1");
    table("Pool2DOptions", 5, "padding:y", "stride_w:i", "stride_h:i", "filter_width:i", "filter_height:i",
        "fused_activation_function:y");
    table("FullyConnectedOptions", 8, "fused_activation_function:y", "weights_format:y", "keep_num_dims:b",
        "asymmetric_quantize_inputs:b");
    table("SoftmaxOptions", 9, "beta:f");
    table("ConcatenationOptions", 10, "axis:i", "fused_activation_function:y");
    table("AddOptions", 11, "fused_activation_function:y", "pot_scale_int16:b=true");
    table("L2NormOptions", 12, "fused_activation_function:y");
    table("LocalResponseNormalizationOptions", 13, "radius:i", "bias:f", "alpha:f", "beta:f");
    table("ResizeBilinearOptions", 15, "-", "-", "align_corners:b", "half_pixel_centers:b");
    table("CallOptions", 16, "subgraph:g");
    table("ReshapeOptions", 17, "new_shape:v");
    table("SpaceToDepthOptions", 19, "block_size:i");
    table("MulOptions", 21, "fused_activation_function:y");
    table("PadOptions", 22);
    table("GatherOptions", 23, "axis:i", "batch_dims:i");
    table("BatchToSpaceNDOptions", 24);
    table("SpaceToBatchNDOptions", 25);
    table("TransposeOptions", 26);
    table("ReducerOptions", 27, "keep_dims:b");
    table("SubOptions", 28, "fused_activation_function:y", "pot_scale_int16:b=true");
    table("DivOptions", 29, "fused_activation_function:y");
    table("SqueezeOptions", 30, "squeeze_dims:v");
    table("StridedSliceOptions", 32, "begin_mask:i", "end_mask:i", "ellipsis_mask:i", "new_axis_mask:i",
        "shrink_axis_mask:i");
    table("ExpOptions", 33);
    table("TopKV2Options", 34);
    table("SplitOptions", 35, "num_splits:i");
    table("LogSoftmaxOptions", 36);
    table("CastOptions", 37, "in_data_type:y", "out_data_type:y");
    table("DequantizeOptions", 38);
    table("MaximumMinimumOptions", 39);
    table("ArgMaxOptions", 40, "output_type:y");
    table("LessOptions", 41);
    table("NegOptions", 42);
    table("PadV2Options", 43);
    table("GreaterOptions", 44);
    table("GreaterEqualOptions", 45);
    table("LessEqualOptions", 46);
    table("SelectOptions", 47);
    table("SliceOptions", 48);
    table("TransposeConvOptions", 49, "padding:y", "stride_w:i", "stride_h:i");
    table("TileOptions", 51);
    table("ExpandDimsOptions", 52);
    table("EqualOptions", 53);
    table("NotEqualOptions", 54);
    table("ShapeOptions", 55, "out_type:y");
    table("PowOptions", 56);
    table("ArgMinOptions", 57, "output_type:y");
    table("PackOptions", 59, "values_count:i", "axis:i");
    table("UnpackOptions", 64, "num:i", "axis:i");
    table("FloorDivOptions", 65);
    table("SquareOptions", 66);
    table("ZerosLikeOptions", 67);
    table("FillOptions", 68);
    table("FloorModOptions", 72);
    table("RangeOptions", 73);
    table("ResizeNearestNeighborOptions", 74, "align_corners:b", "half_pixel_centers:b");
    table("LeakyReluOptions", 75, "alpha:f");
    table("SquaredDifferenceOptions", 76);
    table("MirrorPadOptions", 77, "mode:y");
    table("AbsOptions", 78);
    table("SplitVOptions", 79, "num_splits:i");
    table("ReverseV2Options", 81);
    table("AddNOptions", 82);
    table("GatherNdOptions", 83);
    table("CosOptions", 84);
    table("WhereOptions", 85);
    table("RankOptions", 86);
    table("QuantizeOptions", 89);
    table("HardSwishOptions", 91);
    table("IfOptions", 92, "then_subgraph_index:g", "else_subgraph_index:g");
    table("WhileOptions", 93, "cond_subgraph_index:g", "body_subgraph_index:g");
    table("DepthToSpaceOptions", 94, "block_size:i");
    table("NonMaxSuppressionV4Options", 95);
    table("NonMaxSuppressionV5Options", 96);
    table("SelectV2Options", 98);
    table("DensifyOptions", 99);
    table("BatchMatMulOptions", 101, "adj_x:b", "adj_y:b", "asymmetric_quantize_inputs:b");
    table("CumsumOptions", 102, "exclusive:b", "reverse:b");
    table("CallOnceOptions", 103, "init_subgraph_index:g");
    table("BroadcastToOptions", 104);
  }

  private OptionsSchema() {}

  private static void table(String name, int unionType, String... specs) {
    Map<String, Field> fields = new LinkedHashMap<>();
    for (int id = 0; id < specs.length; id++) {
      if (specs[id].equals("-")) {
        continue;
      }
      String[] nameAndRest = specs[id].split(":");
      String[] kindAndDefault = nameAndRest[1].split("=");
      Kind kind = kindOf(kindAndDefault[0]);
      Object def = kindAndDefault.length > 1 ? parse(kind, kindAndDefault[1]) : zero(kind);
      fields.put(nameAndRest[0], new Field(nameAndRest[0], id, kind, kindAndDefault[0].equals("g"), def));
    }
    Table t = new Table(name, unionType, fields, specs.length);
    BY_NAME.put(name, t);
    BY_UNION_TYPE.put(unionType, t);
  }

  private static Kind kindOf(String code) {
    switch (code) {
      case "b":
        return Kind.BOOL;
      case "y":
        return Kind.BYTE;
      case "i":
      case "g":
        return Kind.INT;
      case "f":
        return Kind.FLOAT;
      default:
        return Kind.INT_VECTOR;
    }
  }

  private static Object zero(Kind kind) {
    switch (kind) {
      case BOOL:
        return Boolean.FALSE;
      case FLOAT:
        return 0f;
      case INT_VECTOR:
        return new int[0];
      default:
        return 0;
    }
  }

  private static Object parse(Kind kind, String text) {
    switch (kind) {
      case BOOL:
        return Boolean.valueOf(text);
      case FLOAT:
        return Float.valueOf(text);
      default:
        return Integer.valueOf(text);
    }
  }

  /** The table with this name; throws IllegalArgumentException for an unknown name. */
  public static Table table(String name) {
    Table t = BY_NAME.get(name);
    if (t == null) {
      throw new IllegalArgumentException("unknown options table '" + name + "'");
    }
    return t;
  }

  /** The table with this union type number, or null when Fovea does not know it. */
  public static Table byUnionType(int unionType) {
    return BY_UNION_TYPE.get(unionType);
  }
}
