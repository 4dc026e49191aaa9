package ai.fovea.models.graph.ops;

import ai.fovea.kernels.elementwise.ArithmeticFloat;
import ai.fovea.kernels.elementwise.BinaryOperation;
import ai.fovea.kernels.elementwise.QuantizedArithmetic;
import ai.fovea.kernels.op.Activation;
import ai.fovea.models.graph.OpResolver;
import ai.fovea.models.tflite.BuiltinOperator;

/** Registers the kernels of ml-kernels' {@code elementwise} package with the resolver. */
public final class ElementwiseOps {
  private ElementwiseOps() {}

  public static void register(OpResolver.Builder b) {
    arithmetic(b, BuiltinOperator.ADD, BinaryOperation.ADD);
    arithmetic(b, BuiltinOperator.SUB, BinaryOperation.SUB);
    arithmetic(b, BuiltinOperator.MUL, BinaryOperation.MUL);
  }

  private static void arithmetic(OpResolver.Builder b, BuiltinOperator op, BinaryOperation operation) {
    b.add(op, (options, in, out, pool) -> {
      Activation act = Activation.fromTfliteCode(options.intValue("fused_activation_function"));
      switch (OpTypes.of(in[0])) {
        case FLOAT32:
        case INT32:
          return new ArithmeticFloat(operation, act, pool);
        case INT8:
        case UINT8:
          return new QuantizedArithmetic(operation, act, pool);
        default:
          throw OpTypes.unsupported(op.name(), in[0]);
      }
    });
  }
}
