package ai.fovea.kernels.shape;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;

/**
 * SQUEEZE for every element type: drops axes of extent 1, either those named in the options (each must have
 * extent 1; repeats are allowed) or, when none are named, all of them. Up to 8 dimensions, as TFLite 2.6.
 */
public final class Squeeze implements Op {
  private static final String OP = "SQUEEZE";
  private static final int MAX_RANK = 8;
  private final SqueezeParams params;
  private Elements elements;

  public Squeeze(SqueezeParams params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    if (inputs.length != 1 || outputs.length != 1) {
      throw new OpPrepareException(OP, "takes 1 input and 1 output, got " + inputs.length + " and " + outputs.length);
    }
    Tensor input = inputs[0];
    if (input.dataType() != outputs[0].dataType()) {
      throw new OpPrepareException(OP, "output type " + outputs[0].dataType() + " differs from input type " + input.dataType());
    }
    elements = Elements.of(input.dataType(), OP);
    int[] dims = input.shape().toArray();
    if (dims.length > MAX_RANK) {
      throw new OpPrepareException(OP, "input rank " + dims.length + " exceeds " + MAX_RANK);
    }
    boolean[] drop = new boolean[dims.length];
    int[] squeezeDims = params.squeezeDims();
    if (squeezeDims.length == 0) {
      for (int i = 0; i < dims.length; i++) {
        drop[i] = dims[i] == 1;
      }
    }
    for (int axis : squeezeDims) {
      int a = axis < 0 ? axis + dims.length : axis;
      if (a < 0 || a >= dims.length || dims[a] != 1) {
        throw new OpPrepareException(OP, "squeeze dim " + axis + " is not an extent-1 axis of " + input.shape());
      }
      drop[a] = true;
    }
    int kept = 0;
    for (int i = 0; i < dims.length; i++) {
      if (!drop[i]) {
        dims[kept++] = dims[i];
      }
    }
    outputs[0].resize(Shape.of(Arrays.copyOf(dims, kept)));
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    System.arraycopy(elements.array(inputs[0]), 0, elements.array(outputs[0]), 0, inputs[0].size());
  }
}
