package ai.fovea.kernels.activation;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * An element-wise activation on float32: the output takes the input's shape and each value is
 * {@link UnaryFunction#apply}. The optimized form gives each function its own tight loop (the clamps are the
 * forms C2 vectorizes) and splits large tensors over the pool; the reference form calls the function per
 * element.
 */
public final class UnaryFloat implements Op {
  /** Below this many elements per chunk a thread costs more than it saves: cheap clamps need far more work. */
  private static final int MIN_CHUNK_CHEAP = 1 << 16;
  private static final int MIN_CHUNK_TRANSCENDENTAL = 1 << 11;
  private final UnaryFunction function;
  private final float alpha;
  private final ComputePool pool;

  /** {@code alpha} is LEAKY_RELU's slope and ignored by the other functions. */
  public UnaryFloat(UnaryFunction function, float alpha, ComputePool pool) {
    if (function == null || pool == null) {
      throw new IllegalArgumentException("function and pool are required");
    }
    if (Float.isNaN(alpha) || Float.isInfinite(alpha)) {
      throw new IllegalArgumentException(function + ": alpha must be finite, got " + alpha);
    }
    this.function = function;
    this.alpha = alpha;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    UnaryShapes.prepare(function.name(), inputs, outputs, DataType.FLOAT32);
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    float[] in = inputs[0].floats();
    float[] out = outputs[0].floats();
    boolean cheap = function.isClamp() || function == UnaryFunction.LEAKY_RELU;
    pool.parallelFor(inputs[0].size(), cheap ? MIN_CHUNK_CHEAP : MIN_CHUNK_TRANSCENDENTAL,
        (start, end) -> apply(in, out, start, end));
  }

  private void apply(float[] in, float[] out, int start, int end) {
    switch (function) {
      case RELU:
        for (int i = start; i < end; i++) {
          out[i] = Math.max(in[i], 0f);
        }
        break;
      case RELU6:
        for (int i = start; i < end; i++) {
          out[i] = Math.min(Math.max(in[i], 0f), 6f);
        }
        break;
      case RELU_N1_TO_1:
        for (int i = start; i < end; i++) {
          out[i] = Math.min(Math.max(in[i], -1f), 1f);
        }
        break;
      case LEAKY_RELU:
        for (int i = start; i < end; i++) {
          float x = in[i];
          out[i] = x > 0 ? x : x * alpha;
        }
        break;
      case HARD_SWISH:
        for (int i = start; i < end; i++) {
          float x = in[i];
          out[i] = x * Math.min(6f, Math.max(0f, x + 3f)) / 6f;
        }
        break;
      default:
        for (int i = start; i < end; i++) {
          out[i] = function.apply(in[i], alpha);
        }
    }
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    float[] in = inputs[0].floats();
    float[] out = outputs[0].floats();
    for (int i = 0, n = inputs[0].size(); i < n; i++) {
      out[i] = function.apply(in[i], alpha);
    }
  }
}
