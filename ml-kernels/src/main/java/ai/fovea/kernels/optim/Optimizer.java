package ai.fovea.kernels.optim;

import ai.fovea.kernels.autodiff.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Updates a fixed list of parameters in place from their accumulated gradients. Subclasses keep per-parameter
 * state (momentum, moment estimates) indexed like {@link #parameters()}; {@link #step()} counts from 1.
 */
public abstract class Optimizer {
  private final List<Variable> parameters;
  private final List<float[]> state = new ArrayList<>();
  private float learningRate;
  private int steps;

  protected Optimizer(List<Variable> parameters, float learningRate) {
    if (parameters == null || parameters.isEmpty()) {
      throw new IllegalArgumentException("an optimizer needs at least one parameter");
    }
    for (Variable p : parameters) {
      if (p == null || !p.requiresGrad()) {
        throw new IllegalArgumentException("not a trainable parameter: " + p);
      }
    }
    this.parameters = new ArrayList<>(parameters);
    setLearningRate(learningRate);
  }

  public final List<Variable> parameters() {
    return java.util.Collections.unmodifiableList(parameters);
  }

  public final float learningRate() {
    return learningRate;
  }

  /** For schedules: the rate the next {@link #step()} uses. */
  public final void setLearningRate(float learningRate) {
    requireNonNegative("learning rate", learningRate);
    this.learningRate = learningRate;
  }

  /** Number of steps taken. */
  public final int steps() {
    return steps;
  }

  /**
   * The live state arrays (moments, velocities) in allocation order, for checkpoints: writing them back in
   * place together with {@link #restoreSteps} resumes the exact update sequence.
   */
  public final List<float[]> state() {
    return java.util.Collections.unmodifiableList(state);
  }

  /** Sets the step count a checkpoint recorded (bias corrections depend on it). */
  public final void restoreSteps(int steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0, got " + steps);
    }
    this.steps = steps;
  }

  /** Applies one update to every parameter from its current gradient. */
  public final void step() {
    steps++;
    for (int i = 0; i < parameters.size(); i++) {
      Variable p = parameters.get(i);
      update(i, p.values(), p.grad(), learningRate, steps);
    }
  }

  public final void zeroGrad() {
    for (Variable p : parameters) {
      p.zeroGrad();
    }
  }

  /** Updates parameter {@code index} (values in place) at step {@code step} (1-based). */
  protected abstract void update(int index, float[] value, float[] grad, float learningRate, int step);

  /** Zero-filled state arrays shaped like the parameters. */
  protected final float[][] stateLikeParameters() {
    float[][] state = new float[parameters.size()][];
    for (int i = 0; i < state.length; i++) {
      state[i] = new float[parameters.get(i).size()];
      this.state.add(state[i]);
    }
    return state;
  }

  static void requireNonNegative(String name, float value) {
    if (!(value >= 0f) || Float.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
    }
  }

  static void requireFraction(String name, float value) {
    if (!(value >= 0f && value < 1f)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
    }
  }

  static void requirePositive(String name, float value) {
    if (!(value > 0f) || Float.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
    }
  }
}
