package ai.fovea.models.graph.ops;

import ai.fovea.models.graph.OpResolver;

/** Registers the kernels of ml-kernels' {@code elementwise} package with the resolver. */
public final class ElementwiseOps {
  private ElementwiseOps() {}

  public static void register(OpResolver.Builder b) {
    // The elementwise family's kernels register here as they land.
  }
}
