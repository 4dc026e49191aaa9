package ai.fovea.models.zoo;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.tflite.TfliteModel;

/**
 * Float reference architectures with seeded random weights (see {@link NetworkBuilder}): the shapes and op mix of
 * real vision networks for conformance and benchmarks, not trained models. Inputs are [1, size, size, 3] floats
 * meant to lie in [-1, 1]; the single output is the softmax of the class scores. Int8 versions come from
 * {@code PostTrainingQuantizer}.
 */
public final class ReferenceNetworks {
  /** MobileNet v1's depthwise-separable blocks: {pointwise output channels, depthwise stride}. */
  private static final int[][] MOBILENET_V1_BLOCKS = {
    {64, 1}, {128, 2}, {128, 1}, {256, 2}, {256, 1}, {512, 2},
    {512, 1}, {512, 1}, {512, 1}, {512, 1}, {512, 1}, {1024, 2}, {1024, 1}
  };
  private static final int MOBILENET_MIN_DEPTH = 8;

  private ReferenceNetworks() {}

  /**
   * MobileNet v1 (Howard et al. 2017) as TFLite ships it: a 3×3 stride-2 convolution, 13 depthwise-separable
   * blocks (3×3 depthwise then 1×1 convolution, each with ReLU6), global average pool, a 1×1 convolution to
   * {@code classes} scores, reshape and softmax. Channel counts are scaled by {@code width} (at least 8).
   * At 224² and width 1.0 this is the 569 M-MAC network.
   */
  public static TfliteModel mobileNetV1(int inputSize, float width, int classes, long seed) {
    if (inputSize < 32) {
      throw new IllegalArgumentException("MobileNet v1 downsamples 32x; input size must be >= 32, got " + inputSize);
    }
    if (!(width > 0) || width > 4) {
      throw new IllegalArgumentException("width multiplier must be in (0, 4], got " + width);
    }
    checkClasses(classes);
    NetworkBuilder net = new NetworkBuilder(String.format("MobileNet v1 %.2f %d (random weights, seed %d)", width,
        inputSize, seed), seed);
    int x = net.input("input", Shape.of(1, inputSize, inputSize, 3));
    x = net.conv(x, depth(32, width), 3, 2, Activation.RELU6);
    for (int[] block : MOBILENET_V1_BLOCKS) {
      x = net.depthwise(x, 3, block[1], Activation.RELU6);
      x = net.conv(x, depth(block[0], width), 1, 1, Activation.RELU6);
    }
    x = net.globalAveragePool(x);
    x = net.conv(x, classes, 1, 1, Activation.NONE);
    x = net.reshape(x, 1, classes);
    return net.output(net.softmax(x)).build();
  }

  /**
   * A ResNet-style stack (He et al. 2016, basic blocks): a 3×3 stride-2 stem with ReLU, then for each entry of
   * {@code stageChannels} {@code blocksPerStage} residual blocks (3×3 convolution with ReLU, 3×3 convolution, ADD
   * with the shortcut and ReLU); each stage after the first starts with stride 2 and a 1×1 stride-2 projection
   * shortcut. Ends with global average pool, a fully connected layer to {@code classes} scores and softmax.
   */
  public static TfliteModel residualStack(int inputSize, int[] stageChannels, int blocksPerStage, int classes,
      long seed) {
    if (stageChannels == null || stageChannels.length == 0) {
      throw new IllegalArgumentException("at least one stage is needed");
    }
    int downsampling = 1 << stageChannels.length;
    if (inputSize < downsampling) {
      throw new IllegalArgumentException("input size " + inputSize + " is smaller than the total stride "
          + downsampling);
    }
    if (blocksPerStage < 1) {
      throw new IllegalArgumentException("blocks per stage must be >= 1, got " + blocksPerStage);
    }
    checkClasses(classes);
    NetworkBuilder net = new NetworkBuilder(String.format("ResNet-style stack %s x%d at %d (random weights, seed %d)",
        java.util.Arrays.toString(stageChannels), blocksPerStage, inputSize, seed), seed);
    int x = net.input("input", Shape.of(1, inputSize, inputSize, 3));
    x = net.conv(x, stageChannels[0], 3, 2, Activation.RELU);
    for (int stage = 0; stage < stageChannels.length; stage++) {
      int channels = stageChannels[stage];
      if (channels < 1) {
        throw new IllegalArgumentException("stage " + stage + " has " + channels + " channels");
      }
      for (int block = 0; block < blocksPerStage; block++) {
        int stride = stage > 0 && block == 0 ? 2 : 1;
        int shortcut = stride == 1 && net.shape(x).dim(3) == channels ? x
            : net.conv(x, channels, 1, stride, Activation.NONE);
        int y = net.conv(x, channels, 3, stride, Activation.RELU);
        // Half the He gain on the branch's last convolution keeps the variance of x + f(x) from doubling per block.
        y = net.conv(y, channels, 3, 1, Activation.NONE, 0.5f);
        x = net.add(y, shortcut, Activation.RELU);
      }
    }
    x = net.globalAveragePool(x);
    int channels = net.shape(x).dim(3);
    x = net.reshape(x, 1, channels);
    x = net.fullyConnected(x, classes, Activation.NONE);
    return net.output(net.softmax(x)).build();
  }

  /** MobileNet's channel rule: {@code max(8, (int) (channels × width))}. */
  static int depth(int channels, float width) {
    return Math.max(MOBILENET_MIN_DEPTH, (int) (channels * width));
  }

  private static void checkClasses(int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be >= 2, got " + classes);
    }
  }
}
