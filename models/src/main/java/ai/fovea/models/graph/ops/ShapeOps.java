package ai.fovea.models.graph.ops;

import ai.fovea.models.graph.OpResolver;

/** Registers the kernels of ml-kernels' {@code shape} package with the resolver. */
public final class ShapeOps {
  private ShapeOps() {}

  public static void register(OpResolver.Builder b) {
    // The shape family's kernels register here as they land.
  }
}
