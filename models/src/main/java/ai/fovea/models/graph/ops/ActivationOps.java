package ai.fovea.models.graph.ops;

import ai.fovea.kernels.activation.ByteLookupTable;
import ai.fovea.kernels.activation.QuantizedRules;
import ai.fovea.kernels.activation.Softmax;
import ai.fovea.kernels.activation.UnaryFloat;
import ai.fovea.kernels.activation.UnaryFunction;
import ai.fovea.models.graph.OpResolver;
import ai.fovea.models.tflite.BuiltinOperator;

/** Registers the kernels of ml-kernels' {@code activation} package with the resolver. */
public final class ActivationOps {
  private ActivationOps() {}

  public static void register(OpResolver.Builder b) {
    for (UnaryFunction clamp : new UnaryFunction[] {UnaryFunction.RELU, UnaryFunction.RELU6,
        UnaryFunction.RELU_N1_TO_1}) {
      unary(b, BuiltinOperator.valueOf(clamp.name()), clamp);
    }
    for (UnaryFunction smooth : new UnaryFunction[] {UnaryFunction.LOGISTIC, UnaryFunction.TANH, UnaryFunction.ELU}) {
      unary(b, BuiltinOperator.valueOf(smooth.name()), smooth);
    }
    b.add(BuiltinOperator.LEAKY_RELU, (options, in, out, pool) -> {
      float alpha = options.floatValue("alpha");
      switch (OpTypes.of(in[0])) {
        case FLOAT32:
          return new UnaryFloat(UnaryFunction.LEAKY_RELU, alpha);
        case INT8:
        case UINT8:
          return new ByteLookupTable("LEAKY_RELU", (i, o) -> QuantizedRules.leakyRelu(alpha, i, o));
        default:
          throw OpTypes.unsupported("LEAKY_RELU", in[0]);
      }
    });
    b.add(BuiltinOperator.SOFTMAX, (options, in, out, pool) -> new Softmax(options.floatValue("beta")));
  }

  private static void unary(OpResolver.Builder b, BuiltinOperator op, UnaryFunction function) {
    boolean isClamp = function == UnaryFunction.RELU || function == UnaryFunction.RELU6
        || function == UnaryFunction.RELU_N1_TO_1;
    b.add(op, (options, in, out, pool) -> {
      switch (OpTypes.of(in[0])) {
        case FLOAT32:
          return new UnaryFloat(function, 0f);
        case INT8:
        case UINT8:
          return new ByteLookupTable(op.name(), (i, o) -> isClamp ? QuantizedRules.clamp(function, i, o)
              : QuantizedRules.fromFloat(function, i, o));
        default:
          throw OpTypes.unsupported(op.name(), in[0]);
      }
    });
  }
}
