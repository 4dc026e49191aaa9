package ai.fovea.kernels.elementwise;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.quant.QuantizedMultiplier;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Tensor;

/**
 * ADD, SUB and MUL on int8 or uint8 tensors with NumPy broadcasting and TFLite 2.6's integer arithmetic, all with
 * gemmlowp's double rounding. ADD/SUB: each centred input is shifted left by 20 bits and scaled by
 * {@code s_i / (2·max(s_a, s_b))}, the two are added or subtracted and scaled by
 * {@code 2·max(s_a, s_b) / (2^20·s_out)}. MUL: the product of the centred inputs scaled by {@code s_a·s_b/s_out},
 * a product formed in float as the interpreter does. Then the output zero point and the fused clamp.
 *
 * <p>An output depends only on the two stored bytes, so prepare tabulates all 65,536 results; the optimized form
 * is then one table load per element over the broadcast runs, while the reference form does the arithmetic.
 */
public final class ArithmeticInt8 implements Op {
  private static final int LEFT_SHIFT = 20;
  private final BinaryOperation operation;
  private final Activation activation;
  private final ComputePool pool;
  private final Broadcast.RunBody runs = this::runs;
  private final ComputePool.RangeBody elements = this::elements;
  private final byte[] table = new byte[256 * 256];
  private Broadcast broadcast;
  private boolean unsigned;
  private int offsetA;
  private int offsetB;
  private int outputOffset;
  private QuantizedMultiplier multiplierA;
  private QuantizedMultiplier multiplierB;
  private QuantizedMultiplier outputMultiplier;
  private int lo;
  private int hi;
  private byte[] a;
  private byte[] b;
  private byte[] out;

  public ArithmeticInt8(BinaryOperation operation, Activation activation, ComputePool pool) {
    if (operation == null || activation == null || pool == null) {
      throw new IllegalArgumentException("operation, activation and pool are required");
    }
    if (!activation.isClamp()) {
      throw new IllegalArgumentException(operation + " fuses only clamp activations, got " + activation);
    }
    this.operation = operation;
    this.activation = activation;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    String op = operation.name();
    broadcast = BinaryShapes.prepare(op, inputs, outputs, DataType.INT8, DataType.UINT8);
    Quantization qa = inputs[0].quantization();
    Quantization qb = inputs[1].quantization();
    Quantization qo = outputs[0].quantization();
    if (qa.channelCount() != 1 || qb.channelCount() != 1 || qo.channelCount() != 1) {
      throw new OpPrepareException(op, "needs per-tensor quantized inputs and output, got " + qa + ", " + qb
          + ", " + qo);
    }
    unsigned = inputs[0].dataType() == DataType.UINT8;
    offsetA = -qa.zeroPoint();
    offsetB = -qb.zeroPoint();
    outputOffset = qo.zeroPoint();
    float sa = qa.scale();
    float sb = qb.scale();
    float so = qo.scale();
    if (operation == BinaryOperation.MUL) {
      outputMultiplier = QuantizedMultiplier.of(sa * sb / so);
    } else {
      double twiceMax = 2 * Math.max(sa, sb);
      multiplierA = QuantizedMultiplier.of(sa / twiceMax);
      multiplierB = QuantizedMultiplier.of(sb / twiceMax);
      outputMultiplier = QuantizedMultiplier.of(twiceMax / ((1 << LEFT_SHIFT) * (double) so));
    }
    int[] range = activation.quantizedRange(outputs[0]);
    lo = range[0];
    hi = range[1];
    for (int x = 0; x < 256; x++) {
      for (int y = 0; y < 256; y++) {
        table[x | y << 8] = (byte) compute(stored(x), stored(y));
      }
    }
  }

  /** The stored value of a byte pattern 0..255 in this op's type. */
  private int stored(int bits) {
    return unsigned ? bits : (byte) bits;
  }

  /** One output value from the stored values of both inputs: TFLite's arithmetic. */
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

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    a = inputs[0].bytes();
    b = inputs[1].bytes();
    out = outputs[0].bytes();
    pool.parallelFor(outputs[0].size(), ArithmeticFloat.MIN_ELEMENTS_PER_TASK, elements);
    a = null;
    b = null;
    out = null;
  }

  private void elements(int from, int to) {
    broadcast.forEachRun(from, to, runs);
  }

  private void runs(int o, int ia, int ib, int n) {
    if (broadcast.stepA == 1 && broadcast.stepB == 1) {
      for (int i = 0; i < n; i++) {
        out[o + i] = table[(a[ia + i] & 0xFF) | (b[ib + i] & 0xFF) << 8];
      }
    } else if (broadcast.stepB == 0) {
      int row = (b[ib] & 0xFF) << 8;
      for (int i = 0; i < n; i++) {
        out[o + i] = table[row | a[ia + i] & 0xFF];
      }
    } else {
      int column = a[ia] & 0xFF;
      for (int i = 0; i < n; i++) {
        out[o + i] = table[column | (b[ib + i] & 0xFF) << 8];
      }
    }
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Tensor ta = inputs[0];
    Tensor tb = inputs[1];
    Tensor to = outputs[0];
    for (int i = 0; i < to.size(); i++) {
      int x = ta.bytes()[Broadcast.sourceIndex(ta.shape(), to.shape(), i)];
      int y = tb.bytes()[Broadcast.sourceIndex(tb.shape(), to.shape(), i)];
      to.bytes()[i] = (byte) compute(unsigned ? x & 0xFF : x, unsigned ? y & 0xFF : y);
    }
  }
}
