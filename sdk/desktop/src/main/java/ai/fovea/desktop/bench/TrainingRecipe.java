package ai.fovea.desktop.bench;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Padding;
import java.util.ArrayList;
import java.util.List;

/**
 * The layer sequence of a trainable architecture written out for the reference framework, step for step as our
 * trainer's builder makes it (see {@code ai.fovea.models.train.Architecture} and {@code Network.Builder}), so both
 * frameworks time the same network. Channel counts are not part of a recipe: each step takes its parameters, in
 * order, from our network's parameter list and reads the sizes from their shapes, so one recipe serves every width.
 * CONV and DEPTHWISE take a filter, then a bias or batch-norm γ and β; RESIDUAL takes its two convolutions' and,
 * with a projection, the 1×1 shortcut's; DENSE weights and bias; pools and dropout none.
 */
public final class TrainingRecipe {
  /** What a step does. */
  public enum Kind {
    CONV, DEPTHWISE, RESIDUAL, MAX_POOL, GLOBAL_AVERAGE_POOL, DENSE, DROPOUT
  }

  /** One layer; unused fields are 0/false/null. Immutable. */
  public static final class Step {
    final Kind kind;
    final int window;
    final int stride;
    final Padding padding;
    final boolean batchNorm;
    final Activation activation;
    final boolean projection;
    final float rate;

    private Step(Kind kind, int window, int stride, Padding padding, boolean batchNorm, Activation activation,
        boolean projection, float rate) {
      this.kind = kind;
      this.window = window;
      this.stride = stride;
      this.padding = padding;
      this.batchNorm = batchNorm;
      this.activation = activation;
      this.projection = projection;
      this.rate = rate;
    }

    static Step conv(int stride, Padding padding, boolean batchNorm, Activation activation) {
      return new Step(Kind.CONV, 0, stride, padding, batchNorm, activation, false, 0f);
    }

    /** Depthwise 3×3 (SAME) + batch norm + activation, as MobileNet's separable unit starts. */
    static Step depthwise(int stride, Activation activation) {
      return new Step(Kind.DEPTHWISE, 0, stride, Padding.SAME, true, activation, false, 0f);
    }

    /** ResNet basic block: conv3×3-BN-ReLU, conv3×3-BN, plus the input or a 1×1 conv-BN projection, ReLU. */
    static Step residual(int stride, boolean projection) {
      return new Step(Kind.RESIDUAL, 0, stride, Padding.SAME, true, Activation.RELU, projection, 0f);
    }

    static Step maxPool(int window, int stride, Padding padding) {
      return new Step(Kind.MAX_POOL, window, stride, padding, false, Activation.NONE, false, 0f);
    }

    static Step globalAveragePool() {
      return new Step(Kind.GLOBAL_AVERAGE_POOL, 0, 0, null, false, Activation.NONE, false, 0f);
    }

    static Step dense(Activation activation) {
      return new Step(Kind.DENSE, 0, 0, null, false, activation, false, 0f);
    }

    static Step dropout(float rate) {
      return new Step(Kind.DROPOUT, 0, 0, null, false, Activation.NONE, false, rate);
    }
  }

  /** Our trainer's batch-norm epsilon (ConvUnit). */
  static final float BN_EPSILON = 1e-3f;

  private final String name;
  private final List<Step> steps;

  private TrainingRecipe(String name, List<Step> steps) {
    this.name = name;
    this.steps = List.copyOf(steps);
  }

  /** LeNet-5: conv5×5 (SAME) + ReLU, max pool, conv5×5 (VALID) + ReLU, max pool, FC + ReLU ×2, FC. */
  public static TrainingRecipe lenet5() {
    return new TrainingRecipe("lenet5", List.of(
        Step.conv(1, Padding.SAME, false, Activation.RELU), Step.maxPool(2, 2, Padding.VALID),
        Step.conv(1, Padding.VALID, false, Activation.RELU), Step.maxPool(2, 2, Padding.VALID),
        Step.dense(Activation.RELU), Step.dense(Activation.RELU), Step.dense(Activation.NONE)));
  }

  /** Small VGG: three stages of two 3×3 conv-BN-ReLU and a 2×2 max pool (SAME), FC + ReLU, dropout 0.3, FC. */
  public static TrainingRecipe vgg() {
    Step conv = Step.conv(1, Padding.SAME, true, Activation.RELU);
    Step pool = Step.maxPool(2, 2, Padding.SAME);
    return new TrainingRecipe("vgg", List.of(conv, conv, pool, conv, conv, pool, conv, conv, pool,
        Step.dense(Activation.RELU), Step.dropout(0.3f), Step.dense(Activation.NONE)));
  }

  /**
   * MobileNet-v1 style: 3×3 conv-BN-ReLU6, five separable units (depthwise 3×3-BN-ReLU6, pointwise 1×1-BN-ReLU6;
   * strides 1, 2, 1, 2, 1), global average pool, dropout 0.2, FC.
   */
  public static TrainingRecipe mobilenet() {
    List<Step> steps = new ArrayList<>();
    steps.add(Step.conv(1, Padding.SAME, true, Activation.RELU6));
    for (int stride : new int[] {1, 2, 1, 2, 1}) {
      steps.add(Step.depthwise(stride, Activation.RELU6));
      steps.add(Step.conv(1, Padding.SAME, true, Activation.RELU6));
    }
    steps.add(Step.globalAveragePool());
    steps.add(Step.dropout(0.2f));
    steps.add(Step.dense(Activation.NONE));
    return new TrainingRecipe("mobilenet", steps);
  }

  /** ResNet-8 style: 3×3 conv-BN-ReLU, basic blocks (stride 1; 2 with projection; 2 with projection), GAP, FC. */
  public static TrainingRecipe resnet() {
    return new TrainingRecipe("resnet", List.of(Step.conv(1, Padding.SAME, true, Activation.RELU),
        Step.residual(1, false), Step.residual(2, true), Step.residual(2, true), Step.globalAveragePool(),
        Step.dense(Activation.NONE)));
  }

  public String name() {
    return name;
  }

  public List<Step> steps() {
    return steps;
  }
}
