package ai.fovea.kernels.conv;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;

/**
 * Prepare-time checks and spatial arithmetic of TRANSPOSE_CONV, whose inputs are (output_shape int32[4], weights
 * [outC, kh, kw, inC], input NHWC, optional bias [outC]). Input pixel (iy, ix) adds its products to output pixel
 * {@code (iy·strideH − padTop + ky, ix·strideW − padLeft + kx)}, dropping those outside the output. As in TFLite,
 * the padding is the one a forward convolution over the output would use, and the output shape is taken as given:
 * it need not be the input's natural upsampled size. Immutable.
 */
final class TransposeConvGeometry {
  static final String NAME = "TRANSPOSE_CONV";

  final int batch;
  final int inHeight;
  final int inWidth;
  final int inChannels;
  final int outHeight;
  final int outWidth;
  final int outChannels;
  final int filterHeight;
  final int filterWidth;
  final int strideH;
  final int strideW;
  final int padTop;
  final int padLeft;

  private TransposeConvGeometry(Shape input, Shape weights, int[] out, TransposeConvParams p) {
    batch = input.dim(0);
    inHeight = input.dim(1);
    inWidth = input.dim(2);
    inChannels = input.dim(3);
    outHeight = out[1];
    outWidth = out[2];
    outChannels = out[3];
    filterHeight = weights.dim(1);
    filterWidth = weights.dim(2);
    strideH = p.strideH;
    strideW = p.strideW;
    padTop = p.padding.paddingBefore(outHeight, filterHeight, strideH, 1);
    padLeft = p.padding.paddingBefore(outWidth, filterWidth, strideW, 1);
  }

  /**
   * Validates the operator's tensors for element type {@code type} (bias float32 for FLOAT32, int32 otherwise),
   * reads the constant output shape and resizes the output to it.
   */
  static TransposeConvGeometry prepare(DataType type, Tensor[] inputs, Tensor[] outputs, TransposeConvParams p) {
    if (inputs.length < 3 || inputs.length > 4 || outputs.length != 1 || inputs[0] == null || inputs[1] == null
        || inputs[2] == null || outputs[0] == null) {
      throw new OpPrepareException(NAME, "needs output_shape, weights, input, optional bias and one output");
    }
    Tensor outputShape = inputs[0];
    Tensor weights = inputs[1];
    Tensor input = inputs[2];
    Tensor bias = inputs.length > 3 ? inputs[3] : null;
    if (weights.dataType() != type || input.dataType() != type || outputs[0].dataType() != type) {
      throw new OpPrepareException(NAME, "expects " + type + " weights/input/output, got " + weights.dataType() + "/"
          + input.dataType() + "/" + outputs[0].dataType());
    }
    if (outputShape.dataType() != DataType.INT32 || outputShape.shape().rank() != 1 || outputShape.size() != 4) {
      throw new OpPrepareException(NAME, "output_shape must be int32[4], got " + outputShape);
    }
    if (input.shape().rank() != 4 || weights.shape().rank() != 4) {
      throw new OpPrepareException(NAME, "input and weights must be 4-D, got " + input.shape() + " and "
          + weights.shape());
    }
    if (weights.shape().dim(3) != input.shape().dim(3)) {
      throw new OpPrepareException(NAME, "weights depth " + weights.shape().dim(3) + " != input channels "
          + input.shape().dim(3));
    }
    int[] out = Arrays.copyOf(outputShape.ints(), 4);
    if (out[0] != input.shape().dim(0) || out[3] != weights.shape().dim(0) || out[1] < 1 || out[2] < 1) {
      throw new OpPrepareException(NAME, "output_shape " + Arrays.toString(out) + " does not fit batch "
          + input.shape().dim(0) + " and " + weights.shape().dim(0) + " output channels");
    }
    DataType biasType = type == DataType.FLOAT32 ? DataType.FLOAT32 : DataType.INT32;
    if (bias != null && (bias.dataType() != biasType || bias.size() != out[3])) {
      throw new OpPrepareException(NAME, "bias must be " + biasType + "[" + out[3] + "], got " + bias);
    }
    outputs[0].resize(Shape.of(out));
    return new TransposeConvGeometry(input.shape(), weights.shape(), out, p);
  }

  int taps() {
    return filterHeight * filterWidth;
  }

  /**
   * The input row that tap row {@code ky} maps onto output row {@code oy}, or -1 when none does (the stride skips
   * it, or it lies outside the input).
   */
  int inputRow(int oy, int ky) {
    return source(oy + padTop - ky, strideH, inHeight);
  }

  /** As {@link #inputRow} along the width. */
  int inputColumn(int ox, int kx) {
    return source(ox + padLeft - kx, strideW, inWidth);
  }

  private static int source(int offset, int stride, int size) {
    if (offset < 0 || offset % stride != 0 || offset / stride >= size) {
      return -1;
    }
    return offset / stride;
  }
}
