package ai.fovea.kernels.elementwise;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/** Prepare-time checks shared by the binary element-wise ops: arity, one type for all three tensors. */
final class BinaryShapes {
  private BinaryShapes() {}

  static Broadcast prepare(String op, Tensor[] inputs, Tensor[] outputs, DataType... allowed) {
    if (inputs.length != 2 || outputs.length != 1 || inputs[0] == null || inputs[1] == null) {
      throw new OpPrepareException(op, "takes two inputs and one output");
    }
    DataType t = inputs[0].dataType();
    if (inputs[1].dataType() != t || outputs[0].dataType() != t || !java.util.Arrays.asList(allowed).contains(t)) {
      throw new OpPrepareException(op, "needs inputs and output of one type among " + java.util.Arrays.toString(allowed)
          + ", got " + t + ", " + inputs[1].dataType() + ", " + outputs[0].dataType());
    }
    Broadcast b = Broadcast.of(op, inputs[0].shape(), inputs[1].shape());
    outputs[0].resize(b.output);
    return b;
  }

  /** The (a, b) input indices of output element {@code index}, the reference forms' plain broadcast rule. */
  static int[] sourceIndices(Tensor a, Tensor b, Tensor out, int index) {
    int rank = out.shape().rank();
    int ia = 0;
    int ib = 0;
    int strideA = 1;
    int strideB = 1;
    int rest = index;
    for (int axis = rank - 1; axis >= 0; axis--) {
      int coord = rest % out.shape().dim(axis);
      rest /= out.shape().dim(axis);
      int axisA = axis - (rank - a.shape().rank());
      int axisB = axis - (rank - b.shape().rank());
      if (axisA >= 0) {
        int d = a.shape().dim(axisA);
        ia += (d == 1 ? 0 : coord) * strideA;
        strideA *= d;
      }
      if (axisB >= 0) {
        int d = b.shape().dim(axisB);
        ib += (d == 1 ? 0 : coord) * strideB;
        strideB *= d;
      }
    }
    return new int[] {ia, ib};
  }
}
