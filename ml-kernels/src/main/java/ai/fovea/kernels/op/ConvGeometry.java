package ai.fovea.kernels.op;

import ai.fovea.kernels.tensor.Shape;

/**
 * The spatial arithmetic shared by sliding-window ops (convolutions and pools) on NHWC tensors: output size and
 * top/left padding from TFLite's padding rules. Immutable; built in prepare.
 */
public final class ConvGeometry {
  public final int batch;
  public final int inHeight;
  public final int inWidth;
  public final int inChannels;
  public final int filterHeight;
  public final int filterWidth;
  public final int strideH;
  public final int strideW;
  public final int dilationH;
  public final int dilationW;
  public final int outHeight;
  public final int outWidth;
  public final int padTop;
  public final int padLeft;

  private ConvGeometry(Shape input, int filterHeight, int filterWidth, int strideH, int strideW, int dilationH,
      int dilationW, Padding padding) {
    this.batch = input.dim(0);
    this.inHeight = input.dim(1);
    this.inWidth = input.dim(2);
    this.inChannels = input.dim(3);
    this.filterHeight = filterHeight;
    this.filterWidth = filterWidth;
    this.strideH = strideH;
    this.strideW = strideW;
    this.dilationH = dilationH;
    this.dilationW = dilationW;
    this.outHeight = padding.outputSize(inHeight, filterHeight, strideH, dilationH);
    this.outWidth = padding.outputSize(inWidth, filterWidth, strideW, dilationW);
    this.padTop = padding.paddingBefore(inHeight, filterHeight, strideH, dilationH);
    this.padLeft = padding.paddingBefore(inWidth, filterWidth, strideW, dilationW);
  }

  private ConvGeometry(ConvGeometry g, int outChannels) {
    this.batch = g.batch;
    this.inHeight = g.outHeight;
    this.inWidth = g.outWidth;
    this.inChannels = outChannels;
    this.filterHeight = g.filterHeight;
    this.filterWidth = g.filterWidth;
    this.strideH = 1;
    this.strideW = 1;
    this.dilationH = g.dilationH;
    this.dilationW = g.dilationW;
    this.outHeight = g.inHeight;
    this.outWidth = g.inWidth;
    this.padTop = (g.filterHeight - 1) * g.dilationH - g.padTop;
    this.padLeft = (g.filterWidth - 1) * g.dilationW - g.padLeft;
  }

  /** Validates an NHWC input and window parameters for {@code op} and computes the geometry. */
  public static ConvGeometry of(String op, Shape input, int filterHeight, int filterWidth, int strideH, int strideW,
      int dilationH, int dilationW, Padding padding) {
    if (input.rank() != 4) {
      throw new OpPrepareException(op, "input must be 4-D NHWC, got " + input);
    }
    if (filterHeight < 1 || filterWidth < 1) {
      throw new OpPrepareException(op, "filter size must be positive, got " + filterHeight + "x" + filterWidth);
    }
    if (strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1) {
      throw new OpPrepareException(op, "strides and dilations must be >= 1, got stride " + strideH + "x" + strideW
          + " dilation " + dilationH + "x" + dilationW);
    }
    ConvGeometry g = new ConvGeometry(input, filterHeight, filterWidth, strideH, strideW, dilationH, dilationW, padding);
    if (g.outHeight <= 0 || g.outWidth <= 0) {
      throw new OpPrepareException(op, "window " + filterHeight + "x" + filterWidth + " (dilation " + dilationH + "x"
          + dilationW + ") does not fit input " + input + " with " + padding + " padding");
    }
    return g;
  }

  /**
   * For a stride-1 window: the geometry whose input is this one's output (with {@code outChannels} channels) and
   * whose output is this one's input, padded so that sliding the flipped filter over the output gradient gives the
   * input gradient (the adjoint of this window as a convolution).
   */
  public ConvGeometry adjoint(int outChannels) {
    if (strideH != 1 || strideW != 1 || outChannels < 1) {
      throw new IllegalArgumentException("adjoint needs stride 1 and outChannels >= 1, got stride " + strideH + "x"
          + strideW + " and " + outChannels + " channels");
    }
    return new ConvGeometry(this, outChannels);
  }

  public Shape outputShape(int channels) {
    return Shape.of(batch, outHeight, outWidth, channels);
  }

  /** True when every output reads only in-bounds input: no padding taps. */
  public boolean needsNoPadding() {
    return padTop == 0 && padLeft == 0
        && (outHeight - 1) * strideH + (filterHeight - 1) * dilationH < inHeight
        && (outWidth - 1) * strideW + (filterWidth - 1) * dilationW < inWidth;
  }
}
