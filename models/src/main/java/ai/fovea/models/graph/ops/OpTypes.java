package ai.fovea.models.graph.ops;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.UnsupportedOpException;
import ai.fovea.models.tflite.OperatorOptions;

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
