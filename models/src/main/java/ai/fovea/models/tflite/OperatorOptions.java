package ai.fovea.models.tflite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An operator's builtin options: one {@link OptionsSchema.Table} and the values of its fields by name. Fields
 * not set read as their schema default. Immutable; enum-valued fields keep TFLite's numbering (Padding
 * SAME=0 VALID=1, activation codes as {@code Activation.tfliteCode()}, TensorType codes).
 */
public final class OperatorOptions {
  private static final OperatorOptions NONE = new OperatorOptions(null, Collections.emptyMap(), new byte[0]);
  private final OptionsSchema.Table table;
  private final Map<String, Object> values;
  private final byte[] custom;

  private OperatorOptions(OptionsSchema.Table table, Map<String, Object> values, byte[] custom) {
    this.table = table;
    this.values = values;
    this.custom = custom;
  }

  /** No options (operators such as RELU or LOGISTIC). */
  public static OperatorOptions none() {
    return NONE;
  }

  /** A custom operator's options: its FlexBuffer bytes (read them with {@link FlexBufferMap}). */
  public static OperatorOptions custom(byte[] flexBuffer) {
    return new OperatorOptions(null, Collections.emptyMap(), flexBuffer == null ? new byte[0] : flexBuffer.clone());
  }

  /** A copy of a custom operator's FlexBuffer options; empty for builtin operators. */
  public byte[] customOptions() {
    return custom.clone();
  }

  public static Builder builder(String tableName) {
    return new Builder(OptionsSchema.table(tableName));
  }

  /** The options table, or null for {@link #none()}. */
  public OptionsSchema.Table table() {
    return table;
  }

  /** The fields that were set explicitly, by name (for the writer, which leaves the others to their defaults). */
  Map<String, Object> explicitValues() {
    return Collections.unmodifiableMap(values);
  }

  public int intValue(String field) {
    return ((Number) value(field, OptionsSchema.Kind.INT, OptionsSchema.Kind.BYTE)).intValue();
  }

  public float floatValue(String field) {
    return (Float) value(field, OptionsSchema.Kind.FLOAT, OptionsSchema.Kind.FLOAT);
  }

  public boolean boolValue(String field) {
    return (Boolean) value(field, OptionsSchema.Kind.BOOL, OptionsSchema.Kind.BOOL);
  }

  /** A copy of an int-vector field. */
  public int[] intsValue(String field) {
    return ((int[]) value(field, OptionsSchema.Kind.INT_VECTOR, OptionsSchema.Kind.INT_VECTOR)).clone();
  }

  private Object value(String field, OptionsSchema.Kind kind, OptionsSchema.Kind alsoKind) {
    if (table == null) {
      throw new IllegalArgumentException("operator has no options; asked for '" + field + "'");
    }
    OptionsSchema.Field f = table.field(field);
    if (f.kind != kind && f.kind != alsoKind) {
      throw new IllegalArgumentException(table.name + "." + field + " is " + f.kind + ", not " + kind);
    }
    Object v = values.get(field);
    return v != null ? v : f.defaultValue();
  }

  @Override
  public String toString() {
    if (table == null) {
      return "none";
    }
    StringBuilder sb = new StringBuilder(table.name).append('{');
    for (OptionsSchema.Field f : table.fields().values()) {
      Object v = values.containsKey(f.name) ? values.get(f.name) : f.defaultValue();
      sb.append(f.name).append('=').append(v instanceof int[] ? java.util.Arrays.toString((int[]) v) : v).append(", ");
    }
    if (sb.charAt(sb.length() - 1) == ' ') {
      sb.setLength(sb.length() - 2);
    }
    return sb.append('}').toString();
  }

  /** Sets fields by name; the kind of each value is checked against the schema. */
  public static final class Builder {
    private final OptionsSchema.Table table;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Builder(OptionsSchema.Table table) {
      this.table = table;
    }

    public Builder set(String field, int value) {
      OptionsSchema.Field f = table.field(field);
      if (f.kind == OptionsSchema.Kind.BYTE && (value < -128 || value > 127)) {
        throw new IllegalArgumentException(table.name + "." + field + " is a byte; " + value + " does not fit");
      }
      require(f, f.kind == OptionsSchema.Kind.INT || f.kind == OptionsSchema.Kind.BYTE);
      values.put(field, value);
      return this;
    }

    public Builder set(String field, float value) {
      OptionsSchema.Field f = table.field(field);
      require(f, f.kind == OptionsSchema.Kind.FLOAT);
      values.put(field, value);
      return this;
    }

    public Builder set(String field, boolean value) {
      OptionsSchema.Field f = table.field(field);
      require(f, f.kind == OptionsSchema.Kind.BOOL);
      values.put(field, value);
      return this;
    }

    public Builder set(String field, int[] value) {
      OptionsSchema.Field f = table.field(field);
      require(f, f.kind == OptionsSchema.Kind.INT_VECTOR);
      values.put(field, value.clone());
      return this;
    }

    private void require(OptionsSchema.Field f, boolean ok) {
      if (!ok) {
        throw new IllegalArgumentException(table.name + "." + f.name + " is of kind " + f.kind);
      }
    }

    public OperatorOptions build() {
      return new OperatorOptions(table, new LinkedHashMap<>(values), new byte[0]);
    }
  }
}
