package ai.fovea.kernels.pool;

/** MEAN parameters (TFLite's ReducerOptions): whether reduced axes stay as size-1 dimensions. Immutable. */
public final class MeanParams {
  public final boolean keepDims;

  public MeanParams(boolean keepDims) {
    this.keepDims = keepDims;
  }
}
