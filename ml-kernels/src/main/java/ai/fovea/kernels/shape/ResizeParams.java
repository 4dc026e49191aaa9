package ai.fovea.kernels.shape;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;

/**
 * Options shared by RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR, and their common shape rule: a 4-D NHWC input
 * and a constant INT32 {@code [2]} size input giving the output height and width.
 */
public final class ResizeParams {
  final boolean alignCorners;
  final boolean halfPixelCenters;

  private ResizeParams(boolean alignCorners, boolean halfPixelCenters) {
    this.alignCorners = alignCorners;
    this.halfPixelCenters = halfPixelCenters;
  }

  public static ResizeParams of(boolean alignCorners, boolean halfPixelCenters) {
    return new ResizeParams(alignCorners, halfPixelCenters);
  }

  /** {@link #prepareOutput}, after rejecting both options at once as TFLite 2.6's RESIZE_BILINEAR does. */
  void prepareBilinearOutput(Tensor[] inputs, Tensor[] outputs, String op) {
    if (alignCorners && halfPixelCenters) {
      throw new OpPrepareException(op, "align_corners and half_pixel_centers cannot both be set");
    }
    prepareOutput(inputs, outputs, op);
  }

  /** Validates the inputs and resizes the output to {@code [batch, height, width, depth]}. */
  static void prepareOutput(Tensor[] inputs, Tensor[] outputs, String op) {
    if (inputs.length != 2 || outputs.length != 1) {
      throw new OpPrepareException(op, "takes 2 inputs and 1 output, got " + inputs.length + " and " + outputs.length);
    }
    Tensor input = inputs[0];
    if (input.shape().rank() != 4) {
      throw new OpPrepareException(op, "input must be 4-D NHWC, got shape " + input.shape());
    }
    if (input.dataType() != outputs[0].dataType()) {
      throw new OpPrepareException(op, "output type " + outputs[0].dataType() + " differs from input type " + input.dataType());
    }
    int[] size = IndexTensor.int32Vector(inputs[1], op, "size");
    if (size.length != 2 || size[0] <= 0 || size[1] <= 0) {
      throw new OpPrepareException(op, "size must be two positive values, got " + Arrays.toString(size));
    }
    outputs[0].resize(Shape.of(input.shape().dim(0), size[0], size[1], input.shape().dim(3)));
  }
}
