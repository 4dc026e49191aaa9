package ai.fovea.models.graph.ops;

import ai.fovea.models.graph.OpResolver;

/** Registers the kernels of ml-kernels' {@code conv} package with the resolver. */
public final class ConvOps {
  private ConvOps() {}

  public static void register(OpResolver.Builder b) {
    // The conv family's kernels register here as they land.
  }
}
