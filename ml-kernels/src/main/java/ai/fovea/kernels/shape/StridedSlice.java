package ai.fovea.kernels.shape;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;

/**
 * STRIDED_SLICE for every element type, with TFLite 2.6's index rules: constant one-dimensional INT32
 * begin/end/strides with one entry per input axis, at most {@value #MAX_RANK} dimensions, non-zero strides
 * (negative ones walk backwards). Per axis, a negative index counts from the end; begin is then clamped to
 * [0, n-1], and end to [0, n] (forward) or [-1, n-1] (backward); a masked begin or end takes the whole axis in
 * the stride's direction; a shrunk axis keeps exactly the element at begin. {@code ellipsis_mask} and
 * {@code new_axis_mask} are rejected, as in TFLite 2.6.
 */
public final class StridedSlice implements Op {
  private static final String OP = "STRIDED_SLICE";
  /** TFLite 2.6 slices up to 5-D arrays. */
  public static final int MAX_RANK = 5;

  private final StridedSliceParams params;
  private Elements elements;
  private int[] starts;
  private int[] counts;
  private int[] strides;
  private StridedCopy plan;

  public StridedSlice(StridedSliceParams params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    this.params = params;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    if (inputs.length != 4 || outputs.length != 1) {
      throw new OpPrepareException(OP, "takes 4 inputs and 1 output, got " + inputs.length + " and " + outputs.length);
    }
    Tensor input = inputs[0];
    if (input.dataType() != outputs[0].dataType()) {
      throw new OpPrepareException(OP, "output type " + outputs[0].dataType() + " differs from input type " + input.dataType());
    }
    elements = Elements.of(input.dataType(), OP);
    int[] dims = input.shape().toArray();
    int rank = dims.length;
    if (rank > MAX_RANK) {
      throw new OpPrepareException(OP, "only supports 1D-5D input arrays, got rank " + rank);
    }
    if (params.ellipsisMask != 0) {
      throw new OpPrepareException(OP, "ellipsis_mask " + params.ellipsisMask + " is not supported by TFLite 2.6");
    }
    if (params.newAxisMask != 0) {
      throw new OpPrepareException(OP, "new_axis_mask " + params.newAxisMask + " is not supported by TFLite 2.6");
    }
    int[] begin = IndexTensor.int32Vector(inputs[1], OP, "begin");
    int[] end = IndexTensor.int32Vector(inputs[2], OP, "end");
    strides = IndexTensor.int32Vector(inputs[3], OP, "strides");
    if (begin.length != rank || end.length != rank || strides.length != rank) {
      throw new OpPrepareException(OP, "begin/end/strides have " + begin.length + "/" + end.length + "/"
          + strides.length + " entries for input rank " + rank);
    }
    starts = new int[rank];
    counts = new int[rank];
    int[] outDims = new int[rank];
    int outRank = 0;
    for (int axis = 0; axis < rank; axis++) {
      if (strides[axis] == 0) {
        throw new OpPrepareException(OP, "strides[" + axis + "] is 0");
      }
      starts[axis] = start(begin[axis], dims[axis], strides[axis], bit(params.beginMask, axis));
      boolean shrink = bit(params.shrinkAxisMask, axis);
      if (shrink) {
        counts[axis] = dims[axis] == 0 ? 0 : 1;
      } else {
        int stop = stop(end[axis], dims[axis], strides[axis], bit(params.endMask, axis));
        counts[axis] = Math.max(0, (int) Math.ceil((stop - starts[axis]) / (float) strides[axis]));
        outDims[outRank++] = counts[axis];
      }
    }
    outputs[0].resize(Shape.of(Arrays.copyOf(outDims, outRank)));
    int[] inSteps = StridedCopy.rowMajorSteps(dims);
    int offset = 0;
    int[] srcSteps = new int[rank];
    for (int axis = 0; axis < rank; axis++) {
      offset += starts[axis] * inSteps[axis];
      srcSteps[axis] = strides[axis] * inSteps[axis];
    }
    plan = StridedCopy.of(counts, offset, srcSteps, 0, StridedCopy.rowMajorSteps(counts));
  }

  private static boolean bit(int mask, int axis) {
    return (mask & (1 << axis)) != 0;
  }

  /** TFLite's StartForAxis: mask, then negative indices from the end, then clamp to [0, n-1]. */
  private static int start(int begin, int n, int stride, boolean masked) {
    if (n == 0) {
      return 0;
    }
    long start = masked ? (stride > 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE) : begin;
    if (start < 0) {
      start += n;
    }
    return (int) Math.max(0, Math.min(start, n - 1));
  }

  /** TFLite's StopForAxis (for an axis that is not shrunk): clamp to [0, n] forward, [-1, n-1] backward. */
  private static int stop(int end, int n, int stride, boolean masked) {
    if (n == 0) {
      return 0;
    }
    long stop = masked ? (stride > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE) : end;
    if (stop < 0) {
      stop += n;
    }
    return stride > 0 ? (int) Math.max(0, Math.min(stop, n)) : (int) Math.max(-1, Math.min(stop, n - 1));
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    plan.copy(elements, elements.array(inputs[0]), elements.array(outputs[0]));
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Object in = elements.array(inputs[0]);
    Object out = elements.array(outputs[0]);
    int[] dims = inputs[0].shape().toArray();
    int[] index = new int[dims.length];
    int total = 1;
    for (int c : counts) {
      total *= c;
    }
    for (int o = 0; o < total; o++) {
      int rest = o;
      for (int k = dims.length - 1; k >= 0; k--) {
        index[k] = starts[k] + (rest % counts[k]) * strides[k];
        rest /= counts[k];
      }
      int i = 0;
      for (int k = 0; k < dims.length; k++) {
        i = i * dims[k] + index[k];
      }
      System.arraycopy(in, i, out, o, 1);
    }
  }
}
