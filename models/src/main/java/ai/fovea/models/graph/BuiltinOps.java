package ai.fovea.models.graph;

import ai.fovea.models.graph.ops.ActivationOps;
import ai.fovea.models.graph.ops.ConvOps;
import ai.fovea.models.graph.ops.DetectionOps;
import ai.fovea.models.graph.ops.ElementwiseOps;
import ai.fovea.models.graph.ops.PoolOps;
import ai.fovea.models.graph.ops.QuantOps;
import ai.fovea.models.graph.ops.ShapeOps;

/** The resolver with every op family Fovea's kernels implement. */
public final class BuiltinOps {
  private static final OpResolver ALL = build();

  private BuiltinOps() {}

  public static OpResolver resolver() {
    return ALL;
  }

  private static OpResolver build() {
    OpResolver.Builder b = OpResolver.builder();
    ConvOps.register(b);
    PoolOps.register(b);
    ElementwiseOps.register(b);
    ShapeOps.register(b);
    ActivationOps.register(b);
    QuantOps.register(b);
    DetectionOps.register(b);
    return b.build();
  }
}
