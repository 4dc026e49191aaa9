package ai.fovea.kernels.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.op.ReferenceCheck;
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
  private static final ComputePool POOL = new ComputePool(3);
  private static final int[][][] PAIRS = {
    {{2, 3, 4}, {2, 3, 4}},
    {{2, 3, 4}, {4}},
    {{4}, {2, 3, 4}},
    {{1}, {3, 5}},
    {{3, 5}, {}},
    {{3, 1, 5}, {1, 4, 1}},
    {{2, 3, 4, 5}, {2, 1, 4, 1}},
    {{2, 7, 6, 3}, {2, 7, 6, 1}},
    {{2, 1, 3, 2, 3}, {1, 2, 1, 2, 1}},
    {{1, 5, 1}, {1, 5, 1}},
    {{0, 3}, {3}},
    {{2, 130, 130}, {2, 130, 130}},
    {{160, 150}, {150}},
    {{150, 1}, {150, 161}},
    {{1}, {50001}},
    {{50001}, {1}},
  };
  private static final Activation[] ACTIVATIONS =
      {Activation.NONE, Activation.RELU, Activation.RELU6, Activation.RELU_N1_TO_1};

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  private static Tensor apply(Op op, Tensor a, Tensor b, Quantization outQ) {
    Tensor out = Tensor.allocate("out", a.dataType(), Shape.of(1), outQ);
    op.prepare(new Tensor[] {a, b}, new Tensor[] {out});
    op.run(new Tensor[] {a, b}, new Tensor[] {out});
    return out;
  }

  @Test
  void broadcastsARowAcrossTheLeadingDims() {
    Tensor a = Tensor.ofFloats("a", Shape.of(2, 2), new float[] {1, 2, 3, 4});
    Tensor b = Tensor.ofFloats("b", Shape.of(2), new float[] {10, 20});
    Tensor out = apply(new ArithmeticFloat(BinaryOperation.SUB, Activation.NONE, POOL), a, b, Quantization.none());
    assertEquals(Shape.of(2, 2), out.shape());
    assertArrayEquals(new float[] {-9, -18, -7, -16}, Arrays.copyOf(out.floats(), 4));
  }

  @Test
  void int8AddRoundsHalfAwayFromZero() {
    // 1.5 + 2.0 = 3.5 and -1.5 - 2.0 = -3.5 in an output of scale 1 round to 4 and -4.
    Quantization half = Quantization.perTensor(0.5f, 0);
    Tensor a = Tensor.ofBytes("a", DataType.INT8, Shape.of(2), half, new byte[] {3, -3});
    Tensor b = Tensor.ofBytes("b", DataType.INT8, Shape.of(2), half, new byte[] {4, -4});
    Tensor out = apply(new ArithmeticInt8(BinaryOperation.ADD, Activation.NONE, POOL), a, b,
        Quantization.perTensor(1f, 0));
    assertArrayEquals(new byte[] {4, -4}, Arrays.copyOf(out.bytes(), 2));
  }

  @Test
  void uint8MulScalesTheCentredProductAndClampsToTheActivation() {
    // (130-128)*0.5 * (138-128)*0.25 = 2.5 -> 3 at scale 1, zero point 128 -> 131; RELU_N1_TO_1 caps at 129.
    Tensor a = Tensor.ofBytes("a", DataType.UINT8, Shape.of(1), Quantization.perTensor(0.5f, 128),
        new byte[] {(byte) 130});
    Tensor b = Tensor.ofBytes("b", DataType.UINT8, Shape.of(1), Quantization.perTensor(0.25f, 128),
        new byte[] {(byte) 138});
    Quantization qo = Quantization.perTensor(1f, 128);
    assertEquals(131,
        apply(new ArithmeticInt8(BinaryOperation.MUL, Activation.NONE, POOL), a, b, qo).bytes()[0] & 0xFF);
    assertEquals(129,
        apply(new ArithmeticInt8(BinaryOperation.MUL, Activation.RELU_N1_TO_1, POOL), a, b, qo).bytes()[0] & 0xFF);
  }

  @Test
  void int32ClampsWithIntegerBoundsAndWraps() {
    Tensor a = Tensor.ofInts("a", Shape.of(3), Quantization.none(), new int[] {5, 9, Integer.MAX_VALUE});
    Tensor b = Tensor.ofInts("b", Shape.of(1), Quantization.none(), new int[] {1});
    Tensor relu6 = apply(new ArithmeticInt32(BinaryOperation.ADD, Activation.RELU6, POOL), a, b, Quantization.none());
    assertArrayEquals(new int[] {6, 6, 0}, Arrays.copyOf(relu6.ints(), 3));
    Tensor none = apply(new ArithmeticInt32(BinaryOperation.ADD, Activation.NONE, POOL), a, b, Quantization.none());
    assertEquals(Integer.MIN_VALUE, none.ints()[2]);
  }

  @Test
  void optimizedMatchesReferenceForEveryOperationTypeBroadcastAndActivation() {
    Random r = new Random(9);
    for (BinaryOperation operation : BinaryOperation.values()) {
      for (int[][] pair : PAIRS) {
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT32, DataType.INT8, DataType.UINT8}) {
          Activation act = ACTIVATIONS[r.nextInt(ACTIVATIONS.length)];
          int zp = type == DataType.UINT8 ? 128 : 0;
          Quantization qa = quantization(type, 0.03f, zp + 4);
          Quantization qb = quantization(type, 0.05f + r.nextFloat() * 0.05f, zp - 6);
          Quantization qo = quantization(type, 0.07f, zp + 2);
          Tensor a = ReferenceCheck.random(r, "a", type, Shape.of(pair[0]), qa);
          Tensor b = ReferenceCheck.random(r, "b", type, Shape.of(pair[1]), qb);
          Op op = type == DataType.FLOAT32 ? new ArithmeticFloat(operation, act, POOL)
              : type == DataType.INT32 ? new ArithmeticInt32(operation, act, POOL)
              : new ArithmeticInt8(operation, act, POOL);
          ReferenceCheck.assertFormsAgree(op, new Tensor[] {a, b}, type, qo, 0, r,
              operation + " " + type + " " + act + " " + Arrays.deepToString(pair));
        }
      }
    }
  }

  private static Quantization quantization(DataType type, float scale, int zeroPoint) {
    return type.isByte() ? Quantization.perTensor(scale, zeroPoint) : Quantization.none();
  }

  @Test
  void rejectsShapesThatDoNotBroadcastAndMixedTypes() {
    Op add = new ArithmeticFloat(BinaryOperation.ADD, Activation.NONE, POOL);
    Tensor out = Tensor.allocate("o", DataType.FLOAT32, Shape.of(1));
    Tensor a = Tensor.allocate("a", DataType.FLOAT32, Shape.of(2, 3));
    Tensor b = Tensor.allocate("b", DataType.FLOAT32, Shape.of(4));
    assertThrows(OpPrepareException.class, () -> add.prepare(new Tensor[] {a, b}, new Tensor[] {out}));
    Tensor ints = Tensor.allocate("i", DataType.INT32, Shape.of(3));
    assertThrows(OpPrepareException.class, () -> add.prepare(new Tensor[] {a, ints}, new Tensor[] {out}));
    assertThrows(IllegalArgumentException.class, () -> new ArithmeticInt8(BinaryOperation.MUL, Activation.TANH, POOL));
  }
}
