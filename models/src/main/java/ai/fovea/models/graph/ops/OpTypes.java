package ai.fovea.models.graph.ops;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.UnsupportedOpException;

/** Type dispatch shared by the op registrations. */
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
}
