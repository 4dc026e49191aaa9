package ai.fovea.kernels.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QuantizeTest {
  @Test
  void roundsHalfAwayFromZeroAndClamps() {
    Tensor in = Tensor.ofFloats("in", Shape.of(5), new float[] {0.25f, -0.25f, 0.75f, 100f, -100f});
    Tensor out = Tensor.allocate("out", DataType.INT8, Shape.of(1), Quantization.perTensor(0.5f, 1));
    Quantize q = new Quantize();
    q.prepare(new Tensor[] {in}, new Tensor[] {out});
    q.run(new Tensor[] {in}, new Tensor[] {out});
    // 0.5 -> 1, -0.5 -> -1, 1.5 -> 2, then + zero point 1, clamped to [-128, 127]
    assertArrayEquals(new byte[] {2, 0, 3, 127, -128}, Arrays.copyOf(out.bytes(), 5));
  }

  @Test
  void requantizationTableMatchesTheDirectRule() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    Tensor in = Tensor.ofBytes("in", DataType.UINT8, Shape.of(256), Quantization.perTensor(0.03f, 131), all);
    Tensor fast = Tensor.allocate("f", DataType.INT8, Shape.of(1), Quantization.perTensor(0.05f, -3));
    Tensor slow = Tensor.allocate("s", DataType.INT8, Shape.of(1), Quantization.perTensor(0.05f, -3));
    Quantize q = new Quantize();
    q.prepare(new Tensor[] {in}, new Tensor[] {fast});
    q.run(new Tensor[] {in}, new Tensor[] {fast});
    q.prepare(new Tensor[] {in}, new Tensor[] {slow});
    q.runReference(new Tensor[] {in}, new Tensor[] {slow});
    assertArrayEquals(Arrays.copyOf(slow.bytes(), 256), Arrays.copyOf(fast.bytes(), 256));
  }

  @Test
  void halfToFloatCoversNormalsSubnormalsAndSpecials() {
    assertEquals(1f, Dequantize.halfToFloat((short) 0x3C00));
    assertEquals(-2f, Dequantize.halfToFloat((short) 0xC000));
    assertEquals(65504f, Dequantize.halfToFloat((short) 0x7BFF));
    assertEquals(0x1p-24f, Dequantize.halfToFloat((short) 0x0001));
    assertEquals(Float.NEGATIVE_INFINITY, Dequantize.halfToFloat((short) 0xFC00));
    assertEquals(true, Float.isNaN(Dequantize.halfToFloat((short) 0x7E00)));
  }
}
