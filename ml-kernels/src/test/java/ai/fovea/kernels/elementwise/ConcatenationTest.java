package ai.fovea.kernels.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

class ConcatenationTest {
  private static final ComputePool POOL = new ComputePool(3);

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  @Test
  void joinsAlongTheLastAxisGivenNegatively() {
    Tensor a = Tensor.ofFloats("a", Shape.of(2, 2), new float[] {1, 2, 3, 4});
    Tensor b = Tensor.ofFloats("b", Shape.of(2, 1), new float[] {5, 6});
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    Op concat = new Concatenation(-1, POOL);
    concat.prepare(new Tensor[] {a, b}, new Tensor[] {out});
    concat.run(new Tensor[] {a, b}, new Tensor[] {out});
    assertEquals(Shape.of(2, 3), out.shape());
    assertArrayEquals(new float[] {1, 2, 5, 3, 4, 6}, Arrays.copyOf(out.floats(), 6));
  }

  @Test
  void uint8InputWithOtherQuantizationIsRequantizedRoundingHalfAway() {
    // Stored 1 at scale 0.5 is 0.5, which at scale 1 rounds to 1; stored 3 is 1.5 -> 2.
    Tensor a = Tensor.ofBytes("a", DataType.UINT8, Shape.of(2), Quantization.perTensor(0.5f, 0), new byte[] {1, 3});
    Tensor b = Tensor.ofBytes("b", DataType.UINT8, Shape.of(1), Quantization.perTensor(1f, 0), new byte[] {7});
    Tensor out = Tensor.allocate("out", DataType.UINT8, Shape.of(1), Quantization.perTensor(1f, 0));
    Op concat = new Concatenation(0, POOL);
    concat.prepare(new Tensor[] {a, b}, new Tensor[] {out});
    concat.run(new Tensor[] {a, b}, new Tensor[] {out});
    assertArrayEquals(new byte[] {1, 2, 7}, Arrays.copyOf(out.bytes(), 3));
  }

  @Test
  void optimizedMatchesReferenceForEveryTypeAxisAndInputCount() {
    Random r = new Random(4);
    DataType[] types = {DataType.FLOAT32, DataType.INT32, DataType.INT64, DataType.INT8, DataType.UINT8};
    for (int trial = 0; trial < 200; trial++) {
      DataType type = types[trial % types.length];
      int rank = 1 + r.nextInt(5);
      int[] dims = new int[rank];
      for (int d = 0; d < rank; d++) {
        dims[d] = 1 + r.nextInt(4);
      }
      int axis = r.nextInt(2 * rank) - rank;
      int resolved = axis < 0 ? axis + rank : axis;
      Quantization qo = type.isByte() ? Quantization.perTensor(0.05f, type == DataType.UINT8 ? 120 : 3)
          : Quantization.none();
      Tensor[] inputs = new Tensor[1 + r.nextInt(4)];
      for (int i = 0; i < inputs.length; i++) {
        int[] d = dims.clone();
        d[resolved] = r.nextInt(4);
        Quantization q = type == DataType.UINT8 && r.nextBoolean()
            ? Quantization.perTensor(0.01f + r.nextFloat() * 0.1f, r.nextInt(256)) : qo;
        inputs[i] = ReferenceCheck.random(r, "in" + i, type, Shape.of(d), q);
      }
      ReferenceCheck.assertFormsAgree(new Concatenation(axis, POOL), inputs, type, qo, 0, r,
          "trial " + trial + " " + type + " axis " + axis + " " + Arrays.toString(inputs));
    }
    Tensor big = ReferenceCheck.random(r, "big", DataType.UINT8, Shape.of(64, 40, 20), Quantization.perTensor(0.1f, 9));
    Tensor other =
        ReferenceCheck.random(r, "other", DataType.UINT8, Shape.of(64, 40, 7), Quantization.perTensor(0.2f, 1));
    ReferenceCheck.assertFormsAgree(new Concatenation(2, POOL), new Tensor[] {big, other}, DataType.UINT8,
        Quantization.perTensor(0.2f, 1), 0, r, "parallel over the outer dims");
  }

  @Test
  void rejectsInt8InputsThatWouldNeedRequantizationAndMismatchedDims() {
    Tensor a = Tensor.allocate("a", DataType.INT8, Shape.of(2, 2), Quantization.perTensor(0.1f, 0));
    Tensor b = Tensor.allocate("b", DataType.INT8, Shape.of(2, 2), Quantization.perTensor(0.2f, 0));
    Tensor out = Tensor.allocate("out", DataType.INT8, Shape.of(1), Quantization.perTensor(0.1f, 0));
    Op concat = new Concatenation(1, POOL);
    assertThrows(OpPrepareException.class, () -> concat.prepare(new Tensor[] {a, b}, new Tensor[] {out}));
    Tensor c = Tensor.allocate("c", DataType.INT8, Shape.of(3, 2), Quantization.perTensor(0.1f, 0));
    assertThrows(OpPrepareException.class, () -> concat.prepare(new Tensor[] {a, c}, new Tensor[] {out}));
    Op badAxis = new Concatenation(2, POOL);
    assertThrows(OpPrepareException.class, () -> badAxis.prepare(new Tensor[] {a}, new Tensor[] {out}));
  }
}
