package ai.fovea.models.graph;

import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.OperatorCode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Maps operator codes (builtin, or CUSTOM by name) to the factories of their kernels. Immutable. */
public final class OpResolver {
  private final Map<BuiltinOperator, OpFactory> builtins;
  private final Map<String, OpFactory> customs;

  private OpResolver(Builder b) {
    this.builtins = Collections.unmodifiableMap(new EnumMap<>(b.builtins));
    this.customs = Collections.unmodifiableMap(new HashMap<>(b.customs));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The factory for a node's operator; {@code node} only names the node in the exception. */
  public OpFactory factory(OperatorCode code, int node) {
    BuiltinOperator op = code.builtin();
    OpFactory f = null;
    if (op == BuiltinOperator.CUSTOM) {
      f = customs.get(code.customCode());
    } else if (op != null) {
      f = builtins.get(op);
    }
    if (f == null) {
      throw new UnsupportedOpException("node " + node + ": operator " + code.displayName() + " is not supported");
    }
    return f;
  }

  /** The builtin operators this resolver can build. */
  public Set<BuiltinOperator> builtins() {
    return builtins.keySet();
  }

  /** The custom operator names this resolver can build. */
  public Set<String> customCodes() {
    return customs.keySet();
  }

  /** Registers factories; a later registration of the same operator replaces the earlier one. */
  public static final class Builder {
    private final Map<BuiltinOperator, OpFactory> builtins = new EnumMap<>(BuiltinOperator.class);
    private final Map<String, OpFactory> customs = new HashMap<>();

    private Builder() {}

    public Builder add(BuiltinOperator op, OpFactory factory) {
      if (op == null || factory == null) {
        throw new IllegalArgumentException("operator and factory are required, got " + op + " and " + factory);
      }
      if (op == BuiltinOperator.CUSTOM) {
        throw new IllegalArgumentException("register custom operators with addCustom(name, factory)");
      }
      builtins.put(op, factory);
      return this;
    }

    public Builder addCustom(String customCode, OpFactory factory) {
      if (customCode == null || factory == null) {
        throw new IllegalArgumentException("custom code and factory are required, got " + customCode + " and "
            + factory);
      }
      customs.put(customCode, factory);
      return this;
    }

    public OpResolver build() {
      return new OpResolver(this);
    }
  }
}
