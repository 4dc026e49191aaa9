package ai.fovea.kernels.shape;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;

/**
 * RESHAPE for every element type: the same elements in the same order under a new shape. As TFLite 2.6, the
 * shape comes from the second input when it is a one-dimensional INT32 tensor and otherwise from the options'
 * {@code new_shape}; one dimension may be -1 and is then inferred. The shape input must be constant (read at
 * prepare). Quantized values are copied as they are.
 */
public final class Reshape implements Op {
  private static final String OP = "RESHAPE";
  private final ReshapeParams params;
  private Elements elements;

  public Reshape(ReshapeParams params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    if (inputs.length != 1 && inputs.length != 2 || outputs.length != 1) {
      throw new OpPrepareException(OP, "takes 1 or 2 inputs and 1 output, got " + inputs.length + " and " + outputs.length);
    }
    Tensor input = inputs[0];
    Tensor output = outputs[0];
    if (input.dataType() != output.dataType()) {
      throw new OpPrepareException(OP, "output type " + output.dataType() + " differs from input type " + input.dataType());
    }
    elements = Elements.of(input.dataType(), OP);
    int[] dims = requestedShape(inputs);
    int stretchAxis = -1;
    long known = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] == -1) {
        if (stretchAxis >= 0) {
          throw new OpPrepareException(OP, "more than one -1 in new shape " + Arrays.toString(dims));
        }
        stretchAxis = i;
      } else if (dims[i] < 0) {
        throw new OpPrepareException(OP, "negative dimension " + dims[i] + " in new shape " + Arrays.toString(dims));
      } else {
        known *= dims[i];
      }
    }
    if (stretchAxis >= 0) {
      if (known == 0) {
        throw new OpPrepareException(OP, "cannot infer the -1 dimension of " + Arrays.toString(dims)
            + " next to a zero dimension");
      }
      dims[stretchAxis] = (int) (input.size() / known);
      known *= dims[stretchAxis];
    }
    if (known != input.size()) {
      throw new OpPrepareException(OP, "new shape " + Arrays.toString(dims) + " has " + known
          + " elements, input " + input.shape() + " has " + input.size());
    }
    output.resize(Shape.of(dims));
  }

  private int[] requestedShape(Tensor[] inputs) {
    if (inputs.length == 2 && inputs[1] != null && inputs[1].shape().rank() == 1
        && inputs[1].dataType() == DataType.INT32) {
      return IndexTensor.values(inputs[1], OP, "shape");
    }
    return params.newShape();
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    System.arraycopy(elements.array(inputs[0]), 0, elements.array(outputs[0]), 0, inputs[0].size());
  }
}
