package ai.fovea.kernels.optim;

import ai.fovea.kernels.autodiff.Variable;
import java.util.List;

/**
 * Stochastic gradient descent, optionally with (Nesterov) momentum and L2 weight decay, in PyTorch's form:
 * {@code g = grad + decay·p; v = μ·v + g; p −= lr · (nesterov ? g + μ·v : v)}.
 */
public final class Sgd extends Optimizer {
  private final float momentum;
  private final boolean nesterov;
  private final float weightDecay;
  private final float[][] velocity;

  public Sgd(List<Variable> parameters, float learningRate) {
    this(parameters, learningRate, 0f, false, 0f);
  }

  public Sgd(List<Variable> parameters, float learningRate, float momentum, boolean nesterov, float weightDecay) {
    super(parameters, learningRate);
    requireFraction("momentum", momentum);
    requireNonNegative("weight decay", weightDecay);
    if (nesterov && momentum == 0f) {
      throw new IllegalArgumentException("Nesterov needs a momentum > 0, got " + momentum);
    }
    this.momentum = momentum;
    this.nesterov = nesterov;
    this.weightDecay = weightDecay;
    this.velocity = momentum > 0f ? stateLikeParameters() : null;
  }

  @Override
  protected void update(int index, float[] p, float[] grad, float lr, int step) {
    float[] v = velocity == null ? null : velocity[index];
    for (int i = 0; i < p.length; i++) {
      float g = grad[i] + weightDecay * p[i];
      if (v != null) {
        v[i] = momentum * v[i] + g;
        g = nesterov ? g + momentum * v[i] : v[i];
      }
      p[i] -= lr * g;
    }
  }
}
