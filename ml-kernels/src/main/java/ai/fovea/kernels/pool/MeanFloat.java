package ai.fovea.kernels.pool;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;

/**
 * MEAN on float32 tensors over the axes of a constant INT32 tensor: each output is the float sum of its inputs,
 * taken in input order as TFLite's reference does, divided by their count; an empty input gives NaN. The
 * optimized form sums whole contiguous runs (see {@link ReductionPlan}) straight into the output; threads split
 * kept columns (the spatial mean of NHWC splits channels) or independent runs.
 */
public final class MeanFloat implements Op {
  static final String NAME = "MEAN";
  private final MeanParams params;
  private final ComputePool pool;
  private final ComputePool.RangeBody sumRuns = this::sumRuns;
  private final ComputePool.RangeBody sumColumns = this::sumColumns;
  private ReductionPlan plan;
  private float[] in;
  private float[] out;

  public MeanFloat(MeanParams params, ComputePool pool) {
    if (params == null || pool == null) {
      throw new IllegalArgumentException("params and pool are required");
    }
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    plan = ReductionPlan.prepare(NAME, params, inputs, outputs, DataType.FLOAT32);
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    int n = outputs[0].size();
    if (inputs[0].size() == 0) {
      Arrays.fill(outputs[0].floats(), 0, n, Float.NaN);
      return;
    }
    in = inputs[0].floats();
    out = outputs[0].floats();
    Arrays.fill(out, 0, n, 0f);
    plan.sum(pool, sumRuns, sumColumns);
    float count = plan.count;
    for (int o = 0; o < n; o++) {
      out[o] /= count;
    }
    in = null;
    out = null;
  }

  /** Runs [first, end), each summed into its output. */
  private void sumRuns(int first, int end) {
    int inner = plan.inner;
    for (int s = first; s < end; s++) {
      int o = plan.segmentOutput[s];
      float sum = out[o];
      for (int i = s * inner, e = i + inner; i < e; i++) {
        sum += in[i];
      }
      out[o] = sum;
    }
  }

  /** Columns [first, end) of every kept run, added element-wise into their outputs. */
  private void sumColumns(int first, int end) {
    int inner = plan.inner;
    for (int s = 0; s < plan.segmentOutput.length; s++) {
      int o = plan.segmentOutput[s];
      int i = s * inner;
      for (int k = first; k < end; k++) {
        out[o + k] += in[i + k];
      }
    }
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    float[] src = inputs[0].floats();
    float[] dst = outputs[0].floats();
    int n = outputs[0].size();
    for (int o = 0; o < n; o++) {
      dst[o] = inputs[0].size() == 0 ? Float.NaN : 0f;
    }
    for (int i = 0; i < inputs[0].size(); i++) {
      dst[plan.outputIndex(inputs[0].shape(), i)] += src[i];
    }
    for (int o = 0; o < n && inputs[0].size() > 0; o++) {
      dst[o] /= plan.count;
    }
  }
}
