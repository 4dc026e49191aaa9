package ai.fovea.models.graph.ops;

import ai.fovea.models.graph.OpResolver;

/** Registers the kernels of ml-kernels' {@code pool} package with the resolver. */
public final class PoolOps {
  private PoolOps() {}

  public static void register(OpResolver.Builder b) {
    // The pool family's kernels register here as they land.
  }
}
