package ai.fovea.kernels.shape;

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

class ArgMaxTest {
  private static final ComputePool POOL = new ComputePool(3);
  private static final DataType[] INPUT_TYPES = {DataType.FLOAT32, DataType.INT8, DataType.UINT8, DataType.INT32};
  private final Random random = new Random(31);

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  @Test
  void optimizedMatchesReferenceForEveryAxisAndType() {
    for (int trial = 0; trial < 300; trial++) {
      boolean large = trial >= 280; // enough outputs to be split over the pool
      int rank = 1 + random.nextInt(large ? 2 : 5);
      Shape shape = RandomTensors.randomShape(rank, large ? 300 : 5, random);
      DataType type = INPUT_TYPES[trial % INPUT_TYPES.length];
      DataType outType = trial % 3 == 0 ? DataType.INT64 : DataType.INT32;
      Tensor in = RandomTensors.of("in", type, shape, random);
      if (type == DataType.INT8 || type == DataType.UINT8) {
        for (int i = 0; i < in.size(); i++) {
          in.bytes()[i] = (byte) (random.nextInt(5) * 60); // few distinct values, so ties are common
        }
      }
      int axis = random.nextInt(rank) - (random.nextBoolean() ? rank : 0);
      Tensor[] inputs = {in, trial % 2 == 0 ? RandomTensors.ints("axis", axis) : RandomTensors.longs("axis", axis)};
      Tensor optimized = RandomTensors.garbageOutput("optimized", outType, Quantization.none(), shape.size(), random);
      Tensor reference = RandomTensors.garbageOutput("reference", outType, Quantization.none(), shape.size(), random);
      ArgMax op = new ArgMax(POOL);
      op.prepare(inputs, new Tensor[] {optimized});
      op.run(inputs, new Tensor[] {optimized});
      op.prepare(inputs, new Tensor[] {reference});
      op.runReference(inputs, new Tensor[] {reference});
      RandomTensors.assertSameContents(reference, optimized, type + " " + shape + " axis " + axis);
    }
  }

  private static int[] argMax(Tensor in, int axis) {
    Tensor out = Tensor.allocate("out", DataType.INT32, Shape.of(1));
    Tensor[] inputs = {in, RandomTensors.ints("axis", axis)};
    ArgMax op = new ArgMax(ComputePool.serial());
    op.prepare(inputs, new Tensor[] {out});
    op.run(inputs, new Tensor[] {out});
    return Arrays.copyOf(out.ints(), out.size());
  }

  @Test
  void givesTheFirstIndexOnTiesAlongAnyAxis() {
    Tensor in = Tensor.ofFloats("in", Shape.of(2, 3), new float[] {1, 5, 5, 7, 7, 2});
    assertArrayEquals(new int[] {1, 0}, argMax(in, 1));
    assertArrayEquals(new int[] {1, 1, 0}, argMax(in, -2));
  }

  @Test
  void neverPicksNaNAfterTheFirstElement() {
    Tensor in = Tensor.ofFloats("in", Shape.of(2, 3), new float[] {0, Float.NaN, 1, Float.NaN, 5, 6});
    assertArrayEquals(new int[] {2, 0}, argMax(in, 1));
  }

  @Test
  void ordersUint8AsUnsignedAndInt8AsSigned() {
    byte[] values = {100, (byte) 200};
    Quantization q = Quantization.perTensor(1f, 0);
    assertArrayEquals(new int[] {1}, argMax(Tensor.ofBytes("u", DataType.UINT8, Shape.of(2), q, values), 0));
    assertArrayEquals(new int[] {0}, argMax(Tensor.ofBytes("s", DataType.INT8, Shape.of(2), q, values), 0));
  }

  @Test
  void rejectsAnAxisOutOfRange() {
    Tensor in = Tensor.allocate("in", DataType.FLOAT32, Shape.of(2, 3));
    OpPrepareException e = assertThrows(OpPrepareException.class, () -> argMax(in, 2));
    assertEquals("ARG_MAX: axis 2 is out of range for rank 2", e.getMessage());
  }
}
