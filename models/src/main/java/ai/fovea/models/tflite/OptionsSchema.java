package ai.fovea.models.tflite;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The BuiltinOptions tables Fovea reads and writes: for each, its number in the {@code BuiltinOptions} union and
 * its fields with ids, types and schema defaults in schema.fbs order. The field order is a format fact: a
 * field's id is its position in the table, so entries here are listed exactly as the schema lists them.
 */
public final class OptionsSchema {
  /** Scalar and vector kinds a field can have. */
  public enum Kind {
    BOOL(1),
    BYTE(1),
    INT(4),
    FLOAT(4),
    INT_VECTOR(4);

    final int width;

    Kind(int width) {
      this.width = width;
    }
  }

  /** One field: its id is its index in the table. */
  public static final class Field {
    public final String name;
    public final int id;
    public final Kind kind;
    public final Object defaultValue;

    Field(String name, int id, Kind kind, Object defaultValue) {
      this.name = name;
      this.id = id;
      this.kind = kind;
      this.defaultValue = defaultValue;
    }
  }

  /** One options table with its union type number. */
  public static final class Table {
    public final String name;
    public final int unionType;
    private final Map<String, Field> fields;

    Table(String name, int unionType, Map<String, Field> fields) {
      this.name = name;
      this.unionType = unionType;
      this.fields = Collections.unmodifiableMap(fields);
    }

    public Map<String, Field> fields() {
      return fields;
    }

    public Field field(String fieldName) {
      Field f = fields.get(fieldName);
      if (f == null) {
        throw new IllegalArgumentException(name + " has no field '" + fieldName + "'; fields: " + fields.keySet());
      }
      return f;
    }
  }

  private static final Map<String, Table> BY_NAME = new HashMap<>();
  private static final Map<Integer, Table> BY_UNION_TYPE = new HashMap<>();

  static {
    // Field specs: "name:kind[=default]", kinds b(ool) y(byte) i(nt) f(loat) v(int vector); "-" a deprecated slot.
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
    table("ResizeBilinearOptions", 15, "-", "-", "align_corners:b", "half_pixel_centers:b");
    table("ReshapeOptions", 17, "new_shape:v");
    table("MulOptions", 21, "fused_activation_function:y");
    table("PadOptions", 22);
    table("TransposeOptions", 26);
    table("ReducerOptions", 27, "keep_dims:b");
    table("SubOptions", 28, "fused_activation_function:y", "pot_scale_int16:b=true");
    table("SqueezeOptions", 30, "squeeze_dims:v");
    table("StridedSliceOptions", 32, "begin_mask:i", "end_mask:i", "ellipsis_mask:i", "new_axis_mask:i",
        "shrink_axis_mask:i");
    table("DequantizeOptions", 38);
    table("ArgMaxOptions", 40, "output_type:y");
    table("TransposeConvOptions", 49, "padding:y", "stride_w:i", "stride_h:i");
    table("ResizeNearestNeighborOptions", 74, "align_corners:b", "half_pixel_centers:b");
    table("LeakyReluOptions", 75, "alpha:f");
    table("QuantizeOptions", 89);
    table("HardSwishOptions", 91);
    table("DepthToSpaceOptions", 94, "block_size:i");
    table("DensifyOptions", 99);
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
      fields.put(nameAndRest[0], new Field(nameAndRest[0], id, kind, def));
    }
    Table t = new Table(name, unionType, fields);
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
