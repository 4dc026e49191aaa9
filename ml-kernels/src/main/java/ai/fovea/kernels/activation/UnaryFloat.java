package ai.fovea.kernels.activation;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * An element-wise activation on float32: the output takes the input's shape and each value is
 * {@link UnaryFunction#apply}. The clamps run as their own tight loops (the forms C2 vectorizes); the others
 * call the function per element.
 */
public final class UnaryFloat implements Op {
  private final UnaryFunction function;
  private final float alpha;

  public UnaryFloat(UnaryFunction function, float alpha) {
    this.function = function;
    this.alpha = alpha;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    UnaryShapes.prepare(function.name(), inputs, outputs, DataType.FLOAT32);
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    float[] in = inputs[0].floats();
    float[] out = outputs[0].floats();
    int n = inputs[0].size();
    switch (function) {
      case RELU:
        for (int i = 0; i < n; i++) {
          out[i] = Math.max(in[i], 0f);
        }
        break;
      case RELU6:
        for (int i = 0; i < n; i++) {
          out[i] = Math.min(Math.max(in[i], 0f), 6f);
        }
        break;
      case RELU_N1_TO_1:
        for (int i = 0; i < n; i++) {
          out[i] = Math.min(Math.max(in[i], -1f), 1f);
        }
        break;
      default:
        runReference(inputs, outputs);
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

  /** Rejects non-finite slopes early; LEAKY_RELU's alpha is the only parameter. */
  static float checkedAlpha(String op, float alpha) {
    if (Float.isNaN(alpha) || Float.isInfinite(alpha)) {
      throw new OpPrepareException(op, "alpha must be finite, got " + alpha);
    }
    return alpha;
  }
}
