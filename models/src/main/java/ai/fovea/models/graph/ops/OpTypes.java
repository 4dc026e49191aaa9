package ai.fovea.models.graph.ops;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.UnsupportedOpException;
import ai.fovea.models.tflite.OperatorOptions;
import java.util.Set;

/** Type dispatch and option reading shared by the op registrations. */
final class OpTypes {
  private OpTypes() {}

  static DataType of(Tensor t) {
    if (t == null) {
      throw new UnsupportedOpException("missing required input");
    }
    return t.dataType();
  }

  static UnsupportedOpException unsupported(String op, Tensor t) {
    return new UnsupportedOpException(op + " on " + t.dataType() + " tensors is not supported");
  }

  /** The first input's type when it is one of {@code types}, else {@link UnsupportedOpException} naming the op. */
  static DataType require(String op, Tensor[] inputs, Set<DataType> types) {
    DataType t = of(inputs.length == 0 ? null : inputs[0]);
    if (!types.contains(t)) {
      throw unsupported(op, inputs[0]);
    }
    return t;
  }

  /**
   * The node's fused_activation_function: NONE when it carries no options (TFLite's zeroed defaults); an
   * activation a kernel cannot fuse is unsupported.
   */
  static Activation activation(OperatorOptions options) {
    if (options.table() == null) {
      return Activation.NONE;
    }
    int code = options.intValue("fused_activation_function");
    for (Activation a : Activation.values()) {
      if (a.tfliteCode() == code && a.isClamp()) {
        return a;
      }
    }
    throw new UnsupportedOpException("fused activation " + code + " is not supported");
  }
}
