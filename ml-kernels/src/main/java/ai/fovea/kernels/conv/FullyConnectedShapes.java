package ai.fovea.kernels.conv;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;

/**
 * FULLY_CONNECTED's shape rule: the input is read as [batch, depth] with depth = filter [units, depth]'s second
 * dim and batch = input size / depth; the output is [batch, units], or the input's shape with its last dim
 * replaced by units when keep_num_dims is set.
 */
final class FullyConnectedShapes {
  static final String NAME = "FULLY_CONNECTED";
  final int batch;
  final int depth;
  final int units;

  private FullyConnectedShapes(int batch, int depth, int units) {
    this.batch = batch;
    this.depth = depth;
    this.units = units;
  }

  static FullyConnectedShapes of(Tensor input, Tensor filter, Tensor bias, Tensor output, boolean keepNumDims) {
    if (filter.shape().rank() != 2) {
      throw new OpPrepareException(NAME, "filter must be [units, depth], got " + filter.shape());
    }
    int units = filter.shape().dim(0);
    int depth = filter.shape().dim(1);
    if (depth == 0 || input.size() % depth != 0) {
      throw new OpPrepareException(NAME, "input " + input.shape() + " is not a whole number of rows of depth " + depth);
    }
    if (keepNumDims && input.shape().dim(-1) != depth) {
      throw new OpPrepareException(NAME, "keep_num_dims needs the input's last dim " + input.shape().dim(-1)
          + " to equal the filter depth " + depth);
    }
    ConvShapes.requireBias(NAME, bias, units);
    int batch = input.size() / depth;
    int[] dims = input.shape().toArray();
    if (keepNumDims) {
      dims[dims.length - 1] = units;
      output.resize(Shape.of(dims));
    } else {
      output.resize(Shape.of(batch, units));
    }
    return new FullyConnectedShapes(batch, depth, units);
  }
}
