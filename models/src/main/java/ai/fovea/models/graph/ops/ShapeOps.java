package ai.fovea.models.graph.ops;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.shape.ArgMax;
import ai.fovea.kernels.shape.Densify;
import ai.fovea.kernels.shape.DepthToSpace;
import ai.fovea.kernels.shape.Pad;
import ai.fovea.kernels.shape.Reshape;
import ai.fovea.kernels.shape.ReshapeParams;
import ai.fovea.kernels.shape.ResizeBilinearFloat;
import ai.fovea.kernels.shape.ResizeBilinearInt8;
import ai.fovea.kernels.shape.ResizeBilinearUint8;
import ai.fovea.kernels.shape.ResizeNearestNeighbor;
import ai.fovea.kernels.shape.ResizeParams;
import ai.fovea.kernels.shape.Squeeze;
import ai.fovea.kernels.shape.SqueezeParams;
import ai.fovea.kernels.shape.StridedSlice;
import ai.fovea.kernels.shape.StridedSliceParams;
import ai.fovea.kernels.shape.Transpose;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.OpResolver;
import ai.fovea.models.graph.UnsupportedOpException;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.OperatorOptions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Registers the kernels of ml-kernels' {@code shape} package with the resolver. The pure data-movement ops take
 * every type Fovea's tensors hold but FLOAT16 with one class; the resize and arg-max ops take the types TFLite
 * 2.6 does. Absent options read as TFLite's zeroed defaults, except ARG_MAX, which TFLite cannot run without its
 * {@code output_type}.
 */
public final class ShapeOps {
  private static final Set<DataType> MOVABLE =
      EnumSet.of(DataType.FLOAT32, DataType.INT8, DataType.UINT8, DataType.INT32, DataType.INT64);
  /** TFLite 2.6 densifies float32, float16 and int8 weights. */
  private static final Set<DataType> DENSIFIABLE = EnumSet.of(DataType.FLOAT32, DataType.FLOAT16, DataType.INT8);
  private static final Set<DataType> RESIZABLE = EnumSet.of(DataType.FLOAT32, DataType.INT8, DataType.UINT8);
  private static final Set<DataType> COMPARABLE =
      EnumSet.of(DataType.FLOAT32, DataType.INT8, DataType.UINT8, DataType.INT32);

  private ShapeOps() {}

  public static void register(OpResolver.Builder b) {
    b.add(BuiltinOperator.RESHAPE, (o, in, out, pool) -> {
      requireType(in, MOVABLE);
      return new Reshape(ReshapeParams.of(ints(o, "ReshapeOptions", "new_shape")));
    });
    b.add(BuiltinOperator.SQUEEZE, (o, in, out, pool) -> {
      requireType(in, MOVABLE);
      return new Squeeze(SqueezeParams.of(ints(o, "SqueezeOptions", "squeeze_dims")));
    });
    b.add(BuiltinOperator.TRANSPOSE, (o, in, out, pool) -> {
      requireType(in, MOVABLE);
      return new Transpose(pool);
    });
    b.add(BuiltinOperator.PAD, (o, in, out, pool) -> {
      requireType(in, MOVABLE);
      return new Pad();
    });
    b.add(BuiltinOperator.STRIDED_SLICE, (o, in, out, pool) -> {
      requireType(in, MOVABLE);
      String t = "StridedSliceOptions";
      return new StridedSlice(StridedSliceParams.of(integer(o, t, "begin_mask"), integer(o, t, "end_mask"),
          integer(o, t, "ellipsis_mask"), integer(o, t, "new_axis_mask"), integer(o, t, "shrink_axis_mask")));
    });
    b.add(BuiltinOperator.DEPTH_TO_SPACE, (o, in, out, pool) -> {
      requireType(in, MOVABLE);
      return new DepthToSpace(integer(o, "DepthToSpaceOptions", "block_size"));
    });
    b.add(BuiltinOperator.DENSIFY, (o, in, out, pool) -> {
      requireType(in, DENSIFIABLE);
      return new Densify();
    });
    b.add(BuiltinOperator.ARG_MAX, ShapeOps::argMax);
    b.add(BuiltinOperator.RESIZE_BILINEAR, ShapeOps::resizeBilinear);
    b.add(BuiltinOperator.RESIZE_NEAREST_NEIGHBOR, (o, in, out, pool) -> {
      requireType(in, RESIZABLE);
      String t = "ResizeNearestNeighborOptions";
      return new ResizeNearestNeighbor(
          ResizeParams.of(bool(o, t, "align_corners"), bool(o, t, "half_pixel_centers")), pool);
    });
  }

  private static Op resizeBilinear(OperatorOptions o, Tensor[] in, Tensor[] out, ComputePool pool) {
    requireType(in, RESIZABLE);
    String t = "ResizeBilinearOptions";
    ResizeParams params = ResizeParams.of(bool(o, t, "align_corners"), bool(o, t, "half_pixel_centers"));
    switch (in[0].dataType()) {
      case FLOAT32:
        return new ResizeBilinearFloat(params, pool);
      case INT8:
        return new ResizeBilinearInt8(params, pool);
      default:
        return new ResizeBilinearUint8(params, pool);
    }
  }

  private static Op argMax(OperatorOptions o, Tensor[] in, Tensor[] out, ComputePool pool) {
    requireType(in, COMPARABLE);
    DataType wanted = DataType.fromTfliteCode(integer(o, "ArgMaxOptions", "output_type"));
    if (wanted != DataType.INT32 && wanted != DataType.INT64) {
      throw new UnsupportedOpException("ARG_MAX output_type must be INT32 or INT64, got " + wanted);
    }
    if (out.length != 1 || out[0] == null || out[0].dataType() != wanted) {
      throw new UnsupportedOpException("ARG_MAX output_type " + wanted + " differs from its output tensor's type "
          + (out.length == 1 && out[0] != null ? out[0].dataType() : "(missing)"));
    }
    return new ArgMax(pool);
  }

  private static void requireType(Tensor[] inputs, Set<DataType> types) {
    if (inputs.length == 0 || inputs[0] == null) {
      throw new UnsupportedOpException("the data input is missing");
    }
    if (!types.contains(inputs[0].dataType())) {
      throw new UnsupportedOpException("input type " + inputs[0].dataType() + " is not one of " + types);
    }
  }

  /** The options of {@code table}, or null when the node carries none (or another table). */
  private static OperatorOptions of(OperatorOptions o, String table) {
    return o.table() != null && o.table().name.equals(table) ? o : null;
  }

  private static int[] ints(OperatorOptions o, String table, String field) {
    OperatorOptions options = of(o, table);
    return options == null ? new int[0] : options.intsValue(field);
  }

  private static int integer(OperatorOptions o, String table, String field) {
    OperatorOptions options = of(o, table);
    return options == null ? 0 : options.intValue(field);
  }

  private static boolean bool(OperatorOptions o, String table, String field) {
    OperatorOptions options = of(o, table);
    return options != null && options.boolValue(field);
  }
}
