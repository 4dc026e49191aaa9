package ai.fovea.models.graph.ops;

import ai.fovea.models.graph.OpResolver;

/** Registers the kernels of ml-kernels' {@code activation} package with the resolver. */
public final class ActivationOps {
  private ActivationOps() {}

  public static void register(OpResolver.Builder b) {
    // The activation family's kernels register here as they land.
  }
}
