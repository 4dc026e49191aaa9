package ai.fovea.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StridedCopyTest {
  @Test
  void copiesEveryGridElementToItsPlaceForAnyStepsAndSplit() {
    Random random = new Random(11);
    for (int trial = 0; trial < 300; trial++) {
      int rank = random.nextInt(StridedCopy.MAX_RANK + 1);
      int[] counts = new int[rank];
      for (int k = 0; k < rank; k++) {
        counts[k] = 1 + random.nextInt(4);
      }
      // The source is a dense array visited in a random axis order and direction; the destination is dense.
      int[] order = shuffledAxes(rank, random);
      int[] srcSteps = new int[rank];
      int srcOffset = 0;
      int step = 1;
      for (int j = rank - 1; j >= 0; j--) {
        int axis = order[j];
        boolean backwards = random.nextInt(4) == 0;
        srcSteps[axis] = backwards ? -step : step;
        if (backwards) {
          srcOffset += (counts[axis] - 1) * step;
        }
        step *= counts[axis];
      }
      int[] dstSteps = StridedCopy.rowMajorSteps(counts);
      int total = step;
      int[] src = new int[total];
      for (int i = 0; i < total; i++) {
        src[i] = random.nextInt();
      }
      int[] expected = new int[total];
      int[] index = new int[rank];
      for (int o = 0; o < total; o++) {
        int rest = o;
        int s = srcOffset;
        for (int k = rank - 1; k >= 0; k--) {
          index[k] = rest % counts[k];
          rest /= counts[k];
          s += index[k] * srcSteps[k];
        }
        expected[o] = src[s];
      }
      StridedCopy plan = StridedCopy.of(counts, srcOffset, srcSteps, 0, dstSteps);
      assertEquals(total, plan.rows() * plan.rowLength(), "rows x row length covers the grid");
      int[] whole = new int[total];
      plan.copy(Elements.INTS, src, whole);
      assertArrayEquals(expected, whole, "trial " + trial);
      int[] split = new int[total];
      int cut = random.nextInt(plan.rows() + 1);
      plan.copyRows(Elements.INTS, src, split, cut, plan.rows());
      plan.copyRows(Elements.INTS, src, split, 0, cut);
      assertArrayEquals(expected, split, "trial " + trial + " split at row " + cut);
    }
  }

  @Test
  void mergesAxesContiguousOnBothSidesIntoOneRun() {
    // [2,3,4] copied densely to densely is one run of 24.
    StridedCopy dense = StridedCopy.of(new int[] {2, 3, 4}, 0, new int[] {12, 4, 1}, 0, new int[] {12, 4, 1});
    assertEquals(1, dense.rows());
    assertEquals(24, dense.rowLength());
    // A [2,3,4] block inside a [2,5,4] array: the last two axes merge only on the side where they are adjacent.
    StridedCopy block = StridedCopy.of(new int[] {2, 3, 4}, 0, new int[] {12, 4, 1}, 4, new int[] {20, 4, 1});
    assertEquals(2, block.rows());
    assertEquals(12, block.rowLength());
  }

  @Test
  void aZeroExtentCopiesNothing() {
    int[] dst = {7, 7};
    StridedCopy.of(new int[] {3, 0}, 0, new int[] {1, 1}, 0, new int[] {1, 1}).copy(Elements.INTS, new int[] {1, 2, 3}, dst);
    assertArrayEquals(new int[] {7, 7}, dst);
  }

  private static int[] shuffledAxes(int rank, Random random) {
    int[] order = new int[rank];
    for (int i = 0; i < rank; i++) {
      order[i] = i;
    }
    for (int i = rank - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
