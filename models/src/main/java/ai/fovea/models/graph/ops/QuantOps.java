package ai.fovea.models.graph.ops;

import ai.fovea.kernels.quant.Dequantize;
import ai.fovea.kernels.quant.Quantize;
import ai.fovea.models.graph.OpResolver;
import ai.fovea.models.tflite.BuiltinOperator;

/** Registers the kernels of ml-kernels' {@code quant} package with the resolver. */
public final class QuantOps {
  private QuantOps() {}

  public static void register(OpResolver.Builder b) {
    b.add(BuiltinOperator.QUANTIZE, (options, in, out, pool) -> new Quantize());
    b.add(BuiltinOperator.DEQUANTIZE, (options, in, out, pool) -> new Dequantize());
  }
}
