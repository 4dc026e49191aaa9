package ai.fovea.kernels.pool;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Padding;

/** MAX_POOL_2D / AVERAGE_POOL_2D parameters: window, strides, padding and the fused clamp. Immutable. */
public final class PoolParams {
  public final Padding padding;
  public final int filterHeight;
  public final int filterWidth;
  public final int strideH;
  public final int strideW;
  public final Activation activation;

  public PoolParams(Padding padding, int filterHeight, int filterWidth, int strideH, int strideW,
      Activation activation) {
    if (padding == null || activation == null) {
      throw new IllegalArgumentException("padding and activation are required");
    }
    if (filterHeight < 1 || filterWidth < 1) {
      throw new IllegalArgumentException("pool window must be at least 1x1, got " + filterHeight + "x" + filterWidth);
    }
    if (strideH < 1 || strideW < 1) {
      throw new IllegalArgumentException("pool strides must be >= 1, got " + strideH + "x" + strideW);
    }
    if (!activation.isClamp()) {
      throw new IllegalArgumentException("pools fuse only clamp activations, got " + activation);
    }
    this.padding = padding;
    this.filterHeight = filterHeight;
    this.filterWidth = filterWidth;
    this.strideH = strideH;
    this.strideW = strideW;
    this.activation = activation;
  }
}
