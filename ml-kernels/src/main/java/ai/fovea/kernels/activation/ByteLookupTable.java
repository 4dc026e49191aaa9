package ai.fovea.kernels.activation;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import java.util.function.BiFunction;

/**
 * Any element-wise op on int8/uint8 tensors: an 8-bit input has only 256 values, so prepare evaluates the op's
 * exact rule once per value into a table and run is a lookup. The reference form applies the rule to every
 * element directly. The rule is built at prepare from the tensors' quantization. A lookup costs about a
 * nanosecond, so only tensors of several hundred thousand elements are split over the pool.
 */
public final class ByteLookupTable implements Op {
  private static final int MIN_CHUNK = 1 << 17;
  private final String name;
  private final BiFunction<Tensor, Tensor, ByteRule> ruleFactory;
  private final ComputePool pool;
  private final byte[] table = new byte[256];
  private ByteRule rule;

  /** @param ruleFactory builds the rule from (input, output) tensors, validating their quantization */
  public ByteLookupTable(String name, BiFunction<Tensor, Tensor, ByteRule> ruleFactory, ComputePool pool) {
    if (name == null || ruleFactory == null || pool == null) {
      throw new IllegalArgumentException("name, rule factory and pool are required");
    }
    this.name = name;
    this.ruleFactory = ruleFactory;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    UnaryShapes.prepare(name, inputs, outputs, DataType.INT8, DataType.UINT8);
    if (inputs[0].quantization().channelCount() != 1 || outputs[0].quantization().channelCount() != 1) {
      throw new OpPrepareException(name, "8-bit input and output need per-tensor quantization");
    }
    rule = ruleFactory.apply(inputs[0], outputs[0]);
    boolean unsigned = inputs[0].dataType() == DataType.UINT8;
    for (int raw = 0; raw < 256; raw++) {
      int stored = unsigned ? raw : (byte) raw;
      table[raw] = (byte) rule.apply(stored);
    }
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    byte[] in = inputs[0].bytes();
    byte[] out = outputs[0].bytes();
    pool.parallelFor(inputs[0].size(), MIN_CHUNK, (start, end) -> {
      for (int i = start; i < end; i++) {
        out[i] = table[in[i] & 0xFF];
      }
    });
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    byte[] in = inputs[0].bytes();
    byte[] out = outputs[0].bytes();
    boolean unsigned = inputs[0].dataType() == DataType.UINT8;
    for (int i = 0, n = inputs[0].size(); i < n; i++) {
      out[i] = (byte) rule.apply(unsigned ? in[i] & 0xFF : in[i]);
    }
  }
}
