package ai.fovea.kernels.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Op;
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

class ArithmeticTest {
  private static final ComputePool POOL = new ComputePool(2);
  private static final int[][][] PAIRS = {{{2, 3, 4}, {2, 3, 4}}, {{2, 3, 4}, {4}}, {{1}, {3, 5}}, {{3, 1, 5}, {1, 4, 1}},
      {{200, 300}, {300}}};

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  @Test
  void broadcastsARowAcrossTheLeadingDims() {
    Tensor a = Tensor.ofFloats("a", Shape.of(2, 2), new float[] {1, 2, 3, 4});
    Tensor b = Tensor.ofFloats("b", Shape.of(2), new float[] {10, 20});
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    Op add = new ArithmeticFloat(BinaryOperation.ADD, Activation.NONE, POOL);
    add.prepare(new Tensor[] {a, b}, new Tensor[] {out});
    add.run(new Tensor[] {a, b}, new Tensor[] {out});
    assertEquals(Shape.of(2, 2), out.shape());
    assertArrayEquals(new float[] {11, 22, 13, 24}, Arrays.copyOf(out.floats(), 4));
  }

  @Test
  void optimizedMatchesReferenceForEveryOperationTypeAndBroadcast() {
    Random r = new Random(9);
    for (BinaryOperation operation : BinaryOperation.values()) {
      for (int[][] pair : PAIRS) {
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT32, DataType.INT8, DataType.UINT8}) {
          Tensor a = random(r, type, Shape.of(pair[0]), 0.03f, 4);
          Tensor b = random(r, type, Shape.of(pair[1]), 0.05f, -6);
          Quantization qo = type.isByte() ? Quantization.perTensor(0.07f, 2) : Quantization.none();
          Op op = type.isByte() ? new QuantizedArithmetic(operation, Activation.RELU6, POOL)
              : new ArithmeticFloat(operation, Activation.RELU6, POOL);
          Tensor fast = Tensor.allocate("f", type, Shape.of(1), qo);
          Tensor slow = Tensor.allocate("s", type, Shape.of(1), qo);
          op.prepare(new Tensor[] {a, b}, new Tensor[] {fast});
          op.run(new Tensor[] {a, b}, new Tensor[] {fast});
          op.prepare(new Tensor[] {a, b}, new Tensor[] {slow});
          op.runReference(new Tensor[] {a, b}, new Tensor[] {slow});
          String what = operation + " " + type + " " + Arrays.deepToString(pair);
          switch (type) {
            case FLOAT32:
              assertArrayEquals(Arrays.copyOf(slow.floats(), slow.size()), Arrays.copyOf(fast.floats(), fast.size()),
                  what);
              break;
            case INT32:
              assertArrayEquals(Arrays.copyOf(slow.ints(), slow.size()), Arrays.copyOf(fast.ints(), fast.size()), what);
              break;
            default:
              assertArrayEquals(Arrays.copyOf(slow.bytes(), slow.size()), Arrays.copyOf(fast.bytes(), fast.size()),
                  what);
          }
        }
      }
    }
  }

  private static Tensor random(Random r, DataType type, Shape shape, float scale, int zeroPoint) {
    Quantization q = type.isByte() ? Quantization.perTensor(scale, type == DataType.UINT8 ? 128 + zeroPoint : zeroPoint)
        : Quantization.none();
    Tensor t = Tensor.allocate("t", type, shape, q);
    for (int i = 0; i < t.size(); i++) {
      if (type == DataType.FLOAT32) {
        t.floats()[i] = r.nextFloat() * 8 - 4;
      } else if (type == DataType.INT32) {
        t.ints()[i] = r.nextInt(21) - 10;
      }
    }
    if (type.isByte()) {
      r.nextBytes(t.bytes());
    }
    return t;
  }

  @Test
  void rejectsShapesThatDoNotBroadcast() {
    Tensor a = Tensor.allocate("a", DataType.FLOAT32, Shape.of(2, 3));
    Tensor b = Tensor.allocate("b", DataType.FLOAT32, Shape.of(4));
    Op add = new ArithmeticFloat(BinaryOperation.ADD, Activation.NONE, POOL);
    assertThrows(OpPrepareException.class,
        () -> add.prepare(new Tensor[] {a, b}, new Tensor[] {Tensor.allocate("o", DataType.FLOAT32, Shape.of(1))}));
  }
}
