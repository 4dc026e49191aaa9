package ai.fovea.kernels.activation;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * SOFTMAX over the last axis. Float: {@code exp(β(x − max)) / Σ}. Int8/uint8 follow the interpreter's table
 * form: a 256-entry float table of {@code exp(−β · s_in · d)} for each distance d below the row maximum, the
 * row sum of table values, and {@code (int) (p / s_out + 0.5) + zp}; the output must be quantized with scale
 * 1/256 and zero point −128 (int8) or 0 (uint8), as TFLite requires.
 */
public final class Softmax implements Op {
  private static final String NAME = "SOFTMAX";
  private final float beta;
  private final float[] table = new float[256];
  private int rows;
  private int depth;

  public Softmax(float beta) {
    this.beta = beta;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    UnaryShapes.prepare(NAME, inputs, outputs, DataType.FLOAT32, DataType.INT8, DataType.UINT8);
    Tensor in = inputs[0];
    if (in.shape().rank() < 1) {
      throw new OpPrepareException(NAME, "input must have at least one dimension");
    }
    depth = in.shape().dim(-1);
    rows = depth == 0 ? 0 : in.size() / depth;
    if (in.dataType().isByte()) {
      Tensor out = outputs[0];
      int zp = in.dataType() == DataType.INT8 ? -128 : 0;
      if (out.quantization().channelCount() != 1 || out.quantization().scale() != 1f / 256
          || out.quantization().zeroPoint() != zp) {
        throw new OpPrepareException(NAME, "8-bit output must have scale 1/256 and zero point " + zp + ", got "
            + out.quantization());
      }
      float scale = -in.quantization().scale() * beta;
      for (int d = 0; d < 256; d++) {
        table[255 - d] = (float) Math.exp(scale * d);
      }
    }
  }

  /** A single form: the row loops are already the plain ones, and TFLite's own kernel is this shape. */
  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    if (inputs[0].dataType() == DataType.FLOAT32) {
      runFloat(inputs[0].floats(), outputs[0].floats());
    } else {
      runQuantized(inputs[0], outputs[0]);
    }
  }

  private void runFloat(float[] in, float[] out) {
    for (int r = 0; r < rows; r++) {
      int base = r * depth;
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < depth; j++) {
        max = Math.max(max, in[base + j]);
      }
      float sum = 0f;
      for (int j = 0; j < depth; j++) {
        float e = (float) Math.exp((in[base + j] - max) * beta);
        out[base + j] = e;
        sum += e;
      }
      float inverse = 1f / sum;
      for (int j = 0; j < depth; j++) {
        out[base + j] *= inverse;
      }
    }
  }

  private void runQuantized(Tensor input, Tensor output) {
    byte[] in = input.bytes();
    byte[] out = output.bytes();
    boolean unsigned = input.dataType() == DataType.UINT8;
    int zp = output.quantization().zeroPoint();
    float outScale = output.quantization().scale();
    int min = unsigned ? 0 : -128;
    int max = unsigned ? 255 : 127;
    for (int r = 0; r < rows; r++) {
      int base = r * depth;
      int rowMax = Integer.MIN_VALUE;
      for (int j = 0; j < depth; j++) {
        rowMax = Math.max(rowMax, unsigned ? in[base + j] & 0xFF : in[base + j]);
      }
      int offset = 255 - rowMax;
      float sum = 0f;
      for (int j = 0; j < depth; j++) {
        sum += table[offset + (unsigned ? in[base + j] & 0xFF : in[base + j])];
      }
      float inverse = 1f / (sum * outScale);
      for (int j = 0; j < depth; j++) {
        float p = table[offset + (unsigned ? in[base + j] & 0xFF : in[base + j])] * inverse;
        int q = (int) (p + 0.5f) + zp;
        out[base + j] = (byte) Math.max(min, Math.min(max, q));
      }
    }
  }
}
