package ai.fovea.desktop.verify.cases;

import ai.fovea.kernels.tensor.Quantization;
import java.util.Random;

/**
 * Seeded constants for conformance models: float weights, int8 weights with per-channel or per-tensor symmetric
 * scales, int32 biases on the input×filter scale, and an output scale chosen so a sum of {@code depth} random
 * products spreads over the int8 range without saturating most values.
 */
final class RandomWeights {
  private final Random random;

  RandomWeights(long seed) {
    this.random = new Random(seed);
  }

  float[] floats(int n, float amplitude) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (random.nextFloat() * 2 - 1) * amplitude;
    }
    return a;
  }

  byte[] int8(int n) {
    byte[] a = new byte[n];
    for (int i = 0; i < n; i++) {
      a[i] = (byte) (random.nextInt(255) - 127);
    }
    return a;
  }

  /** Symmetric weight scales: one per channel along {@code axis}, or a single one. */
  Quantization weightScales(int channels, int axis, boolean perChannel) {
    if (!perChannel) {
      return Quantization.perTensor(0.002f + random.nextFloat() * 0.01f, 0);
    }
    float[] scales = new float[channels];
    for (int c = 0; c < channels; c++) {
      scales[c] = 0.002f + random.nextFloat() * 0.01f;
    }
    return Quantization.perChannel(axis, scales, new int[channels]);
  }

  /** Activation quantization with a random zero point. */
  Quantization activation(float scale) {
    return Quantization.perTensor(scale, random.nextInt(41) - 20);
  }

  /** UINT8 activation quantization: zero point near the middle of [0, 255]. */
  Quantization uint8Activation(float scale) {
    return Quantization.perTensor(scale, 108 + random.nextInt(41));
  }

  /** A per-tensor UINT8 (legacy, asymmetric) weight quantization. */
  Quantization uint8WeightScale() {
    return Quantization.perTensor(0.002f + random.nextFloat() * 0.01f, 118 + random.nextInt(21));
  }

  /** Int32 bias quantized with scale input × weight[c] and zero point 0, values within ±{@code range}. */
  int[] bias(int channels, int range) {
    int[] b = new int[channels];
    for (int c = 0; c < channels; c++) {
      b[c] = random.nextInt(2 * range + 1) - range;
    }
    return b;
  }

  static Quantization biasScales(Quantization input, Quantization weights, int channels) {
    float[] scales = new float[channels];
    for (int c = 0; c < channels; c++) {
      scales[c] = input.scale() * weights.scale(weights.channelCount() == 1 ? 0 : c);
    }
    return channels == 1 ? Quantization.perTensor(scales[0], 0) : Quantization.perChannel(0, scales, new int[channels]);
  }

  /** Output scale for a sum of {@code depth} products of random int8 values. */
  static float outputScale(Quantization input, Quantization weights, int depth) {
    double rms = Math.sqrt(depth) * 74 * 73 * input.scale() * weights.scale(0);
    return (float) (rms / 40);
  }
}
