package ai.fovea.kernels.shape;

/**
 * RESHAPE's options: the {@code new_shape} of its builtin options, used when the operator has no usable shape
 * input. TFLite reads an absent {@code new_shape} as empty (a scalar), and a legacy {@code [0]} as a scalar too.
 */
public final class ReshapeParams {
  private final int[] newShape;

  private ReshapeParams(int[] newShape) {
    this.newShape = newShape;
  }

  /** Options carrying {@code new_shape} (may hold one -1; empty or {@code [0]} means a scalar). */
  public static ReshapeParams of(int... newShape) {
    if (newShape == null) {
      throw new IllegalArgumentException("newShape is null; pass an empty array for an absent new_shape");
    }
    return new ReshapeParams(newShape.clone());
  }

  /** The requested dimensions, with the legacy {@code [0]} already turned into a scalar. */
  int[] newShape() {
    return newShape.length == 1 && newShape[0] == 0 ? new int[0] : newShape.clone();
  }
}
