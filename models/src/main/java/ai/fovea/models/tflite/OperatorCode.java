package ai.fovea.models.tflite;

/** One entry of a model's operator_codes: a builtin code (or CUSTOM with its name) and the op version. */
public final class OperatorCode {
  private final int builtinCode;
  private final String customCode;
  private final int version;

  public OperatorCode(int builtinCode, String customCode, int version) {
    if (builtinCode < 0) {
      throw new IllegalArgumentException("negative builtin code " + builtinCode);
    }
    this.builtinCode = builtinCode;
    this.customCode = customCode;
    this.version = version;
  }

  public static OperatorCode of(BuiltinOperator op) {
    return new OperatorCode(op.code(), null, 1);
  }

  public int builtinCode() {
    return builtinCode;
  }

  /** The known builtin, or null when Fovea does not know this code. */
  public BuiltinOperator builtin() {
    return BuiltinOperator.fromCode(builtinCode);
  }

  /** The custom op's name for CUSTOM, else null. */
  public String customCode() {
    return customCode;
  }

  public int version() {
    return version;
  }

  /** A readable name: the builtin's name, the custom code, or the number. */
  public String displayName() {
    BuiltinOperator op = builtin();
    if (op == BuiltinOperator.CUSTOM && customCode != null) {
      return "CUSTOM(" + customCode + ")";
    }
    return op != null ? op.name() : "BUILTIN_" + builtinCode;
  }
}
