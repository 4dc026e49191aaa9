package ai.fovea.kernels.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantizeTest {
  @Test
  void roundsHalfAwayFromZeroAndClamps() {
    Tensor in = Tensor.ofFloats("in", Shape.of(5), new float[] {0.25f, -0.25f, 0.75f, 100f, -100f});
    Tensor out = Tensor.allocate("out", DataType.INT8, Shape.of(1), Quantization.perTensor(0.5f, 1));
    Quantize q = new Quantize(ComputePool.serial());
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
    Quantize q = new Quantize(ComputePool.serial());
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

  @Test
  void dividesInDoubleLikeTfliteSoFloatRoundingCannotMakeAHalf() {
    // 2.25f / 0.1f is exactly 22.5 in float but 22.4999997 in double, which TFLite's AffineQuantize uses.
    Tensor in = Tensor.ofFloats("in", Shape.of(2), new float[] {2.25f, -5.35f});
    Tensor out = Tensor.allocate("out", DataType.INT8, Shape.of(1), Quantization.perTensor(0.1f, 0));
    Quantize q = new Quantize(ComputePool.serial());
    q.prepare(new Tensor[] {in}, new Tensor[] {out});
    q.run(new Tensor[] {in}, new Tensor[] {out});
    assertArrayEquals(new byte[] {22, -53}, Arrays.copyOf(out.bytes(), 2));
  }

  @Test
  void everyEightBitPairAndLargeFloatInputsMatchTheReference() {
    Random random = new Random(4);
    try (ComputePool pool = new ComputePool(2)) {
      DataType[] types = {DataType.FLOAT32, DataType.INT8, DataType.UINT8};
      for (DataType from : types) {
        for (DataType to : new DataType[] {DataType.INT8, DataType.UINT8}) {
          Quantization qin = from == DataType.FLOAT32 ? Quantization.none()
              : Quantization.perTensor(0.04f, from == DataType.UINT8 ? 120 : -6);
          Tensor in = Tensor.allocate("in", from, Shape.of(2, 300, 200), qin);
          if (from == DataType.FLOAT32) {
            for (int i = 0; i < in.size(); i++) {
              in.floats()[i] = (float) random.nextGaussian() * 3;
            }
          } else {
            random.nextBytes(in.bytes());
          }
          Quantization qout = Quantization.perTensor(0.03f, to == DataType.UINT8 ? 131 : 5);
          assertFormsAgree(new Quantize(pool), in, to, qout);
        }
      }
    }
  }

  @Test
  void dequantizesPerTensorAndPerChannelAlongTheQuantizedAxis() {
    Tensor perChannel = Tensor.ofBytes("w", DataType.INT8, Shape.of(2, 3),
        Quantization.perChannel(1, new float[] {0.5f, 0.25f, 2f}, new int[] {0, 1, -1}),
        new byte[] {2, 5, -3, 4, -1, 0});
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    Dequantize d = new Dequantize(ComputePool.serial());
    d.prepare(new Tensor[] {perChannel}, new Tensor[] {out});
    d.run(new Tensor[] {perChannel}, new Tensor[] {out});
    assertArrayEquals(new float[] {1f, 1f, -4f, 2f, -0.5f, 2f}, Arrays.copyOf(out.floats(), 6));
    Random random = new Random(8);
    try (ComputePool pool = new ComputePool(2)) {
      for (Quantization q : new Quantization[] {Quantization.perTensor(0.07f, 9),
          Quantization.perChannel(2, new float[] {0.1f, 0.2f, 0.3f, 0.4f}, new int[] {1, 2, 3, 4})}) {
        Tensor in = Tensor.allocate("in", DataType.UINT8, Shape.of(200, 90, 4), q);
        random.nextBytes(in.bytes());
        assertFormsAgree(new Dequantize(pool), in, DataType.FLOAT32, Quantization.none());
      }
    }
  }

  private static void assertFormsAgree(Op op, Tensor in, DataType outType, Quantization qout) {
    Tensor fast = Tensor.allocate("f", outType, Shape.of(1), qout);
    Tensor slow = Tensor.allocate("s", outType, Shape.of(1), qout);
    op.prepare(new Tensor[] {in}, new Tensor[] {fast});
    op.run(new Tensor[] {in}, new Tensor[] {fast});
    op.prepare(new Tensor[] {in}, new Tensor[] {slow});
    op.runReference(new Tensor[] {in}, new Tensor[] {slow});
    String what = in.dataType() + " -> " + outType;
    if (outType == DataType.FLOAT32) {
      assertArrayEquals(Arrays.copyOf(slow.floats(), in.size()), Arrays.copyOf(fast.floats(), in.size()), what);
    } else {
      assertArrayEquals(Arrays.copyOf(slow.bytes(), in.size()), Arrays.copyOf(fast.bytes(), in.size()), what);
    }
  }
}
