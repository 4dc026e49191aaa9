package ai.fovea.kernels.activation;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;

/** Prepare-time checks of element-wise ops: one input and output of an allowed type; output takes the shape. */
final class UnaryShapes {
  private UnaryShapes() {}

  static void prepare(String op, Tensor[] inputs, Tensor[] outputs, DataType... allowed) {
    if (inputs.length < 1 || outputs.length != 1 || inputs[0] == null) {
      throw new OpPrepareException(op, "takes one input and one output");
    }
    DataType t = inputs[0].dataType();
    if (outputs[0].dataType() != t || !Arrays.asList(allowed).contains(t)) {
      throw new OpPrepareException(op, "needs input and output of one type among " + Arrays.toString(allowed)
          + ", got " + t + " and " + outputs[0].dataType());
    }
    outputs[0].resize(inputs[0].shape());
  }
}
