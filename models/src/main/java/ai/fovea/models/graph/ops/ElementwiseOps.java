package ai.fovea.models.graph.ops;

import ai.fovea.kernels.elementwise.ArithmeticFloat;
import ai.fovea.kernels.elementwise.ArithmeticInt32;
import ai.fovea.kernels.elementwise.ArithmeticInt8;
import ai.fovea.kernels.elementwise.BinaryOperation;
import ai.fovea.kernels.elementwise.Concatenation;
import ai.fovea.kernels.op.Activation;
import ai.fovea.models.graph.OpResolver;
import ai.fovea.models.graph.UnsupportedOpException;
import ai.fovea.models.tflite.BuiltinOperator;

/**
 * Registers the kernels of ml-kernels' {@code elementwise} package with the resolver: ADD, SUB and MUL by the
 * input's type (float32, int32, int8/uint8), and CONCATENATION, which TFLite 2.6 runs without a fused activation
 * only.
 */
public final class ElementwiseOps {
  private ElementwiseOps() {}

  public static void register(OpResolver.Builder b) {
    arithmetic(b, BuiltinOperator.ADD, BinaryOperation.ADD);
    arithmetic(b, BuiltinOperator.SUB, BinaryOperation.SUB);
    arithmetic(b, BuiltinOperator.MUL, BinaryOperation.MUL);
    b.add(BuiltinOperator.CONCATENATION, (options, in, out, pool) -> {
      if (in.length == 0) {
        throw new UnsupportedOpException("CONCATENATION without inputs");
      }
      if (OpTypes.activation(options) != Activation.NONE) {
        throw new UnsupportedOpException("CONCATENATION with a fused activation is not supported (nor by TFLite)");
      }
      return new Concatenation(options.table() == null ? 0 : options.intValue("axis"), pool);
    });
  }

  private static void arithmetic(OpResolver.Builder b, BuiltinOperator op, BinaryOperation operation) {
    b.add(op, (options, in, out, pool) -> {
      Activation act = OpTypes.activation(options);
      switch (OpTypes.of(in.length > 0 ? in[0] : null)) {
        case FLOAT32:
          return new ArithmeticFloat(operation, act, pool);
        case INT32:
          return new ArithmeticInt32(operation, act, pool);
        case INT8:
        case UINT8:
          return new ArithmeticInt8(operation, act, pool);
        default:
          throw OpTypes.unsupported(op.name(), in[0]);
      }
    });
  }
}
