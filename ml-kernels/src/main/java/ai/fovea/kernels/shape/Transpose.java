package ai.fovea.kernels.shape;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;

/**
 * TRANSPOSE for every element type: output axis {@code i} is input axis {@code perm[i]}, with the permutation
 * a constant INT32 input of non-negative entries (TFLite 2.6 rejects negative ones) and at most
 * {@value #MAX_RANK} dimensions, as TFLite 2.6. The optimized form merges axes that stay adjacent, then copies whole runs when the innermost axis
 * stays innermost and gathers with a stride otherwise, split over the pool.
 */
public final class Transpose implements Op {
  private static final String OP = "TRANSPOSE";
  /** TFLite 2.6 transposes up to 5-D arrays. */
  public static final int MAX_RANK = 5;
  private static final int MIN_ELEMENTS_PER_TASK = 1 << 14;

  private final ComputePool pool;
  private final ComputePool.RangeBody copyRows = this::copyRows;
  private Elements elements;
  private int[] perm;
  private StridedCopy plan;
  private Object src;
  private Object dst;

  public Transpose(ComputePool pool) {
    if (pool == null) {
      throw new IllegalArgumentException("pool is null");
    }
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    if (inputs.length != 2 || outputs.length != 1) {
      throw new OpPrepareException(OP, "takes 2 inputs and 1 output, got " + inputs.length + " and " + outputs.length);
    }
    Tensor input = inputs[0];
    if (input.dataType() != outputs[0].dataType()) {
      throw new OpPrepareException(OP, "output type " + outputs[0].dataType() + " differs from input type " + input.dataType());
    }
    elements = Elements.of(input.dataType(), OP);
    int[] inDims = input.shape().toArray();
    int rank = inDims.length;
    if (rank > MAX_RANK) {
      throw new OpPrepareException(OP, "input rank " + rank + " exceeds " + MAX_RANK);
    }
    int[] given = IndexTensor.int32Vector(inputs[1], OP, "perm");
    if (given.length != rank) {
      throw new OpPrepareException(OP, "perm has " + given.length + " entries for input rank " + rank);
    }
    perm = new int[rank];
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < rank; i++) {
      int p = given[i];
      if (p < 0 || p >= rank || seen[p]) {
        throw new OpPrepareException(OP, "perm[" + i + "] = " + p + " is out of range or repeated");
      }
      seen[p] = true;
      perm[i] = p;
    }
    int[] outDims = new int[rank];
    int[] inSteps = StridedCopy.rowMajorSteps(inDims);
    int[] srcSteps = new int[rank];
    for (int i = 0; i < rank; i++) {
      outDims[i] = inDims[perm[i]];
      srcSteps[i] = inSteps[perm[i]];
    }
    outputs[0].resize(Shape.of(outDims));
    plan = StridedCopy.of(outDims, 0, srcSteps, 0, StridedCopy.rowMajorSteps(outDims));
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    src = elements.array(inputs[0]);
    dst = elements.array(outputs[0]);
    int minRows = Math.max(1, MIN_ELEMENTS_PER_TASK / Math.max(1, plan.rowLength()));
    pool.parallelFor(plan.rows(), minRows, copyRows);
    src = null;
    dst = null;
  }

  private void copyRows(int start, int end) {
    plan.copyRows(elements, src, dst, start, end);
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Object in = elements.array(inputs[0]);
    Object out = elements.array(outputs[0]);
    int[] inDims = inputs[0].shape().toArray();
    int[] outDims = outputs[0].shape().toArray();
    int[] index = new int[outDims.length];
    int[] inIndex = new int[inDims.length];
    for (int o = 0; o < outputs[0].size(); o++) {
      int rest = o;
      for (int k = outDims.length - 1; k >= 0; k--) {
        index[k] = rest % outDims[k];
        rest /= outDims[k];
      }
      for (int k = 0; k < outDims.length; k++) {
        inIndex[perm[k]] = index[k];
      }
      int i = 0;
      for (int k = 0; k < inDims.length; k++) {
        i = i * inDims[k] + inIndex[k];
      }
      System.arraycopy(in, i, out, o, 1);
    }
  }
}
