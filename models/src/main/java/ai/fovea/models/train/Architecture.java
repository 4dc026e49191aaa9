package ai.fovea.models.train;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Padding;
import java.util.Locale;

/**
 * The trainable architectures of the CNN course, sized for small images (28×28 digits and clothes). A width
 * multiplier scales every channel count of VGG, MobileNet and ResNet (LeNet-5 keeps its classic 6 and 16).
 */
public enum Architecture {
  /** conv5×5 6 → max pool → conv5×5 16 (VALID) → max pool → FC 120 → FC 84 → classes; ReLU, no batch norm. */
  LENET5,
  /** Three VGG stages of two 3×3 conv-BN-ReLU (16, 32, 64 × width) each ending in a 2×2 max pool, FC 128, dropout. */
  VGG,
  /** MobileNet-v1 style: 3×3 conv 32 then five depthwise-separable units (64, 128/2, 128, 256/2, 256 × width). */
  MOBILENET,
  /** ResNet-8 style: 3×3 conv 16 then three basic residual blocks (16, 32/2, 64/2 × width), global average pool. */
  RESNET;

  /** The lower-case name the CLI and checkpoints use. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code lenet5}, {@code vgg}, {@code mobilenet} or {@code resnet}. */
  public static Architecture parse(String id) {
    for (Architecture a : values()) {
      if (a.id().equals(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown architecture '" + id + "'; expected lenet5, vgg, mobilenet or resnet");
  }

  /** Builds the network with weights drawn from {@code seed}. */
  public Network build(int height, int width, int channels, int classes, float widthMultiplier, long seed) {
    if (!(widthMultiplier > 0f && widthMultiplier <= 8f)) {
      throw new IllegalArgumentException("width multiplier must be in (0, 8], got " + widthMultiplier);
    }
    String name = id() + (this == LENET5 || widthMultiplier == 1f ? "" : "-" + widthMultiplier);
    Network.Builder b = Network.builder(name, height, width, channels, seed);
    switch (this) {
      case LENET5:
        if (widthMultiplier != 1f) {
          throw new IllegalArgumentException("LeNet-5 has fixed widths; width multiplier must be 1");
        }
        return b.conv(6, 5, 1, Padding.SAME, false, Activation.RELU).maxPool(2, 2, Padding.VALID)
            .conv(16, 5, 1, Padding.VALID, false, Activation.RELU).maxPool(2, 2, Padding.VALID)
            .dense(120).dense(84).classifier(classes);
      case VGG: {
        int c = scaled(16, widthMultiplier);
        return b.conv(c, 3).conv(c, 3).maxPool(2, 2, Padding.SAME)
            .conv(2 * c, 3).conv(2 * c, 3).maxPool(2, 2, Padding.SAME)
            .conv(4 * c, 3).conv(4 * c, 3).maxPool(2, 2, Padding.SAME)
            .dense(128).dropout(0.3f).classifier(classes);
      }
      case MOBILENET: {
        int c = scaled(32, widthMultiplier);
        return b.conv(c, 3, 1, Padding.SAME, true, Activation.RELU6)
            .separable(2 * c, 1).separable(4 * c, 2).separable(4 * c, 1).separable(8 * c, 2).separable(8 * c, 1)
            .globalAveragePool().dropout(0.2f).classifier(classes);
      }
      case RESNET: {
        int c = scaled(16, widthMultiplier);
        return b.conv(c, 3).residual(c, 1).residual(2 * c, 2).residual(4 * c, 2)
            .globalAveragePool().classifier(classes);
      }
      default:
        throw new AssertionError(this);
    }
  }

  private static int scaled(int channels, float multiplier) {
    return Math.max(1, Math.round(channels * multiplier));
  }
}
