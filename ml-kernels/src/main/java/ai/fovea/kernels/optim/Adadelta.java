package ai.fovea.kernels.optim;

import ai.fovea.kernels.autodiff.Variable;
import java.util.List;

/**
 * Adadelta (Zeiler 2012) as PyTorch: {@code s = ρ·s + (1 − ρ)·g²; Δ = √(u + ε) / √(s + ε) · g;
 * u = ρ·u + (1 − ρ)·Δ²; p −= lr·Δ} (lr 1 is the paper's rule).
 */
public final class Adadelta extends Optimizer {
  private final float rho;
  private final float epsilon;
  private final float[][] square;
  private final float[][] update;

  public Adadelta(List<Variable> parameters, float learningRate, float rho, float epsilon) {
    super(parameters, learningRate);
    requireFraction("rho", rho);
    requirePositive("epsilon", epsilon);
    this.rho = rho;
    this.epsilon = epsilon;
    this.square = stateLikeParameters();
    this.update = stateLikeParameters();
  }

  @Override
  protected void update(int index, float[] p, float[] grad, float lr, int step) {
    float[] s = square[index];
    float[] u = update[index];
    for (int i = 0; i < p.length; i++) {
      float g = grad[i];
      s[i] = rho * s[i] + (1f - rho) * g * g;
      float delta = (float) (Math.sqrt(u[i] + epsilon) / Math.sqrt(s[i] + epsilon)) * g;
      u[i] = rho * u[i] + (1f - rho) * delta * delta;
      p[i] -= lr * delta;
    }
  }
}
