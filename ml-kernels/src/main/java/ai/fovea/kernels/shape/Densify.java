package ai.fovea.kernels.shape;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Tensor;

/**
 * DENSIFY: turns a sparse constant (weights stored in TFLite's sparse encoding) into a dense tensor of the same
 * type and shape. The model loader has already expanded the encoding when it created the constant (models'
 * {@code Sparsity.densify}, which checks every index), so the op itself copies the dense values; like every node
 * that reads only constants it runs once, at load. Any element type, float16 included.
 */
public final class Densify implements Op {
  private static final String OP = "DENSIFY";

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    if (inputs.length != 1 || outputs.length != 1 || inputs[0] == null) {
      throw new OpPrepareException(OP, "takes 1 input and 1 output");
    }
    if (inputs[0].dataType() != outputs[0].dataType()) {
      throw new OpPrepareException(OP, "output type " + outputs[0].dataType() + " differs from input type "
          + inputs[0].dataType());
    }
    outputs[0].resize(inputs[0].shape());
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    Tensor in = inputs[0];
    Tensor out = outputs[0];
    int n = in.size();
    switch (in.dataType()) {
      case FLOAT32:
        System.arraycopy(in.floats(), 0, out.floats(), 0, n);
        break;
      case FLOAT16:
        System.arraycopy(in.halfs(), 0, out.halfs(), 0, n);
        break;
      case INT32:
        System.arraycopy(in.ints(), 0, out.ints(), 0, n);
        break;
      case INT64:
        System.arraycopy(in.longs(), 0, out.longs(), 0, n);
        break;
      default:
        System.arraycopy(in.bytes(), 0, out.bytes(), 0, n);
    }
  }
}
