package ai.fovea.kernels.quant;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * DEQUANTIZE: int8/uint8 → float32 as {@code scale · (q − zp)} in float (per-channel along the quantized axis
 * when the input carries per-channel parameters), and float16 → float32 for constant half-precision weights.
 */
public final class Dequantize implements Op {
  private static final String NAME = "DEQUANTIZE";
  private int inner;
  private int channels;

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
      if (!in.quantization().isQuantized()) {
        throw new OpPrepareException(NAME, "8-bit input must be quantized");
      }
      channels = in.quantization().channelCount();
      inner = channels == 1 ? in.size() : in.shape().sizeFrom(in.quantization().axis() + 1);
    } else if (in.dataType() != DataType.FLOAT16) {
      throw new OpPrepareException(NAME, "input must be int8, uint8 or float16, got " + in.dataType());
    }
    outputs[0].resize(in.shape());
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    Tensor in = inputs[0];
    float[] out = outputs[0].floats();
    int n = in.size();
    if (in.dataType() == DataType.FLOAT16) {
      short[] half = in.halfs();
      for (int i = 0; i < n; i++) {
        out[i] = halfToFloat(half[i]);
      }
      return;
    }
    byte[] src = in.bytes();
    boolean unsigned = in.dataType() == DataType.UINT8;
    for (int i = 0; i < n; i++) {
      int c = channels == 1 ? 0 : (i / inner) % channels;
      int q = unsigned ? src[i] & 0xFF : src[i];
      out[i] = in.quantization().scale(c) * (q - in.quantization().zeroPoint(c));
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
