package ai.fovea.kernels.optim;

import ai.fovea.kernels.autodiff.Variable;
import java.util.List;

/** RMSprop as PyTorch: {@code s = ρ·s + (1 − ρ)·g²; p −= lr·g / (√s + ε)}. */
public final class RmsProp extends Optimizer {
  private final float rho;
  private final float epsilon;
  private final float[][] square;

  public RmsProp(List<Variable> parameters, float learningRate, float rho, float epsilon) {
    super(parameters, learningRate);
    requireFraction("rho", rho);
    requirePositive("epsilon", epsilon);
    this.rho = rho;
    this.epsilon = epsilon;
    this.square = stateLikeParameters();
  }

  @Override
  protected void update(int index, float[] p, float[] grad, float lr, int step) {
    float[] s = square[index];
    for (int i = 0; i < p.length; i++) {
      float g = grad[i];
      s[i] = rho * s[i] + (1f - rho) * g * g;
      p[i] -= lr * g / ((float) Math.sqrt(s[i]) + epsilon);
    }
  }
}
