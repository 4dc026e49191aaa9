package ai.fovea.kernels.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SoftmaxTest {
  private static final ComputePool POOL = new ComputePool(2);

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  private static Tensor run(Softmax softmax, Tensor in, Tensor out) {
    softmax.prepare(new Tensor[] {in}, new Tensor[] {out});
    softmax.run(new Tensor[] {in}, new Tensor[] {out});
    return out;
  }

  @Test
  void floatRowsSumToOneAlongTheLastAxis() {
    Tensor in = Tensor.ofFloats("in", Shape.of(2, 3), new float[] {1, 2, 3, -5, 0, 5});
    Tensor out = run(new Softmax(1f, POOL), in, Tensor.allocate("out", DataType.FLOAT32, Shape.of(1)));
    assertEquals(1.0, out.floats()[0] + out.floats()[1] + out.floats()[2], 1e-6);
    assertEquals(0.0900306, out.floats()[0], 1e-6);
    assertEquals(0.9932621, out.floats()[5], 1e-6);
  }

  @Test
  void equalInputsShareTheUnitEvenlyOnTheFixedScale() {
    // Three equal int8 values: p = 1/3 -> 85.33 on scale 1/256, rounded to 85, plus -128. Two uint8: 0.5 -> 128.
    Quantization q = Quantization.perTensor(0.1f, 0);
    Tensor int8 = Tensor.ofBytes("in", DataType.INT8, Shape.of(3), q, new byte[] {7, 7, 7});
    Tensor outInt8 = run(new Softmax(1f, POOL), int8,
        Tensor.allocate("o", DataType.INT8, Shape.of(1), Quantization.perTensor(1f / 256, -128)));
    assertArrayEquals(new byte[] {-43, -43, -43}, Arrays.copyOf(outInt8.bytes(), 3));
    Tensor uint8 = Tensor.ofBytes("in", DataType.UINT8, Shape.of(2), q, new byte[] {9, 9});
    Tensor outUint8 = run(new Softmax(1f, POOL), uint8,
        Tensor.allocate("o", DataType.UINT8, Shape.of(1), Quantization.perTensor(1f / 256, 0)));
    assertArrayEquals(new byte[] {(byte) 128, (byte) 128}, Arrays.copyOf(outUint8.bytes(), 2));
  }

  @Test
  void eightBitOutputNeedsScaleNearOneOver256AndTheTypesZeroPoint() {
    Tensor in = Tensor.allocate("in", DataType.INT8, Shape.of(4), Quantization.perTensor(0.1f, 0));
    Softmax softmax = new Softmax(1f, POOL);
    // TFLite accepts the scale to within 0.1 %.
    softmax.prepare(new Tensor[] {in}, new Tensor[] {
        Tensor.allocate("o", DataType.INT8, Shape.of(4), Quantization.perTensor(1.0009f / 256, -128))});
    for (Quantization bad : new Quantization[] {Quantization.perTensor(1.0011f / 256, -128),
        Quantization.perTensor(1f / 256, 0), Quantization.perTensor(1f / 128, -128)}) {
      Tensor out = Tensor.allocate("o", DataType.INT8, Shape.of(4), bad);
      assertThrows(OpPrepareException.class, () -> softmax.prepare(new Tensor[] {in}, new Tensor[] {out}), "" + bad);
    }
    Tensor u = Tensor.allocate("in", DataType.UINT8, Shape.of(4), Quantization.perTensor(0.1f, 0));
    Tensor shifted = Tensor.allocate("o", DataType.UINT8, Shape.of(4), Quantization.perTensor(1f / 256, 10));
    assertThrows(OpPrepareException.class, () -> softmax.prepare(new Tensor[] {u}, new Tensor[] {shifted}));
  }

  @Test
  void threadedRowsMatchTheReferenceForEveryType() {
    Random random = new Random(11);
    Shape shape = Shape.of(4, 50, 7, 10);
    for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8, DataType.UINT8}) {
      Quantization qin = type == DataType.FLOAT32 ? Quantization.none() : Quantization.perTensor(0.08f, 3);
      Quantization qout = type == DataType.FLOAT32 ? Quantization.none()
          : Quantization.perTensor(1f / 256, type == DataType.INT8 ? -128 : 0);
      Tensor in = Tensor.allocate("in", type, shape, qin);
      if (type == DataType.FLOAT32) {
        for (int i = 0; i < in.size(); i++) {
          in.floats()[i] = (float) random.nextGaussian() * 4;
        }
      } else {
        random.nextBytes(in.bytes());
      }
      Softmax softmax = new Softmax(0.7f, POOL);
      Tensor fast = run(softmax, in, Tensor.allocate("f", type, Shape.of(1), qout));
      Tensor slow = Tensor.allocate("s", type, Shape.of(1), qout);
      softmax.prepare(new Tensor[] {in}, new Tensor[] {slow});
      softmax.runReference(new Tensor[] {in}, new Tensor[] {slow});
      if (type == DataType.FLOAT32) {
        for (int i = 0; i < in.size(); i++) {
          assertEquals(slow.floats()[i], fast.floats()[i], 1e-6 * Math.max(1, slow.floats()[i]), "element " + i);
        }
      } else {
        assertArrayEquals(Arrays.copyOf(slow.bytes(), in.size()), Arrays.copyOf(fast.bytes(), in.size()), "" + type);
      }
    }
  }
}
