package ai.fovea.kernels.quant;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * QUANTIZE: float32 → int8/uint8 as {@code round(x / scale) + zp} (half away from zero, clamped), or 8-bit →
 * 8-bit requantization {@code zp_out + M·(q − zp_in)} with M = {@code s_in / s_out} and gemmlowp rounding. The
 * 8-bit form runs as a 256-entry table built at prepare.
 */
public final class Quantize implements Op {
  private static final String NAME = "QUANTIZE";
  private final byte[] table = new byte[256];
  private QuantizedMultiplier multiplier;

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

  private static int clamp(int v, DataType type) {
    int min = type == DataType.UINT8 ? 0 : -128;
    int max = type == DataType.UINT8 ? 255 : 127;
    return Math.max(min, Math.min(max, v));
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    if (inputs[0].dataType() == DataType.FLOAT32) {
      runReference(inputs, outputs);
      return;
    }
    byte[] in = inputs[0].bytes();
    byte[] out = outputs[0].bytes();
    for (int i = 0, n = inputs[0].size(); i < n; i++) {
      out[i] = table[in[i] & 0xFF];
    }
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Tensor in = inputs[0];
    Tensor out = outputs[0];
    byte[] dst = out.bytes();
    if (in.dataType() == DataType.FLOAT32) {
      float scale = out.quantization().scale();
      int zp = out.quantization().zeroPoint();
      float[] src = in.floats();
      for (int i = 0, n = in.size(); i < n; i++) {
        float q = src[i] / scale;
        int rounded = (int) (Math.signum(q) * Math.floor(Math.abs(q) + 0.5f));
        dst[i] = (byte) clamp(rounded + zp, out.dataType());
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
