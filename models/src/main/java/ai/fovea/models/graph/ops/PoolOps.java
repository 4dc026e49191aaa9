package ai.fovea.models.graph.ops;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.pool.AveragePool2D;
import ai.fovea.kernels.pool.MaxPool2D;
import ai.fovea.kernels.pool.PoolParams;
import ai.fovea.models.graph.OpResolver;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.OperatorOptions;

/** Registers the kernels of ml-kernels' {@code pool} package with the resolver. */
public final class PoolOps {
  private PoolOps() {}

  public static void register(OpResolver.Builder b) {
    b.add(BuiltinOperator.MAX_POOL_2D, (options, in, out, pool) -> new MaxPool2D(params(options), pool));
    b.add(BuiltinOperator.AVERAGE_POOL_2D, (options, in, out, pool) -> new AveragePool2D(params(options), pool));
  }

  private static PoolParams params(OperatorOptions o) {
    return new PoolParams(ConvOps.padding(o.intValue("padding")), o.intValue("filter_height"),
        o.intValue("filter_width"), o.intValue("stride_h"), o.intValue("stride_w"),
        Activation.fromTfliteCode(o.intValue("fused_activation_function")));
  }
}
