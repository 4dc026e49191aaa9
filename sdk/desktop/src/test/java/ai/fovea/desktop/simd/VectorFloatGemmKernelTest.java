package ai.fovea.desktop.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.gemm.GemmKernels;
import ai.fovea.kernels.gemm.FloatGemm;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SIMD kernel (the active one here, see the last test) against the plain triple loop, and its selection. */
class VectorFloatGemmKernelTest {
  /**
   * rows × depth × columns from column j0: every row tile (8, 4, 1) and panel kind (whole, one vector plus
   * scalar columns, scalar only, a range starting inside a panel).
   */
  @Test
  void matchesTheTripleLoopOnEveryTileAndTail() {
    Random random = new Random(5);
    int[][] shapes = {{1, 1, 1, 0}, {4, 3, 16, 0}, {5, 9, 33, 1}, {7, 75, 24, 0}, {9, 64, 96, 0}, {3, 1, 129, 1},
        {13, 300, 70, 0}, {21, 40, 47, 18}, {2, 17, 12, 0}};
    for (int[] shape : shapes) {
      int rows = shape[0];
      int depth = shape[1];
      int columns = shape[2];
      int j0 = shape[3];
      float[] w = randoms(random, columns * depth);
      FloatGemm gemm = FloatGemm.ofTransposed(w, columns, depth);
      int lda = depth + 3;
      float[] a = randoms(random, 2 + rows * lda);
      float[] seed = random.nextBoolean() ? null : randoms(random, columns);
      float[][] expected = new float[rows][columns];
      float[][] actual = new float[rows][columns];
      gemm.multiplyReference(a, 2, lda, rows, seed, expected, j0, columns);
      gemm.multiply(a, 2, lda, rows, seed, actual, j0, columns);
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < j0; j++) {
          assertEquals(0f, actual[r][j], "column before j0 untouched");
        }
        for (int j = j0; j < columns; j++) {
          assertEquals(expected[r][j], actual[r][j], 1e-5f * Math.max(1f, Math.abs(expected[r][j])),
              "rows " + rows + " depth " + depth + " columns " + columns + " at " + r + "," + j);
        }
      }
    }
  }

  private static float[] randoms(Random random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = random.nextFloat() * 2 - 1;
    }
    return v;
  }

  @Test
  void isTheActiveKernelWhenTheVectorModuleIsPresent() {
    assertTrue(GemmKernels.floating() instanceof VectorFloatGemmKernel,
        "surefire runs with --add-modules jdk.incubator.vector, so the SIMD kernel must be picked, got "
            + GemmKernels.floating().name());
  }
}
