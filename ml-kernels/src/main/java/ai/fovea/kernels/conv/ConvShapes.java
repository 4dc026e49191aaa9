package ai.fovea.kernels.conv;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/** Prepare-time checks shared by the convolution family: tensor types and filter/bias shapes. */
final class ConvShapes {
  private ConvShapes() {}

  /** Input, filter and output of {@code type}; bias (if present) float32 for float ops, int32 otherwise. */
  static void requireTypes(String op, DataType type, Tensor[] inputs, Tensor[] outputs) {
    if (inputs.length < 2 || outputs.length != 1 || inputs[0] == null || inputs[1] == null) {
      throw new OpPrepareException(op, "needs input, filter and optional bias, and one output");
    }
    if (inputs[0].dataType() != type || inputs[1].dataType() != type || outputs[0].dataType() != type) {
      throw new OpPrepareException(op, "expects " + type + " input/filter/output, got " + inputs[0].dataType() + "/"
          + inputs[1].dataType() + "/" + outputs[0].dataType());
    }
    Tensor bias = inputs.length > 2 ? inputs[2] : null;
    DataType biasType = type == DataType.FLOAT32 ? DataType.FLOAT32 : DataType.INT32;
    if (bias != null && bias.dataType() != biasType) {
      throw new OpPrepareException(op, "bias must be " + biasType + ", got " + bias.dataType());
    }
  }

  /** INT8 or UINT8: the 8-bit type a quantized op runs on, read from its input. */
  static DataType quantizedType(String op, Tensor[] inputs) {
    DataType type = inputs.length > 0 && inputs[0] != null ? inputs[0].dataType() : null;
    if (type != DataType.INT8 && type != DataType.UINT8) {
      throw new OpPrepareException(op, "expects an int8 or uint8 input, got " + type);
    }
    return type;
  }

  /** The kernels fuse only clamps (NONE, RELU, RELU_N1_TO_1, RELU6), as TFLite's do. */
  static void requireClamp(String op, Activation activation) {
    if (!activation.isClamp()) {
      throw new OpPrepareException(op, "fused activation " + activation + " is not supported");
    }
  }

  /** CONV_2D: filter [outC, kh, kw, inC] with inC equal to the input's channels; bias [outC]. */
  static ConvGeometry convGeometry(String op, Tensor input, Tensor filter, Tensor bias, ConvParams p) {
    if (filter.shape().rank() != 4) {
      throw new OpPrepareException(op, "filter must be [outC, kh, kw, inC], got " + filter.shape());
    }
    ConvGeometry g = ConvGeometry.of(op, input.shape(), filter.shape().dim(1), filter.shape().dim(2), p.strideH,
        p.strideW, p.dilationH, p.dilationW, p.padding);
    if (filter.shape().dim(3) != g.inChannels) {
      throw new OpPrepareException(op, "filter depth " + filter.shape().dim(3) + " != input channels " + g.inChannels);
    }
    requireBias(op, bias, filter.shape().dim(0));
    return g;
  }

  static void requireBias(String op, Tensor bias, int channels) {
    if (bias != null && (bias.shape().rank() != 1 || bias.shape().dim(0) != channels)) {
      throw new OpPrepareException(op, "bias must be [" + channels + "], got " + bias.shape());
    }
  }
}
