package ai.fovea.kernels.shape;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;

/**
 * STRIDED_SLICE for every element type, with TFLite 2.6's index rules. begin/end/strides are constant
 * one-dimensional INT32 inputs of equal length. The ellipsis and new axes are first expanded into an effective
 * input shape of at most {@value #MAX_RANK} dimensions (entries past the given ones take whole axes). Per axis,
 * a negative index counts from the end; begin and end are then clamped to [0, n] for a positive stride and to
 * [-1, n-1] for a negative one, and a masked index takes the first (last) element in the stride's direction.
 * A shrunk axis keeps exactly the element at begin, which must lie inside the axis. Where TFLite 2.6 leaves the
 * output unwritten (a shrunk axis with a negative stride) this kernel gives that element.
 */
public final class StridedSlice implements Op {
  private static final String OP = "STRIDED_SLICE";
  /** TFLite 2.6 slices inputs of up to 5 dimensions, new axes included. */
  public static final int MAX_RANK = 5;

  private final StridedSliceParams params;
  private Elements elements;
  // Per axis of the effective input shape (ellipsis and new axes expanded).
  private int[] dims;
  private int[] starts;
  private int[] counts;
  private int[] strides;
  private int shrinkAxes;
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
    int[] inDims = input.shape().toArray();
    if (inDims.length > MAX_RANK) {
      throw new OpPrepareException(OP, "input rank " + inDims.length + " exceeds " + MAX_RANK);
    }
    int[] begin = IndexTensor.int32Vector(inputs[1], OP, "begin");
    int[] end = IndexTensor.int32Vector(inputs[2], OP, "end");
    int[] given = IndexTensor.int32Vector(inputs[3], OP, "strides");
    if (begin.length != end.length || begin.length != given.length) {
      throw new OpPrepareException(OP, "begin/end/strides have " + begin.length + "/" + end.length + "/"
          + given.length + " entries");
    }
    expand(inDims, begin, end, given);
    int[] outDims = new int[dims.length];
    int outRank = 0;
    for (int axis = 0; axis < dims.length; axis++) {
      if (!shrunk(axis)) {
        outDims[outRank++] = counts[axis];
      }
    }
    outputs[0].resize(Shape.of(Arrays.copyOf(outDims, outRank)));
    int[] inSteps = StridedCopy.rowMajorSteps(dims);
    int offset = 0;
    int[] srcSteps = new int[dims.length];
    for (int axis = 0; axis < dims.length; axis++) {
      offset += starts[axis] * inSteps[axis];
      srcSteps[axis] = strides[axis] * inSteps[axis];
    }
    plan = StridedCopy.of(counts, offset, srcSteps, 0, StridedCopy.rowMajorSteps(counts));
  }

  private boolean shrunk(int axis) {
    return bit(shrinkAxes, axis);
  }

  /**
   * Maps the begin/end/strides entries onto the effective axes as TFLite's BuildStridedSliceParams does (bits of
   * the ellipsis mask are tested at effective positions, as there), then fixes each axis's start and count.
   */
  private void expand(int[] inDims, int[] begin, int[] end, int[] given) {
    int entries = begin.length;
    int newAxes = 0;
    for (int i = 0; i < entries; i++) {
      if (!bit(params.ellipsisMask, i) && bit(params.newAxisMask, i)) {
        newAxes++;
      }
    }
    int rank = inDims.length + newAxes;
    if (rank > MAX_RANK) {
      throw new OpPrepareException(OP, "input rank " + inDims.length + " plus " + newAxes + " new axes exceeds " + MAX_RANK);
    }
    boolean[] ellipsis = new boolean[rank];
    boolean[] inserted = new boolean[rank];
    int ellipsisStart = rank;
    int expanded = 0;
    for (int i = 0; i < rank; ) {
      if (bit(params.ellipsisMask, i)) {
        ellipsisStart = i;
        int ellipsisEnd = Math.max(i + 1, Math.min(i + 1 + newAxes + inDims.length - entries, rank));
        expanded = ellipsisEnd - ellipsisStart - 1;
        for (; i < ellipsisEnd; i++) {
          ellipsis[i] = true;
        }
        continue;
      }
      inserted[i] = bit(params.newAxisMask, i - expanded);
      i++;
    }
    dims = new int[rank];
    starts = new int[rank];
    counts = new int[rank];
    strides = new int[rank];
    shrinkAxes = 0;
    int skippedEntries = 0;
    int insertedSoFar = 0;
    for (int i = 0; i < rank; i++) {
      if (inserted[i] && !ellipsis[i]) {
        dims[i] = 1;
        counts[i] = 1;
        strides[i] = 1;
        insertedSoFar++;
        continue;
      }
      if (i - insertedSoFar >= inDims.length) {
        throw new OpPrepareException(OP, "masks map entry " + i + " past the input's " + inDims.length + " axes");
      }
      int n = inDims[i - insertedSoFar];
      dims[i] = n;
      if (ellipsis[i] || i >= entries + expanded) {
        if (ellipsis[i]) {
          skippedEntries = Math.max(0, i - ellipsisStart);
        }
        counts[i] = n;
        strides[i] = 1;
        continue;
      }
      int entry = i - skippedEntries;
      int stride = given[entry];
      if (stride == 0) {
        throw new OpPrepareException(OP, "strides[" + entry + "] is 0");
      }
      strides[i] = stride;
      starts[i] = start(begin[entry], n, stride, bit(params.beginMask, entry));
      if (bit(params.shrinkAxisMask, entry)) {
        if (starts[i] < 0 || starts[i] >= n) {
          throw new OpPrepareException(OP, "shrunk index begin[" + entry + "] = " + begin[entry]
              + " is outside an axis of " + n);
        }
        shrinkAxes |= 1 << i;
        counts[i] = 1;
      } else {
        int stop = stop(end[entry], n, stride, bit(params.endMask, entry));
        counts[i] = Math.max(0, (int) Math.ceil((stop - starts[i]) / (float) stride));
      }
    }
  }

  private static boolean bit(int mask, int index) {
    return index >= 0 && index < 32 && (mask & (1 << index)) != 0;
  }

  /** TFLite's start index: negative from the end, clamped to [0, n] forward or [-1, n-1] backward. */
  private static int start(int begin, int n, int stride, boolean masked) {
    if (masked) {
      return stride > 0 ? 0 : n - 1;
    }
    return clamp(begin < 0 ? (long) begin + n : begin, n, stride);
  }

  /** TFLite's stop index (one past the last), with the same clamping as the start. */
  private static int stop(int end, int n, int stride, boolean masked) {
    if (masked) {
      return stride > 0 ? n : -1;
    }
    return clamp(end < 0 ? (long) end + n : end, n, stride);
  }

  private static int clamp(long index, int n, int stride) {
    return stride > 0 ? (int) Math.max(0, Math.min(index, n)) : (int) Math.max(-1, Math.min(index, n - 1));
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    plan.copy(elements, elements.array(inputs[0]), elements.array(outputs[0]));
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Object in = elements.array(inputs[0]);
    Object out = elements.array(outputs[0]);
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
