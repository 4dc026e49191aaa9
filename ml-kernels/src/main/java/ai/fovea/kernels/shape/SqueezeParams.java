package ai.fovea.kernels.shape;

/** SQUEEZE's options: the axes to drop (negative counts from the end); empty drops every axis of extent 1. */
public final class SqueezeParams {
  private final int[] squeezeDims;

  private SqueezeParams(int[] squeezeDims) {
    this.squeezeDims = squeezeDims;
  }

  public static SqueezeParams of(int... squeezeDims) {
    if (squeezeDims == null) {
      throw new IllegalArgumentException("squeezeDims is null; pass an empty array to squeeze every extent-1 axis");
    }
    return new SqueezeParams(squeezeDims.clone());
  }

  int[] squeezeDims() {
    return squeezeDims.clone();
  }
}
