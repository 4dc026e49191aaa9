package ai.fovea.kernels.elementwise;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;

/** Prepare-time checks shared by the binary element-wise ops: arity, one type for all three tensors, broadcast. */
final class BinaryShapes {
  private BinaryShapes() {}

  static Broadcast prepare(String op, Tensor[] inputs, Tensor[] outputs, DataType... allowed) {
    if (inputs.length != 2 || outputs.length != 1 || inputs[0] == null || inputs[1] == null || outputs[0] == null) {
      throw new OpPrepareException(op, "takes two inputs and one output");
    }
    DataType t = inputs[0].dataType();
    if (inputs[1].dataType() != t || outputs[0].dataType() != t || !Arrays.asList(allowed).contains(t)) {
      throw new OpPrepareException(op, "needs inputs and output of one type among "
          + Arrays.toString(allowed) + ", got " + t + ", " + inputs[1].dataType() + ", "
          + outputs[0].dataType());
    }
    Broadcast b = Broadcast.of(op, inputs[0].shape(), inputs[1].shape());
    outputs[0].resize(b.output);
    return b;
  }
}
