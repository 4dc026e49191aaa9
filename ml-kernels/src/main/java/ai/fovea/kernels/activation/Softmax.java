package ai.fovea.kernels.activation;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * SOFTMAX over the last axis. Float: {@code exp(β(x − max)) / Σ}. Int8/uint8 follow the interpreter's x86 kernel
 * (the float-table form; TFLite's arm64 clang builds use a 16-bit table instead, which may differ by one unit):
 * a 256-entry float table of {@code exp(−β · s_in · d)} for each distance d below the row maximum, the row sum of
 * table values in input order, {@code p = e / (Σ · s_out)}, then {@code round(p) + zp} for int8 and
 * {@code (int) (p + 0.5)} for uint8. The 8-bit output must be quantized with scale 1/256 (to 0.1 %, as TFLite's
 * check) and zero point −128 for int8 or 0 for uint8; TFLite 2.6 checks int8 only, but its x86 uint8 kernel
 * ignores the zero point and its arm64 one does not, so we refuse what would differ by platform. Rows are
 * independent, so large inputs split rows over the pool; the reference form is the same row loop on one thread
 * with the float form computed in double.
 */
public final class Softmax implements Op {
  private static final String NAME = "SOFTMAX";
  private static final int MIN_ELEMENTS_PER_CHUNK = 1 << 12;
  private final float beta;
  private final ComputePool pool;
  private final float[] table = new float[256];
  private int rows;
  private int depth;

  public Softmax(float beta, ComputePool pool) {
    if (Float.isNaN(beta) || Float.isInfinite(beta)) {
      throw new IllegalArgumentException(NAME + ": beta must be finite, got " + beta);
    }
    if (pool == null) {
      throw new IllegalArgumentException(NAME + ": pool is required");
    }
    this.beta = beta;
    this.pool = pool;
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
      checkOutputQuantization(outputs[0]);
      float scale = -in.quantization().scale() * beta;
      for (int d = 0; d < 256; d++) {
        table[255 - d] = (float) Math.exp(scale * d);
      }
    }
  }

  private static void checkOutputQuantization(Tensor out) {
    int zeroPoint = out.dataType() == DataType.INT8 ? -128 : 0;
    float scale = out.quantization().channelCount() == 1 ? out.quantization().scale() : Float.NaN;
    if (!(Math.abs(scale - 1f / 256) <= 0.001f / 256) || out.quantization().zeroPoint() != zeroPoint) {
      throw new OpPrepareException(NAME, "8-bit output must have scale 1/256 and zero point " + zeroPoint + ", got "
          + out.quantization());
    }
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    int minRows = Math.max(1, MIN_ELEMENTS_PER_CHUNK / Math.max(depth, 1));
    pool.parallelFor(rows, minRows, (r0, r1) -> {
      if (inputs[0].dataType() == DataType.FLOAT32) {
        floatRows(inputs[0].floats(), outputs[0].floats(), r0, r1);
      } else {
        quantizedRows(inputs[0], outputs[0], r0, r1);
      }
    });
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    if (inputs[0].dataType() != DataType.FLOAT32) {
      quantizedRows(inputs[0], outputs[0], 0, rows);
      return;
    }
    float[] in = inputs[0].floats();
    float[] out = outputs[0].floats();
    for (int r = 0; r < rows; r++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < depth; j++) {
        max = Math.max(max, in[r * depth + j]);
      }
      double sum = 0;
      for (int j = 0; j < depth; j++) {
        sum += Math.exp((in[r * depth + j] - max) * beta);
      }
      for (int j = 0; j < depth; j++) {
        out[r * depth + j] = (float) (Math.exp((in[r * depth + j] - max) * beta) / sum);
      }
    }
  }

  private void floatRows(float[] in, float[] out, int r0, int r1) {
    for (int r = r0; r < r1; r++) {
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

  /** The interpreter's table form, summing in input order as it does; float rounding makes order matter. */
  private void quantizedRows(Tensor input, Tensor output, int r0, int r1) {
    byte[] in = input.bytes();
    byte[] out = output.bytes();
    boolean unsigned = input.dataType() == DataType.UINT8;
    int zp = output.quantization().zeroPoint();
    float outScale = output.quantization().scale();
    for (int r = r0; r < r1; r++) {
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
        // int8 rounds with std::round; uint8 (off arm64) adds 0.5f and truncates, ignoring the zero point (0).
        int q = unsigned ? (int) (p + 0.5f) : Math.round(p) + zp;
        out[base + j] = (byte) Math.max(unsigned ? 0 : -128, Math.min(unsigned ? 255 : 127, q));
      }
    }
  }
}
