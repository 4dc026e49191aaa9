package ai.fovea.kernels.quant;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * DEQUANTIZE: int8/uint8 → float32 as {@code scale · (q − zp)} in float, and float16 → float32 for constant
 * half-precision weights. Per-channel inputs are dequantized per channel along their quantized axis, as TFLite
 * 2.7+ does; 2.6.2 itself reads the legacy per-tensor scale of such tensors, which is 0, and outputs zeros.
 * The optimized 8-bit form looks values up in tables built at prepare (256 entries per channel); large tensors
 * are split over the pool.
 */
public final class Dequantize implements Op {
  private static final String NAME = "DEQUANTIZE";
  private static final int MIN_CHUNK = 1 << 15;
  private final ComputePool pool;
  private float[] table = new float[0];
  private int inner;
  private int channels;

  public Dequantize(ComputePool pool) {
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
    if (outputs[0].dataType() != DataType.FLOAT32) {
      throw new OpPrepareException(NAME, "output must be float32, got " + outputs[0].dataType());
    }
    if (in.dataType().isByte()) {
      prepareTables(in);
    } else if (in.dataType() != DataType.FLOAT16) {
      throw new OpPrepareException(NAME, "input must be int8, uint8 or float16, got " + in.dataType());
    }
    outputs[0].resize(in.shape());
  }

  private void prepareTables(Tensor in) {
    if (!in.quantization().isQuantized()) {
      throw new OpPrepareException(NAME, "8-bit input must be quantized");
    }
    channels = in.quantization().channelCount();
    if (in.quantization().isPerChannel()) {
      int axis = in.quantization().axis();
      if (axis >= in.shape().rank() || in.shape().dim(axis) != channels) {
        throw new OpPrepareException(NAME, channels + " per-channel scales do not match axis " + axis + " of "
            + in.shape());
      }
    }
    inner = channels == 1 ? in.size() : in.shape().sizeFrom(in.quantization().axis() + 1);
    table = new float[channels * 256];
    boolean unsigned = in.dataType() == DataType.UINT8;
    for (int c = 0; c < channels; c++) {
      for (int raw = 0; raw < 256; raw++) {
        table[c * 256 + raw] = value(in, c, unsigned ? raw : (byte) raw);
      }
    }
  }

  private static float value(Tensor in, int channel, int stored) {
    return in.quantization().scale(channel) * (stored - in.quantization().zeroPoint(channel));
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    Tensor in = inputs[0];
    float[] out = outputs[0].floats();
    if (in.dataType() == DataType.FLOAT16) {
      short[] half = in.halfs();
      pool.parallelFor(in.size(), MIN_CHUNK, (start, end) -> {
        for (int i = start; i < end; i++) {
          out[i] = halfToFloat(half[i]);
        }
      });
      return;
    }
    byte[] src = in.bytes();
    if (channels == 1) {
      pool.parallelFor(in.size(), MIN_CHUNK, (start, end) -> {
        for (int i = start; i < end; i++) {
          out[i] = table[src[i] & 0xFF];
        }
      });
      return;
    }
    int blocks = in.size() == 0 ? 0 : in.size() / inner;
    pool.parallelFor(blocks, Math.max(1, MIN_CHUNK / Math.max(inner, 1)), (b0, b1) -> {
      for (int b = b0; b < b1; b++) {
        int base = (b % channels) << 8;
        for (int i = b * inner, end = i + inner; i < end; i++) {
          out[i] = table[base | (src[i] & 0xFF)];
        }
      }
    });
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Tensor in = inputs[0];
    float[] out = outputs[0].floats();
    for (int i = 0, n = in.size(); i < n; i++) {
      if (in.dataType() == DataType.FLOAT16) {
        out[i] = halfToFloat(in.halfs()[i]);
      } else {
        int stored = in.dataType() == DataType.UINT8 ? in.bytes()[i] & 0xFF : in.bytes()[i];
        out[i] = value(in, channels == 1 ? 0 : (i / inner) % channels, stored);
      }
    }
  }

  /** IEEE 754 binary16 → binary32, exact for every value including subnormals, infinities and NaN. */
  public static float halfToFloat(short bits) {
    int h = bits & 0xFFFF;
    int sign = (h >>> 15) << 31;
    int exponent = (h >>> 10) & 0x1F;
    int mantissa = h & 0x3FF;
    if (exponent == 0x1F) {
      return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      float magnitude = mantissa * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }
}
