package ai.fovea.kernels.quant;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * QUANTIZE: float32 → int8/uint8 as TFLite's AffineQuantize, {@code round(x / scale) + zp} with the quotient in
 * double and rounded half away from zero, then clamped; or 8-bit → 8-bit requantization (every int8/uint8 pair)
 * {@code zp_out + M·(q − zp_in)} with {@code M = s_in / s_out} in double and gemmlowp's double rounding. The
 * 8-bit form runs as a 256-entry table built at prepare; large float inputs are split over the pool.
 */
public final class Quantize implements Op {
  private static final String NAME = "QUANTIZE";
  private static final int MIN_CHUNK = 1 << 15;
  private final ComputePool pool;
  private final byte[] table = new byte[256];
  private QuantizedMultiplier multiplier;

  public Quantize(ComputePool pool) {
    if (pool == null) {
      throw new IllegalArgumentException(NAME + ": pool is required");
    }
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    if (inputs.length != 1 || outputs.length != 1 || inputs[0] == null) {
      throw new OpPrepareException(NAME, "takes one input and one output");
    }
    Tensor in = inputs[0];
    Tensor out = outputs[0];
    if (!out.dataType().isByte() || out.quantization().channelCount() != 1) {
      throw new OpPrepareException(NAME, "output must be per-tensor quantized int8 or uint8, got " + out);
    }
    if (in.dataType() != DataType.FLOAT32 && !(in.dataType().isByte() && in.quantization().channelCount() == 1)) {
      throw new OpPrepareException(NAME, "input must be float32 or per-tensor quantized 8-bit, got " + in);
    }
    out.resize(in.shape());
    if (in.dataType().isByte()) {
      multiplier = QuantizedMultiplier.of((double) in.quantization().scale() / out.quantization().scale());
      for (int raw = 0; raw < 256; raw++) {
        table[raw] = (byte) requantize(in.dataType() == DataType.UINT8 ? raw : (byte) raw, in, out);
      }
    }
  }

  private int requantize(int stored, Tensor in, Tensor out) {
    int v = out.quantization().zeroPoint() + QuantizedMultiplier.applyDoubleRounding(
        stored - in.quantization().zeroPoint(), multiplier.multiplier, multiplier.shift);
    return clamp(v, out.dataType());
  }

  /**
   * AffineQuantize of one value. Quotients beyond the int range saturate and NaN lands on the zero point; the
   * interpreter's x86 build sends both to the type's minimum through an undefined float→int cast we do not copy.
   */
  private static int quantize(float x, double scale, int zeroPoint, DataType type) {
    double q = x / scale;
    long rounded = q < 0 ? -Math.round(-q) : Math.round(q);
    return clamp(rounded + zeroPoint, type);
  }

  private static int clamp(long v, DataType type) {
    int min = type == DataType.UINT8 ? 0 : -128;
    int max = type == DataType.UINT8 ? 255 : 127;
    return (int) Math.max(min, Math.min(max, v));
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    Tensor in = inputs[0];
    Tensor out = outputs[0];
    byte[] dst = out.bytes();
    if (in.dataType() == DataType.FLOAT32) {
      float[] src = in.floats();
      double scale = out.quantization().scale();
      int zp = out.quantization().zeroPoint();
      DataType type = out.dataType();
      pool.parallelFor(in.size(), MIN_CHUNK, (start, end) -> {
        for (int i = start; i < end; i++) {
          dst[i] = (byte) quantize(src[i], scale, zp, type);
        }
      });
      return;
    }
    byte[] src = in.bytes();
    pool.parallelFor(in.size(), MIN_CHUNK * 4, (start, end) -> {
      for (int i = start; i < end; i++) {
        dst[i] = table[src[i] & 0xFF];
      }
    });
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Tensor in = inputs[0];
    Tensor out = outputs[0];
    byte[] dst = out.bytes();
    if (in.dataType() == DataType.FLOAT32) {
      for (int i = 0, n = in.size(); i < n; i++) {
        dst[i] = (byte) quantize(in.floats()[i], out.quantization().scale(), out.quantization().zeroPoint(),
            out.dataType());
      }
    } else {
      byte[] src = in.bytes();
      boolean unsigned = in.dataType() == DataType.UINT8;
      for (int i = 0, n = in.size(); i < n; i++) {
        dst[i] = (byte) requantize(unsigned ? src[i] & 0xFF : src[i], in, out);
      }
    }
  }
}
