package ai.fovea.models.graph.ops;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.pool.AveragePool2DFloat;
import ai.fovea.kernels.pool.AveragePool2DInt8;
import ai.fovea.kernels.pool.MaxPool2DFloat;
import ai.fovea.kernels.pool.MaxPool2DInt8;
import ai.fovea.kernels.pool.MeanFloat;
import ai.fovea.kernels.pool.MeanInt8;
import ai.fovea.kernels.pool.MeanParams;
import ai.fovea.kernels.pool.PoolParams;
import ai.fovea.models.graph.OpResolver;
import ai.fovea.models.graph.UnsupportedOpException;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.OperatorOptions;

/**
 * Registers the kernels of ml-kernels' {@code pool} package with the resolver: float32 or int8/uint8 classes by
 * the input's type. A node without options reads TFLite's zeroed defaults (MEAN without keep_dims); a pool
 * without options has no window and is rejected.
 */
public final class PoolOps {
  private PoolOps() {}

  public static void register(OpResolver.Builder b) {
    b.add(BuiltinOperator.MAX_POOL_2D, (options, in, out, pool) -> {
      PoolParams p = params(options, "MAX_POOL_2D");
      switch (OpTypes.of(in.length > 0 ? in[0] : null)) {
        case FLOAT32:
          return new MaxPool2DFloat(p, pool);
        case INT8:
        case UINT8:
          return new MaxPool2DInt8(p, pool);
        default:
          throw OpTypes.unsupported("MAX_POOL_2D", in[0]);
      }
    });
    b.add(BuiltinOperator.AVERAGE_POOL_2D, (options, in, out, pool) -> {
      PoolParams p = params(options, "AVERAGE_POOL_2D");
      switch (OpTypes.of(in.length > 0 ? in[0] : null)) {
        case FLOAT32:
          return new AveragePool2DFloat(p, pool);
        case INT8:
        case UINT8:
          return new AveragePool2DInt8(p, pool);
        default:
          throw OpTypes.unsupported("AVERAGE_POOL_2D", in[0]);
      }
    });
    b.add(BuiltinOperator.MEAN, (options, in, out, pool) -> {
      boolean hasOptions = options.table() != null && options.table().name.equals("ReducerOptions");
      MeanParams p = new MeanParams(hasOptions && options.boolValue("keep_dims"));
      switch (OpTypes.of(in.length > 0 ? in[0] : null)) {
        case FLOAT32:
          return new MeanFloat(p, pool);
        case INT8:
        case UINT8:
          return new MeanInt8(p, pool);
        default:
          throw OpTypes.unsupported("MEAN", in[0]);
      }
    });
  }

  private static PoolParams params(OperatorOptions o, String op) {
    if (o.table() == null || !o.table().name.equals("Pool2DOptions")) {
      throw new UnsupportedOpException(op + " needs Pool2DOptions, got " + o);
    }
    Activation act = OpTypes.activation(o);
    try {
      return new PoolParams(ConvOps.padding(o.intValue("padding")), o.intValue("filter_height"),
          o.intValue("filter_width"), o.intValue("stride_h"), o.intValue("stride_w"), act);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedOpException(op + ": " + e.getMessage());
    }
  }
}
