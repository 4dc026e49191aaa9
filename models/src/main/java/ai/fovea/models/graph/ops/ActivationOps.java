package ai.fovea.models.graph.ops;

import ai.fovea.kernels.activation.ByteLookupTable;
import ai.fovea.kernels.activation.ByteRule;
import ai.fovea.kernels.activation.Prelu;
import ai.fovea.kernels.activation.QuantizedHardSwish;
import ai.fovea.kernels.activation.QuantizedRules;
import ai.fovea.kernels.activation.Softmax;
import ai.fovea.kernels.activation.UnaryFloat;
import ai.fovea.kernels.activation.UnaryFunction;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.OpResolver;
import ai.fovea.models.graph.UnsupportedOpException;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.OperatorOptions;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Registers the kernels of ml-kernels' {@code activation} package with the resolver: float32 through
 * {@link UnaryFloat}, 8-bit element-wise ops through a {@link ByteLookupTable} of their TFLite rule, and the
 * types TFLite 2.6 runs (ELU has no uint8 kernel there).
 */
public final class ActivationOps {
  private static final Set<DataType> ALL = EnumSet.of(DataType.FLOAT32, DataType.INT8, DataType.UINT8);

  private ActivationOps() {}

  public static void register(OpResolver.Builder b) {
    for (UnaryFunction clamp : new UnaryFunction[] {UnaryFunction.RELU, UnaryFunction.RELU6,
        UnaryFunction.RELU_N1_TO_1}) {
      unary(b, clamp, ALL, (i, o) -> QuantizedRules.clamp(clamp, i, o));
    }
    unary(b, UnaryFunction.LOGISTIC, ALL, (i, o) -> QuantizedRules.fromFloat(UnaryFunction.LOGISTIC, i, o));
    unary(b, UnaryFunction.TANH, ALL, (i, o) -> QuantizedRules.fromFloat(UnaryFunction.TANH, i, o));
    unary(b, UnaryFunction.ELU, EnumSet.of(DataType.FLOAT32, DataType.INT8),
        (i, o) -> QuantizedRules.fromFloat(UnaryFunction.ELU, i, o));
    unary(b, UnaryFunction.HARD_SWISH, ALL, QuantizedHardSwish::of);
    b.add(BuiltinOperator.LEAKY_RELU, (options, in, out, pool) -> {
      float alpha = floatOption(options, "alpha");
      return create(UnaryFunction.LEAKY_RELU, alpha, ALL, in, pool, (i, o) -> QuantizedRules.leakyRelu(alpha, i, o));
    });
    b.add(BuiltinOperator.PRELU, (options, in, out, pool) -> {
      OpTypes.require("PRELU", in, ALL);
      return new Prelu(pool);
    });
    b.add(BuiltinOperator.SOFTMAX, (options, in, out, pool) -> {
      OpTypes.require("SOFTMAX", in, ALL);
      return new Softmax(floatOption(options, "beta"), pool);
    });
  }

  private static void unary(OpResolver.Builder b, UnaryFunction function, Set<DataType> types,
      BiFunction<Tensor, Tensor, ByteRule> rule) {
    b.add(BuiltinOperator.valueOf(function.name()),
        (options, in, out, pool) -> create(function, 0f, types, in, pool, rule));
  }

  private static Op create(UnaryFunction function, float alpha, Set<DataType> types, Tensor[] in, ComputePool pool,
      BiFunction<Tensor, Tensor, ByteRule> rule) {
    return OpTypes.require(function.name(), in, types) == DataType.FLOAT32 ? new UnaryFloat(function, alpha, pool)
        : new ByteLookupTable(function.name(), rule, pool);
  }

  /** LEAKY_RELU's alpha, SOFTMAX's beta: a node without options reads as TFLite's zeroed default. */
  private static float floatOption(OperatorOptions options, String field) {
    return options.table() == null ? 0f : options.floatValue(field);
  }
}
