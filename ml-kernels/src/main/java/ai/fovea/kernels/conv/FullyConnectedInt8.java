package ai.fovea.kernels.conv;

import ai.fovea.kernels.gemm.QuantizedGemm;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * FULLY_CONNECTED on int8 with TFLite 2.6's quantization: per-tensor asymmetric input/output, per-tensor
 * symmetric filter, int32 bias; or the legacy uint8 form with an asymmetric filter. The effective scale
 * multiplies input and filter scales in float before widening (as the interpreter's
 * GetQuantizedConvolutionMultipler does); int8 rounds once (ruy), uint8 twice (gemmlowp), as measured against
 * the interpreter.
 */
public final class FullyConnectedInt8 implements Op {
  private final FullyConnectedParams params;
  private final ComputePool pool;
  private FullyConnectedShapes s;
  private QuantizedGemm gemm;
  private int[] seed;
  private int[][] accumulators;
  private ChannelRequantizer requantizer;
  /** Widens a byte as the tensors' type reads it: -1 for int8, 0xFF for uint8. */
  private int byteMask;

  public FullyConnectedInt8(FullyConnectedParams params, ComputePool pool) {
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    DataType type = ConvShapes.quantizedType(FullyConnectedShapes.NAME, inputs);
    ConvShapes.requireTypes(FullyConnectedShapes.NAME, type, inputs, outputs);
    ConvShapes.requireClamp(FullyConnectedShapes.NAME, params.activation);
    if (inputs[1].quantization().channelCount() != 1) {
      throw new OpPrepareException(FullyConnectedShapes.NAME, "TFLite 2.6 runs quantized FULLY_CONNECTED with "
          + "per-tensor filter quantization only; the filter has " + inputs[1].quantization().channelCount() + " scales");
    }
    Tensor bias = inputs.length > 2 ? inputs[2] : null;
    s = FullyConnectedShapes.of(inputs[0], inputs[1], bias, outputs[0], params.keepNumDims);
    boolean unsigned = type == DataType.UINT8;
    requantizer = ChannelRequantizer.of(FullyConnectedShapes.NAME, inputs[0], inputs[1], outputs[0], s.units,
        params.activation, true, unsigned ? ChannelRequantizer.Rounding.DOUBLE : ChannelRequantizer.Rounding.SINGLE);
    gemm = unsigned
        ? QuantizedGemm.ofTransposedUnsigned(inputs[1].bytes(), s.units, s.depth, inputs[1].quantization().zeroPoint())
        : QuantizedGemm.ofTransposed(inputs[1].bytes(), s.units, s.depth);
    byteMask = unsigned ? 0xFF : -1;
    seed = gemm.seed(bias == null ? null : bias.ints(), inputs[0].quantization().zeroPoint());
    accumulators = new int[s.batch][s.units];
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    byte[] in = inputs[0].bytes();
    byte[] out = outputs[0].bytes();
    pool.parallelFor(s.units, 64, (j0, j1) -> {
      gemm.multiply(in, 0, s.depth, s.batch, seed, accumulators, j0, j1);
      for (int b = 0; b < s.batch; b++) {
        requantizer.apply(accumulators[b], out, b * s.units, j0, j1);
      }
    });
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    byte[] in = inputs[0].bytes();
    byte[] w = inputs[1].bytes();
    int[] bias = inputs.length > 2 && inputs[2] != null ? inputs[2].ints() : null;
    byte[] out = outputs[0].bytes();
    int zp = inputs[0].quantization().zeroPoint();
    int filterZp = inputs[1].quantization().zeroPoint();
    for (int b = 0; b < s.batch; b++) {
      for (int u = 0; u < s.units; u++) {
        int acc = bias == null ? 0 : bias[u];
        for (int d = 0; d < s.depth; d++) {
          acc += ((in[b * s.depth + d] & byteMask) - zp) * ((w[u * s.depth + d] & byteMask) - filterZp);
        }
        out[b * s.units + u] = (byte) requantizer.apply(acc, u);
      }
    }
  }
}
