package ai.fovea.sdk.engine;

import ai.fovea.kernels.tensor.Tensor;

/**
 * Copies tensor data between an engine's own tensors and its callers' (same type; the target takes the source's
 * shape), for engine implementations.
 */
public final class TensorCopy {
  private TensorCopy() {}

  /** Copies {@code from}'s elements into {@code to}, resizing {@code to} to {@code from}'s shape when they differ. */
  public static void copy(Tensor from, Tensor to) {
    if (from.dataType() != to.dataType()) {
      throw new IllegalArgumentException("tensor " + to.name() + " is " + to.dataType() + ", the engine's "
          + from.name() + " is " + from.dataType());
    }
    if (!to.shape().equals(from.shape())) {
      to.resize(from.shape());
    }
    int n = from.size();
    switch (from.dataType()) {
      case FLOAT32:
        System.arraycopy(from.floats(), 0, to.floats(), 0, n);
        break;
      case FLOAT16:
        System.arraycopy(from.halfs(), 0, to.halfs(), 0, n);
        break;
      case INT32:
        System.arraycopy(from.ints(), 0, to.ints(), 0, n);
        break;
      case INT64:
        System.arraycopy(from.longs(), 0, to.longs(), 0, n);
        break;
      default:
        System.arraycopy(from.bytes(), 0, to.bytes(), 0, n);
    }
  }
}
