package ai.fovea.desktop.bench;

import ai.fovea.kernels.op.Padding;
import java.util.List;

/**
 * The layer sequence of a trainable architecture written out for the reference framework, step for step as our
 * trainer's builder makes it (see {@code ai.fovea.models.train.Architecture}), so both frameworks time the same
 * network. Each step consumes its parameters from our network's parameter list in order: CONV its filter, then a
 * bias or batch-norm γ and β; DENSE its weights and bias; pools and dropout none.
 */
public final class TrainingRecipe {
  /** What a step does. */
  public enum Kind {
    CONV, MAX_POOL, DENSE, DROPOUT
  }

  /** One layer; unused fields are 0/false/null. Immutable. */
  public static final class Step {
    final Kind kind;
    final int window;
    final int stride;
    final Padding padding;
    final boolean batchNorm;
    final float epsilon;
    final boolean relu;
    final float rate;

    private Step(Kind kind, int window, int stride, Padding padding, boolean batchNorm, float epsilon, boolean relu,
        float rate) {
      this.kind = kind;
      this.window = window;
      this.stride = stride;
      this.padding = padding;
      this.batchNorm = batchNorm;
      this.epsilon = epsilon;
      this.relu = relu;
      this.rate = rate;
    }

    static Step conv(int stride, Padding padding, boolean relu) {
      return new Step(Kind.CONV, 0, stride, padding, false, 0f, relu, 0f);
    }

    static Step convBatchNorm(int stride, Padding padding, float epsilon) {
      return new Step(Kind.CONV, 0, stride, padding, true, epsilon, true, 0f);
    }

    static Step maxPool(int window, int stride, Padding padding) {
      return new Step(Kind.MAX_POOL, window, stride, padding, false, 0f, false, 0f);
    }

    static Step dense(boolean relu) {
      return new Step(Kind.DENSE, 0, 0, null, false, 0f, relu, 0f);
    }

    static Step dropout(float rate) {
      return new Step(Kind.DROPOUT, 0, 0, null, false, 0f, false, rate);
    }
  }

  /** Our trainer's batch-norm epsilon (ConvUnit). */
  private static final float BN_EPSILON = 1e-3f;

  private final String name;
  private final List<Step> steps;

  private TrainingRecipe(String name, List<Step> steps) {
    this.name = name;
    this.steps = List.copyOf(steps);
  }

  /** LeNet-5: conv5×5 (SAME) + ReLU, max pool, conv5×5 (VALID) + ReLU, max pool, FC + ReLU ×2, FC. */
  public static TrainingRecipe lenet5() {
    return new TrainingRecipe("lenet5", List.of(
        Step.conv(1, Padding.SAME, true), Step.maxPool(2, 2, Padding.VALID),
        Step.conv(1, Padding.VALID, true), Step.maxPool(2, 2, Padding.VALID),
        Step.dense(true), Step.dense(true), Step.dense(false)));
  }

  /** Small VGG: three stages of two 3×3 conv-BN-ReLU and a 2×2 max pool (SAME), FC + ReLU, dropout 0.3, FC. */
  public static TrainingRecipe vgg() {
    Step conv = Step.convBatchNorm(1, Padding.SAME, BN_EPSILON);
    Step pool = Step.maxPool(2, 2, Padding.SAME);
    return new TrainingRecipe("vgg", List.of(conv, conv, pool, conv, conv, pool, conv, conv, pool,
        Step.dense(true), Step.dropout(0.3f), Step.dense(false)));
  }

  public String name() {
    return name;
  }

  public List<Step> steps() {
    return steps;
  }
}
