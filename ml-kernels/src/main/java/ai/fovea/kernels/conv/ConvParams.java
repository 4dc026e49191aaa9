package ai.fovea.kernels.conv;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Padding;

/** Parameters of CONV_2D and DEPTHWISE_CONV_2D: padding, strides, dilations, fused activation. */
public final class ConvParams {
  public final Padding padding;
  public final int strideH;
  public final int strideW;
  public final int dilationH;
  public final int dilationW;
  public final Activation activation;

  public ConvParams(Padding padding, int strideH, int strideW, int dilationH, int dilationW, Activation activation) {
    if (padding == null || activation == null) {
      throw new IllegalArgumentException("padding and activation are required");
    }
    this.padding = padding;
    this.strideH = strideH;
    this.strideW = strideW;
    this.dilationH = dilationH;
    this.dilationW = dilationW;
    this.activation = activation;
  }

  @Override
  public String toString() {
    return padding + " stride " + strideH + "x" + strideW + " dilation " + dilationH + "x" + dilationW + " " + activation;
  }
}
