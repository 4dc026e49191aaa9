package ai.fovea.kernels.elementwise;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.quant.QuantizedMultiplier;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * ADD, SUB and MUL on int8/uint8 tensors with TFLite 2.6's integer arithmetic and broadcasting.
 * ADD/SUB: both inputs are centred, shifted left by 20 bits and scaled by {@code scale_i / (2 · max scale)},
 * added or subtracted, then scaled by {@code 2 · max scale / (2^20 · output scale)}, each step with gemmlowp's
 * double rounding. MUL: the product of centred inputs scaled by {@code s1 · s2 / s_out} (formed in float, as
 * the interpreter does). Then the output zero point and the fused clamp.
 */
public final class QuantizedArithmetic implements Op {
  private static final int LEFT_SHIFT = 20;
  private final BinaryOperation operation;
  private final Activation activation;
  private final ComputePool pool;
  private Broadcast broadcast;
  private int offsetA;
  private int offsetB;
  private int outputOffset;
  private QuantizedMultiplier multiplierA;
  private QuantizedMultiplier multiplierB;
  private QuantizedMultiplier outputMultiplier;
  private int lo;
  private int hi;
  private boolean unsigned;

  public QuantizedArithmetic(BinaryOperation operation, Activation activation, ComputePool pool) {
    this.operation = operation;
    this.activation = activation;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    String op = operation.name();
    broadcast = BinaryShapes.prepare(op, inputs, outputs, DataType.INT8, DataType.UINT8);
    Tensor a = inputs[0];
    Tensor b = inputs[1];
    Tensor out = outputs[0];
    if (a.quantization().channelCount() != 1 || b.quantization().channelCount() != 1
        || out.quantization().channelCount() != 1) {
      throw new OpPrepareException(op, "quantized inputs and output need per-tensor quantization");
    }
    unsigned = a.dataType() == DataType.UINT8;
    offsetA = -a.quantization().zeroPoint();
    offsetB = -b.quantization().zeroPoint();
    outputOffset = out.quantization().zeroPoint();
    float sa = a.quantization().scale();
    float sb = b.quantization().scale();
    float so = out.quantization().scale();
    if (operation == BinaryOperation.MUL) {
      outputMultiplier = QuantizedMultiplier.of(sa * sb / so);
    } else {
      double twiceMax = 2 * Math.max(sa, sb);
      multiplierA = QuantizedMultiplier.of(sa / twiceMax);
      multiplierB = QuantizedMultiplier.of(sb / twiceMax);
      outputMultiplier = QuantizedMultiplier.of(twiceMax / ((1 << LEFT_SHIFT) * (double) so));
    }
    int[] range = activation.quantizedRange(out);
    lo = range[0];
    hi = range[1];
  }

  /** One output value from the raw stored values of both inputs. */
  private int compute(int rawA, int rawB) {
    int x = rawA + offsetA;
    int y = rawB + offsetB;
    int v;
    if (operation == BinaryOperation.MUL) {
      v = QuantizedMultiplier.applyDoubleRounding(x * y, outputMultiplier.multiplier, outputMultiplier.shift);
    } else {
      int sx = QuantizedMultiplier.applyDoubleRounding(x << LEFT_SHIFT, multiplierA.multiplier, multiplierA.shift);
      int sy = QuantizedMultiplier.applyDoubleRounding(y << LEFT_SHIFT, multiplierB.multiplier, multiplierB.shift);
      int raw = operation == BinaryOperation.ADD ? sx + sy : sx - sy;
      v = QuantizedMultiplier.applyDoubleRounding(raw, outputMultiplier.multiplier, outputMultiplier.shift);
    }
    v += outputOffset;
    return v < lo ? lo : v > hi ? hi : v;
  }

  private int load(byte[] data, int i) {
    return unsigned ? data[i] & 0xFF : data[i];
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    byte[] a = inputs[0].bytes();
    byte[] b = inputs[1].bytes();
    byte[] out = outputs[0].bytes();
    int n = broadcast.segmentLength;
    int sa = broadcast.stepA;
    int sb = broadcast.stepB;
    pool.parallelFor(broadcast.segments(), Math.max(1, (1 << 14) / Math.max(n, 1)), (s0, s1) -> {
      for (int s = s0; s < s1; s++) {
        int oa = broadcast.offsetsA[s];
        int ob = broadcast.offsetsB[s];
        int o = s * n;
        for (int i = 0; i < n; i++) {
          out[o + i] = (byte) compute(load(a, oa + i * sa), load(b, ob + i * sb));
        }
      }
    });
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Tensor out = outputs[0];
    for (int i = 0; i < out.size(); i++) {
      int[] src = BinaryShapes.sourceIndices(inputs[0], inputs[1], out, i);
      out.bytes()[i] = (byte) compute(load(inputs[0].bytes(), src[0]), load(inputs[1].bytes(), src[1]));
    }
  }
}
