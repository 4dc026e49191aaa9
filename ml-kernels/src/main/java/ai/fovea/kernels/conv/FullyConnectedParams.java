package ai.fovea.kernels.conv;

import ai.fovea.kernels.op.Activation;

/** FULLY_CONNECTED parameters: fused activation and whether the output keeps the input's leading dims. */
public final class FullyConnectedParams {
  public final Activation activation;
  public final boolean keepNumDims;

  public FullyConnectedParams(Activation activation, boolean keepNumDims) {
    if (activation == null) {
      throw new IllegalArgumentException("activation is required");
    }
    this.activation = activation;
    this.keepNumDims = keepNumDims;
  }
}
