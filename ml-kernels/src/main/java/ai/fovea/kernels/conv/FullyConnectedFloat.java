package ai.fovea.kernels.conv;

import ai.fovea.kernels.gemm.FloatGemm;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * FULLY_CONNECTED on float32: {@code out[b][u] = Σ_d in[b][d]·w[u][d] + bias[u]}, then the fused clamp. The
 * optimized form runs {@link FloatGemm} on the filter packed at prepare, seeded with the bias; threads split the
 * output units, since the batch is usually 1.
 */
public final class FullyConnectedFloat implements Op {
  private final FullyConnectedParams params;
  private final ComputePool pool;
  private FullyConnectedShapes s;
  private FloatGemm gemm;
  private float[][] accumulators;

  public FullyConnectedFloat(FullyConnectedParams params, ComputePool pool) {
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    ConvShapes.requireTypes(FullyConnectedShapes.NAME, DataType.FLOAT32, inputs, outputs);
    ConvShapes.requireClamp(FullyConnectedShapes.NAME, params.activation);
    s = FullyConnectedShapes.of(inputs[0], inputs[1], inputs.length > 2 ? inputs[2] : null, outputs[0],
        params.keepNumDims);
    gemm = FloatGemm.ofTransposed(inputs[1].floats(), s.units, s.depth);
    accumulators = new float[s.batch][s.units];
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    float[] in = inputs[0].floats();
    float[] bias = inputs.length > 2 && inputs[2] != null ? inputs[2].floats() : null;
    float[] out = outputs[0].floats();
    pool.parallelFor(s.units, 64, (j0, j1) -> {
      gemm.multiply(in, 0, s.depth, s.batch, bias, accumulators, j0, j1);
      float lo = params.activation.floatMin();
      float hi = params.activation.floatMax();
      for (int b = 0; b < s.batch; b++) {
        float[] acc = accumulators[b];
        for (int u = j0; u < j1; u++) {
          out[b * s.units + u] = Math.min(Math.max(acc[u], lo), hi);
        }
      }
    });
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    float[] in = inputs[0].floats();
    float[] w = inputs[1].floats();
    float[] bias = inputs.length > 2 && inputs[2] != null ? inputs[2].floats() : null;
    float[] out = outputs[0].floats();
    for (int b = 0; b < s.batch; b++) {
      for (int u = 0; u < s.units; u++) {
        float acc = bias == null ? 0f : bias[u];
        for (int d = 0; d < s.depth; d++) {
          acc += in[b * s.depth + d] * w[u * s.depth + d];
        }
        out[b * s.units + u] = Math.min(Math.max(acc, params.activation.floatMin()), params.activation.floatMax());
      }
    }
  }
}
