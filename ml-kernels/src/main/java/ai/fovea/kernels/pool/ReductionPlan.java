package ai.fovea.kernels.pool;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;

/**
 * How a reduction over some axes walks its input, planned at prepare. Axes come from a constant INT32 tensor
 * (negative counts from the end, repeats ignored) and the output shape follows TFLite: reduced axes become 1
 * with keep_dims, or vanish. Adjacent axes of the same kind are merged and size-1 axes dropped, so the input is a
 * sequence of contiguous runs (segments) of the innermost merged axis: a reduced run sums into one output, a kept
 * run adds element-wise into a contiguous run of outputs. {@link #segmentOutput} gives each run's first output.
 */
final class ReductionPlan {
  private static final int MIN_ELEMENTS_PER_TASK = 1 << 14;
  final Shape output;
  /** Per input axis: whether it is reduced. */
  final boolean[] reducedAxis;
  /** Input elements averaged into each output. */
  final int count;
  /** Length of each contiguous run and whether it is reduced (summed into one output) or kept. */
  final int inner;
  final boolean innerReduced;
  /** First output of each run, in input order. */
  final int[] segmentOutput;
  /** True when every run has its own output (inner reduced, nothing reduced outside it): runs may go in parallel. */
  final boolean runsIndependent;
  /**
   * TFLite's 4-D MEAN with keep_dims over axes listed as exactly {1, 2} or {2, 1}: it has its own kernels, whose
   * quantized arithmetic differs from the general path's.
   */
  final boolean spatial;

  private ReductionPlan(Shape output, boolean[] reducedAxis, int count, int inner, boolean innerReduced,
      int[] segmentOutput, boolean runsIndependent, boolean spatial) {
    this.output = output;
    this.reducedAxis = reducedAxis;
    this.count = count;
    this.inner = inner;
    this.innerReduced = innerReduced;
    this.segmentOutput = segmentOutput;
    this.runsIndependent = runsIndependent;
    this.spatial = spatial;
  }

  /**
   * Checks a reduction's tensors for {@code op} (input, axes; one output of the input's type, one of
   * {@code types}), plans it and resizes the output.
   */
  static ReductionPlan prepare(String op, MeanParams params, Tensor[] inputs, Tensor[] outputs, DataType... types) {
    if (inputs.length != 2 || outputs.length != 1 || inputs[0] == null || outputs[0] == null) {
      throw new OpPrepareException(op, "takes an input, an axes tensor and one output");
    }
    DataType t = inputs[0].dataType();
    if (outputs[0].dataType() != t || !Arrays.asList(types).contains(t)) {
      throw new OpPrepareException(op, "needs input and output of one type among " + Arrays.toString(types)
          + ", got " + t + " and " + outputs[0].dataType());
    }
    ReductionPlan plan = of(op, inputs[0].shape(), inputs[1], params.keepDims);
    outputs[0].resize(plan.output);
    return plan;
  }

  static ReductionPlan of(String op, Shape input, Tensor axesTensor, boolean keepDims) {
    if (axesTensor == null || axesTensor.dataType() != DataType.INT32) {
      throw new OpPrepareException(op, "axes must be an INT32 tensor, got "
          + (axesTensor == null ? "none" : axesTensor.dataType().toString()));
    }
    int rank = input.rank();
    int[] listed = Arrays.copyOf(axesTensor.ints(), axesTensor.size());
    boolean[] reduced = new boolean[rank];
    for (int a : listed) {
      if (a < -rank || a >= rank) {
        throw new OpPrepareException(op, "axis " + a + " is out of range for input " + input);
      }
      reduced[a < 0 ? a + rank : a] = true;
    }
    int[] dims = input.toArray();
    int[] outDims = new int[rank];
    int outRank = 0;
    int count = 1;
    for (int i = 0; i < rank; i++) {
      if (reduced[i]) {
        count *= dims[i];
        if (keepDims) {
          outDims[outRank++] = 1;
        }
      } else {
        outDims[outRank++] = dims[i];
      }
    }
    Shape output = Shape.of(Arrays.copyOf(outDims, outRank));
    boolean spatial = keepDims && rank == 4 && listed.length == 2
        && (listed[0] == 1 && listed[1] == 2 || listed[0] == 2 && listed[1] == 1);
    if (input.size() == 0) {
      return new ReductionPlan(output, reduced, count, 0, false, new int[0], false, spatial);
    }
    // Merge adjacent axes of the same kind, dropping size-1 axes, which change nothing.
    int[] merged = new int[rank + 1];
    boolean[] mergedReduced = new boolean[rank + 1];
    int m = 0;
    for (int i = 0; i < rank; i++) {
      if (dims[i] == 1) {
        continue;
      }
      if (m > 0 && mergedReduced[m - 1] == reduced[i]) {
        merged[m - 1] *= dims[i];
      } else {
        merged[m] = dims[i];
        mergedReduced[m] = reduced[i];
        m++;
      }
    }
    if (m == 0) {
      merged[m++] = 1;
    }
    int inner = merged[m - 1];
    boolean innerReduced = mergedReduced[m - 1];
    int[] segmentOutput = new int[input.size() / inner];
    int[] outStride = new int[m];
    for (int i = m - 1, stride = 1; i >= 0; i--) {
      outStride[i] = mergedReduced[i] ? 0 : stride;
      stride *= mergedReduced[i] ? 1 : merged[i];
    }
    int[] counter = new int[m];
    for (int s = 0; s < segmentOutput.length; s++) {
      int o = 0;
      for (int i = 0; i < m - 1; i++) {
        o += counter[i] * outStride[i];
      }
      segmentOutput[s] = o;
      for (int i = m - 2; i >= 0 && ++counter[i] == merged[i]; i--) {
        counter[i] = 0;
      }
    }
    boolean runsIndependent = innerReduced && (m == 1 || m == 2 && !mergedReduced[0]);
    return new ReductionPlan(output, reduced, count, inner, innerReduced, segmentOutput, runsIndependent, spatial);
  }

  /**
   * Runs a summation on {@code pool}: {@code runs} over ranges of runs when the inner axis is reduced (in
   * parallel only when the runs are independent), else {@code columns} over ranges of the kept inner axis.
   */
  void sum(ComputePool pool, ComputePool.RangeBody runs, ComputePool.RangeBody columns) {
    int segments = segmentOutput.length;
    if (innerReduced) {
      pool.parallelFor(segments, runsIndependent ? Math.max(1, MIN_ELEMENTS_PER_TASK / inner) : segments, runs);
    } else {
      pool.parallelFor(inner, Math.max(16, MIN_ELEMENTS_PER_TASK / segments), columns);
    }
  }

  /** The output index of input element {@code index}: the reference forms' plain rule, by coordinates. */
  int outputIndex(Shape input, int index) {
    int o = 0;
    int stride = 1;
    int rest = index;
    for (int axis = input.rank() - 1; axis >= 0; axis--) {
      int d = input.dim(axis);
      int coord = rest % d;
      rest /= d;
      if (!reducedAxis[axis]) {
        o += coord * stride;
        stride *= d;
      }
    }
    return o;
  }
}
