package ai.fovea.kernels.conv;

/** DEPTHWISE_CONV_2D parameters: the convolution's, plus how many output channels each input channel feeds. */
public final class DepthwiseParams {
  public final ConvParams conv;
  public final int depthMultiplier;

  public DepthwiseParams(ConvParams conv, int depthMultiplier) {
    if (conv == null || depthMultiplier < 1) {
      throw new IllegalArgumentException("depth multiplier must be >= 1, got " + depthMultiplier);
    }
    this.conv = conv;
    this.depthMultiplier = depthMultiplier;
  }

  @Override
  public String toString() {
    return conv + " multiplier " + depthMultiplier;
  }
}
