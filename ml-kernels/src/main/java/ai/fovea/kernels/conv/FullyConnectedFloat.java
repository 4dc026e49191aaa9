package ai.fovea.kernels.conv;

import ai.fovea.kernels.gemm.PackedGemm;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * FULLY_CONNECTED on float32: {@code out[b][u] = Σ_d in[b][d]·w[u][d] + bias[u]}, then the fused clamp. The
 * optimized form runs the shared GEMM on the filter packed at prepare; threads split the output units, since
 * the batch is usually 1.
 */
public final class FullyConnectedFloat implements Op {
  private final FullyConnectedParams params;
  private final ComputePool pool;
  private FullyConnectedShapes s;
  private float[] packedFilter;

  public FullyConnectedFloat(FullyConnectedParams params, ComputePool pool) {
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    ConvShapes.requireTypes(FullyConnectedShapes.NAME, DataType.FLOAT32, inputs, outputs);
    s = FullyConnectedShapes.of(inputs[0], inputs[1], inputs.length > 2 ? inputs[2] : null, outputs[0],
        params.keepNumDims);
    packedFilter = PackedGemm.packTransposed(inputs[1].floats(), s.units, s.depth);
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    float[] in = inputs[0].floats();
    float[] bias = inputs.length > 2 && inputs[2] != null ? inputs[2].floats() : null;
    float[] out = outputs[0].floats();
    float lo = params.activation.floatMin();
    float hi = params.activation.floatMax();
    pool.parallelFor(s.units, 64, (j0, j1) -> {
      PackedGemm.multiply(in, 0, s.depth, packedFilter, s.depth, s.units, out, 0, s.units, 0, s.batch, j0, j1);
      for (int b = 0; b < s.batch; b++) {
        for (int u = j0; u < j1; u++) {
          float v = out[b * s.units + u] + (bias == null ? 0f : bias[u]);
          out[b * s.units + u] = Math.min(Math.max(v, lo), hi);
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
