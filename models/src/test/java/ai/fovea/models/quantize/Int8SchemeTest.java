package ai.fovea.models.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Int8SchemeTest {
  @Test
  void activationRangeIsWidenedToRepresentZeroExactly() {
    Quantization positive = Int8Scheme.activation(0.5f, 6f);
    assertEquals(6f / 255, positive.scale(), 1e-9);
    assertEquals(-128, positive.zeroPoint());
    Quantization negative = Int8Scheme.activation(-4f, -1f);
    assertEquals(4f / 255, negative.scale(), 1e-9);
    assertEquals(127, negative.zeroPoint());
    Quantization mixed = Int8Scheme.activation(-1f, 3f);
    assertEquals(4f / 255, mixed.scale(), 1e-9);
    // -128 - (-1) / (4/255) = -64.25 -> -64
    assertEquals(-64, mixed.zeroPoint());
  }

  @Test
  void anAlwaysZeroTensorGetsAUsableScale() {
    Quantization q = Int8Scheme.activation(0f, 0f);
    assertEquals(1f / 255, q.scale(), 1e-9);
    assertEquals(-128, q.zeroPoint());
    assertThrows(IllegalArgumentException.class, () -> Int8Scheme.activation(1f, 0f));
    assertThrows(IllegalArgumentException.class, () -> Int8Scheme.activation(Float.NaN, 0f));
  }

  @Test
  void perChannelWeightsMapEachChannelsLargestMagnitudeTo127() {
    // [2 channels, 3] along axis 0; channel 1 is all zero.
    float[] w = {0.5f, -1.27f, 0.01f, 0f, 0f, 0f};
    Quantization q = Int8Scheme.symmetricWeights(w, Shape.of(2, 3), 0);
    assertEquals(0.01f, q.scale(0), 1e-9);
    assertEquals(1f, q.scale(1));
    assertArrayEquals(new int[] {0, 0}, q.zeroPoints());
    assertArrayEquals(new byte[] {50, -127, 1, 0, 0, 0}, Int8Scheme.quantize(w, Shape.of(2, 3), q));
  }

  @Test
  void depthwiseWeightsAreQuantizedAlongTheInnermostAxis() {
    Random random = new Random(3);
    Shape shape = Shape.of(1, 3, 3, 4);
    float[] w = new float[shape.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) random.nextGaussian() * (1 + i % 4);
    }
    Quantization q = Int8Scheme.symmetricWeights(w, shape, 3);
    byte[] b = Int8Scheme.quantize(w, shape, q);
    for (int c = 0; c < 4; c++) {
      int maxAbs = 0;
      for (int i = c; i < w.length; i += 4) {
        maxAbs = Math.max(maxAbs, Math.abs(b[i]));
        assertEquals(w[i], b[i] * q.scale(c), q.scale(c) / 2 + 1e-7);
      }
      assertEquals(127, maxAbs);
    }
  }

  @Test
  void perTensorWeightsShareOneScale() {
    float[] w = {0.2f, -0.4f, 0.1f, 0.3f};
    Quantization q = Int8Scheme.symmetricWeights(w, Shape.of(2, 2), -1);
    assertEquals(1, q.channelCount());
    assertEquals(0.4f / 127, q.scale(), 1e-9);
  }

  @Test
  void biasScaleIsTheFloatProductOfInputAndWeightScales() {
    Quantization w = Quantization.perChannel(0, new float[] {0.003f, 0.007f}, new int[2]);
    Quantization b = Int8Scheme.bias(0.0235f, w, 2);
    assertEquals(0.0235f * 0.003f, b.scale(0));
    assertEquals(0.0235f * 0.007f, b.scale(1));
    int[] q = Int8Scheme.quantizeBias(new float[] {0.0235f * 0.003f * 10.5f, -1e30f}, b);
    assertEquals(11, q[0]);
    assertEquals(Integer.MIN_VALUE, q[1]);
  }

  @Test
  void quantizeRoundsHalfAwayFromZeroAndSaturates() {
    Quantization q = Quantization.perTensor(0.5f, 0);
    assertArrayEquals(new byte[] {1, -1, 2, -2, 127, -128},
        Int8Scheme.quantize(new float[] {0.25f, -0.25f, 0.75f, -0.75f, 1000f, -1000f}, Shape.of(6), q));
  }
}
