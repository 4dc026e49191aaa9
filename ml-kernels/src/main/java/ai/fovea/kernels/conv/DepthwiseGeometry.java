package ai.fovea.kernels.conv;

import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Tensor;

/** Prepare-time checks of DEPTHWISE_CONV_2D: filter [1, kh, kw, inC × multiplier], bias [outC]. */
final class DepthwiseGeometry {
  static final String NAME = "DEPTHWISE_CONV_2D";

  private DepthwiseGeometry() {}

  static ConvGeometry of(Tensor input, Tensor filter, Tensor bias, DepthwiseParams p) {
    if (filter.shape().rank() != 4 || filter.shape().dim(0) != 1) {
      throw new OpPrepareException(NAME, "filter must be [1, kh, kw, outC], got " + filter.shape());
    }
    ConvParams c = p.conv;
    if (!c.activation.isClamp()) {
      throw new OpPrepareException(NAME, "fused activation " + c.activation + " is not supported");
    }
    ConvGeometry g = ConvGeometry.of(NAME, input.shape(), filter.shape().dim(1), filter.shape().dim(2), c.strideH,
        c.strideW, c.dilationH, c.dilationW, c.padding);
    int outC = filter.shape().dim(3);
    if (outC != g.inChannels * p.depthMultiplier) {
      throw new OpPrepareException(NAME, "filter has " + outC + " channels; input channels " + g.inChannels
          + " × depth multiplier " + p.depthMultiplier + " = " + g.inChannels * p.depthMultiplier);
    }
    ConvShapes.requireBias(NAME, bias, outC);
    return g;
  }
}
