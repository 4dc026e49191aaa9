package ai.fovea.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TransposeTest {
  private static final ComputePool POOL = new ComputePool(3);
  private final Random random = new Random(17);

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  @Test
  void optimizedMatchesReferenceForEveryRankPermutationAndType() {
    for (int trial = 0; trial < 400; trial++) {
      int rank = random.nextInt(Transpose.MAX_RANK + 1);
      DataType type = RandomTensors.TYPES[trial % RandomTensors.TYPES.length];
      Shape shape = RandomTensors.randomShape(rank, 5, random);
      int[] perm = shuffled(rank);
      Tensor[] inputs = {RandomTensors.of("in", type, shape, random), RandomTensors.ints("perm", perm)};
      RandomTensors.assertFormsAgree(new Transpose(POOL), inputs, shape.size(), random,
          type + " " + shape + " perm " + Arrays.toString(perm));
    }
  }

  @Test
  void splitsLargeTransposesOverThePool() {
    Shape shape = Shape.of(2, 37, 41, 29);
    Tensor[] inputs = {RandomTensors.of("in", DataType.FLOAT32, shape, random), RandomTensors.ints("perm", 0, 3, 1, 2)};
    RandomTensors.assertFormsAgree(new Transpose(POOL), inputs, shape.size(), random, "NHWC to NCHW");
    inputs[1] = RandomTensors.ints("perm", 2, 1, 0, 3);
    RandomTensors.assertFormsAgree(new Transpose(POOL), inputs, shape.size(), random, "innermost axis stays");
  }

  @Test
  void transposesAMatrix() {
    Tensor in = Tensor.ofFloats("in", Shape.of(2, 3), new float[] {1, 2, 3, 4, 5, 6});
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(6));
    Tensor[] inputs = {in, RandomTensors.ints("perm", 1, 0)};
    Transpose op = new Transpose(ComputePool.serial());
    op.prepare(inputs, new Tensor[] {out});
    op.run(inputs, new Tensor[] {out});
    assertEquals(Shape.of(3, 2), out.shape());
    assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, out.floats());
  }

  @Test
  void rejectsRepeatedOrNegativeAxesAndRanksBeyondTflite() {
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    Tensor[] repeated = {Tensor.allocate("in", DataType.FLOAT32, Shape.of(2, 2)), RandomTensors.ints("perm", 1, 1)};
    OpPrepareException e = assertThrows(OpPrepareException.class,
        () -> new Transpose(POOL).prepare(repeated, new Tensor[] {out}));
    assertEquals("TRANSPOSE: perm[1] = 1 is out of range or repeated", e.getMessage());
    Tensor[] negative = {Tensor.allocate("in", DataType.FLOAT32, Shape.of(2, 2)), RandomTensors.ints("perm", 1, -2)};
    assertThrows(OpPrepareException.class, () -> new Transpose(POOL).prepare(negative, new Tensor[] {out}));
    Tensor[] sixD = {Tensor.allocate("in", DataType.FLOAT32, Shape.of(1, 1, 1, 1, 1, 1)),
        RandomTensors.ints("perm", 0, 1, 2, 3, 4, 5)};
    assertThrows(OpPrepareException.class, () -> new Transpose(POOL).prepare(sixD, new Tensor[] {out}));
  }

  private int[] shuffled(int rank) {
    int[] perm = new int[rank];
    for (int i = 0; i < rank; i++) {
      perm[i] = i;
    }
    for (int i = rank - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return perm;
  }
}
