package ai.fovea.models.graph.ops;

import ai.fovea.models.graph.OpResolver;

/** Registers the kernels of ml-kernels' {@code quant} package with the resolver. */
public final class QuantOps {
  private QuantOps() {}

  public static void register(OpResolver.Builder b) {
    // The quant family's kernels register here as they land.
  }
}
