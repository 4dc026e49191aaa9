package ai.fovea.kernels.conv;

import ai.fovea.kernels.op.Padding;

/**
 * TRANSPOSE_CONV parameters as TFLite 2.6's TransposeConvOptions: padding and strides (that version has no fused
 * activation and no dilation). Immutable.
 */
public final class TransposeConvParams {
  public final Padding padding;
  public final int strideH;
  public final int strideW;

  public TransposeConvParams(Padding padding, int strideH, int strideW) {
    if (padding == null) {
      throw new IllegalArgumentException("padding is required");
    }
    if (strideH < 1 || strideW < 1) {
      throw new IllegalArgumentException("strides must be >= 1, got " + strideH + "x" + strideW);
    }
    this.padding = padding;
    this.strideH = strideH;
    this.strideW = strideW;
  }

  @Override
  public String toString() {
    return padding + " stride " + strideH + "x" + strideW;
  }
}
