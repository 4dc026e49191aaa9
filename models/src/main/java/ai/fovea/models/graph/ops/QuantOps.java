package ai.fovea.models.graph.ops;

import ai.fovea.kernels.quant.Dequantize;
import ai.fovea.kernels.quant.Quantize;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.models.graph.OpResolver;
import ai.fovea.models.tflite.BuiltinOperator;
import java.util.EnumSet;

/**
 * Registers the kernels of ml-kernels' {@code quant} package with the resolver: QUANTIZE from float32 or 8-bit,
 * DEQUANTIZE from 8-bit or float16 (the types Fovea's tensors hold of those TFLite 2.6 accepts).
 */
public final class QuantOps {
  private QuantOps() {}

  public static void register(OpResolver.Builder b) {
    b.add(BuiltinOperator.QUANTIZE, (options, in, out, pool) -> {
      OpTypes.require("QUANTIZE", in, EnumSet.of(DataType.FLOAT32, DataType.INT8, DataType.UINT8));
      return new Quantize(pool);
    });
    b.add(BuiltinOperator.DEQUANTIZE, (options, in, out, pool) -> {
      OpTypes.require("DEQUANTIZE", in, EnumSet.of(DataType.INT8, DataType.UINT8, DataType.FLOAT16));
      return new Dequantize(pool);
    });
  }
}
