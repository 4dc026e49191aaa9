package ai.fovea.kernels.conv;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Random;

/** Seeded tensors for the conv-family tests. */
final class KernelFixtures {
  private KernelFixtures() {}

  static Tensor floats(Random r, String name, Shape shape) {
    float[] d = new float[shape.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextFloat() * 2 - 1;
    }
    return Tensor.ofFloats(name, shape, d);
  }

  static Tensor int8(Random r, String name, Shape shape, Quantization q) {
    byte[] d = new byte[shape.size()];
    r.nextBytes(d);
    return Tensor.ofBytes(name, DataType.INT8, shape, q, d);
  }

  static Tensor uint8(Random r, String name, Shape shape, Quantization q) {
    byte[] d = new byte[shape.size()];
    r.nextBytes(d);
    return Tensor.ofBytes(name, DataType.UINT8, shape, q, d);
  }

  static Tensor bias(Random r, int channels) {
    int[] d = new int[channels];
    for (int i = 0; i < channels; i++) {
      d[i] = r.nextInt(4001) - 2000;
    }
    return Tensor.ofInts("bias", Shape.of(channels), Quantization.none(), d);
  }

  static Quantization perChannel(Random r, int channels, int axis) {
    float[] s = new float[channels];
    for (int i = 0; i < channels; i++) {
      s[i] = 0.002f + r.nextFloat() * 0.01f;
    }
    return Quantization.perChannel(axis, s, new int[channels]);
  }
}
