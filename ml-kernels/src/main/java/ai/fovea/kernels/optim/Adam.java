package ai.fovea.kernels.optim;

import ai.fovea.kernels.autodiff.Variable;
import java.util.List;

/**
 * Adam with bias-corrected moments, and AdamW when {@code weightDecay > 0}: the decay is decoupled from the
 * gradient (Loshchilov and Hutter), {@code p −= lr·decay·p} before the Adam step, as PyTorch's AdamW.
 */
public final class Adam extends Optimizer {
  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private final float weightDecay;
  private final float[][] m;
  private final float[][] v;

  /** Adam with β1 0.9, β2 0.999, ε 1e-8 and no decay. */
  public Adam(List<Variable> parameters, float learningRate) {
    this(parameters, learningRate, 0.9f, 0.999f, 1e-8f, 0f);
  }

  public Adam(List<Variable> parameters, float learningRate, float beta1, float beta2, float epsilon,
      float weightDecay) {
    super(parameters, learningRate);
    requireFraction("beta1", beta1);
    requireFraction("beta2", beta2);
    requirePositive("epsilon", epsilon);
    requireNonNegative("weight decay", weightDecay);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.weightDecay = weightDecay;
    this.m = stateLikeParameters();
    this.v = stateLikeParameters();
  }

  @Override
  protected void update(int index, float[] p, float[] grad, float lr, int step) {
    float[] mi = m[index];
    float[] vi = v[index];
    float correction1 = (float) (1 - Math.pow(beta1, step));
    float correction2 = (float) (1 - Math.pow(beta2, step));
    for (int i = 0; i < p.length; i++) {
      float g = grad[i];
      mi[i] = beta1 * mi[i] + (1f - beta1) * g;
      vi[i] = beta2 * vi[i] + (1f - beta2) * g * g;
      p[i] -= lr * weightDecay * p[i];
      p[i] -= lr * (mi[i] / correction1) / ((float) Math.sqrt(vi[i] / correction2) + epsilon);
    }
  }
}
