package ai.fovea.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StridedSliceTest {
  private final Random random = new Random(29);

  @Test
  void optimizedMatchesReferenceForEveryMaskStrideAndType() {
    for (int trial = 0; trial < 600; trial++) {
      int rank = 1 + random.nextInt(StridedSlice.MAX_RANK);
      DataType type = RandomTensors.TYPES[trial % RandomTensors.TYPES.length];
      Shape shape = RandomTensors.randomShape(rank, 6, random);
      int[] begin = new int[rank];
      int[] end = new int[rank];
      int[] strides = new int[rank];
      for (int i = 0; i < rank; i++) {
        int n = shape.dim(i);
        begin[i] = random.nextInt(2 * n + 5) - n - 2;
        end[i] = random.nextInt(2 * n + 5) - n - 2;
        strides[i] = (1 + random.nextInt(3)) * (random.nextBoolean() ? 1 : -1);
      }
      int all = (1 << rank) - 1;
      int ellipsis = random.nextInt(4) == 0 ? 1 << random.nextInt(rank) : 0;
      int newAxes = random.nextInt(4) == 0 ? random.nextInt(all + 1) : 0;
      StridedSliceParams params = StridedSliceParams.of(random.nextInt(all + 1), random.nextInt(all + 1), ellipsis,
          Integer.bitCount(newAxes) + rank > StridedSlice.MAX_RANK ? 0 : newAxes, 0);
      Tensor[] inputs = {RandomTensors.of("in", type, shape, random), RandomTensors.ints("begin", begin),
          RandomTensors.ints("end", end), RandomTensors.ints("strides", strides)};
      RandomTensors.assertFormsAgree(new StridedSlice(params), inputs, shape.size(), random,
          type + " " + shape + " begin " + Arrays.toString(begin) + " end " + Arrays.toString(end) + " strides "
              + Arrays.toString(strides));
    }
  }

  private static Tensor slice(StridedSliceParams params, Tensor in, int[] begin, int[] end, int[] strides) {
    Tensor out = Tensor.allocate("out", in.dataType(), Shape.of(in.size()));
    Tensor[] inputs = {in, RandomTensors.ints("begin", begin), RandomTensors.ints("end", end),
        RandomTensors.ints("strides", strides)};
    StridedSlice op = new StridedSlice(params);
    op.prepare(inputs, new Tensor[] {out});
    op.run(inputs, new Tensor[] {out});
    return out;
  }

  private static int[] values(Tensor t) {
    return Arrays.copyOf(t.ints(), t.size());
  }

  private static Tensor range(int... dims) {
    Shape shape = Shape.of(dims);
    int[] values = new int[shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    return Tensor.ofInts("in", shape, Quantization.none(), values);
  }

  @Test
  void walksBackwardsWithNegativeStrides() {
    Tensor out = slice(StridedSliceParams.of(0, 0), range(10), new int[] {8}, new int[] {2}, new int[] {-2});
    assertArrayEquals(new int[] {8, 6, 4}, values(out));
    Tensor reversed = slice(StridedSliceParams.of(1, 1), range(4), new int[] {0}, new int[] {0}, new int[] {-1});
    assertArrayEquals(new int[] {3, 2, 1, 0}, values(reversed));
  }

  @Test
  void countsNegativeIndicesFromTheEnd() {
    Tensor out = slice(StridedSliceParams.of(0, 0), range(6), new int[] {-4}, new int[] {-1}, new int[] {1});
    assertArrayEquals(new int[] {2, 3, 4}, values(out));
  }

  @Test
  void shrinksAnAxisToTheElementAtBegin() {
    Tensor out = slice(StridedSliceParams.of(0, 0, 0, 0, 1), range(3, 2), new int[] {-2, 0}, new int[] {0, 2},
        new int[] {1, 1});
    assertEquals(Shape.of(2), out.shape());
    assertArrayEquals(new int[] {2, 3}, values(out));
  }

  @Test
  void clampsAForwardBeginPastTheEndToAnEmptySlice() {
    Tensor out = slice(StridedSliceParams.of(0, 0), range(4), new int[] {5}, new int[] {6}, new int[] {1});
    assertEquals(Shape.of(0), out.shape());
  }

  @Test
  void expandsTheEllipsisIntoTheUnnamedAxes() {
    // x[..., 1] of a [2,2,3] tensor: the ellipsis covers the first two axes.
    Tensor out = slice(StridedSliceParams.of(0, 0, 1, 0, 2), range(2, 2, 3), new int[] {0, 1}, new int[] {0, 2},
        new int[] {1, 1});
    assertEquals(Shape.of(2, 2), out.shape());
    assertArrayEquals(new int[] {1, 4, 7, 10}, values(out));
  }

  @Test
  void insertsNewAxesOfExtentOne() {
    // x[np.newaxis, 1:] of a [3] tensor.
    Tensor out = slice(StridedSliceParams.of(0, 0, 0, 1, 0), range(3), new int[] {0, 1}, new int[] {0, 3},
        new int[] {1, 1});
    assertEquals(Shape.of(1, 2), out.shape());
    assertArrayEquals(new int[] {1, 2}, values(out));
  }

  @Test
  void rejectsZeroStridesShrinkingOutsideTheAxisAndTooManyAxes() {
    Tensor in = range(4);
    OpPrepareException zero = assertThrows(OpPrepareException.class,
        () -> slice(StridedSliceParams.of(0, 0), in, new int[] {0}, new int[] {4}, new int[] {0}));
    assertEquals("STRIDED_SLICE: strides[0] is 0", zero.getMessage());
    assertThrows(OpPrepareException.class,
        () -> slice(StridedSliceParams.of(0, 0, 0, 0, 1), in, new int[] {4}, new int[] {5}, new int[] {1}));
    assertThrows(OpPrepareException.class, () -> slice(StridedSliceParams.of(0, 0, 0, 3, 0), range(1, 1, 1, 1),
        new int[] {0, 0, 0}, new int[] {1, 1, 1}, new int[] {1, 1, 1}));
  }
}
