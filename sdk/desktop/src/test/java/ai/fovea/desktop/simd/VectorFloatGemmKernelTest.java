package ai.fovea.desktop.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.gemm.GemmKernels;
import ai.fovea.kernels.gemm.ScalarFloatGemmKernel;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SIMD kernel against the portable one on shapes that hit every tile and tail, and its selection. */
class VectorFloatGemmKernelTest {
  @Test
  void matchesThePortableKernelOnEveryTileAndTail() {
    Random random = new Random(5);
    VectorFloatGemmKernel vector = new VectorFloatGemmKernel();
    ScalarFloatGemmKernel scalar = new ScalarFloatGemmKernel();
    int[][] shapes = {{1, 1, 1}, {4, 3, 16}, {5, 9, 33}, {7, 75, 24}, {9, 64, 96}, {3, 1, 129}, {13, 300, 70}};
    for (int[] shape : shapes) {
      int rows = shape[0];
      int depth = shape[1];
      int columns = shape[2];
      float[][] b = new float[depth][columns];
      for (float[] row : b) {
        for (int j = 0; j < columns; j++) {
          row[j] = random.nextFloat() * 2 - 1;
        }
      }
      int lda = depth + 3;
      float[] a = new float[2 + rows * lda];
      for (int i = 0; i < a.length; i++) {
        a[i] = random.nextFloat() * 2 - 1;
      }
      float[] seed = random.nextBoolean() ? null : new float[columns];
      if (seed != null) {
        for (int j = 0; j < columns; j++) {
          seed[j] = random.nextFloat();
        }
      }
      int j0 = columns > 2 ? 1 : 0;
      float[][] expected = new float[rows][columns];
      float[][] actual = new float[rows][columns];
      scalar.multiply(b, depth, a, 2, lda, rows, seed, expected, j0, columns);
      vector.multiply(b, depth, a, 2, lda, rows, seed, actual, j0, columns);
      for (int r = 0; r < rows; r++) {
        assertEquals(0f, actual[r][0] * (j0 == 0 ? 0 : 1), "column before j0 untouched");
        for (int j = j0; j < columns; j++) {
          assertEquals(expected[r][j], actual[r][j], 1e-5f * Math.max(1f, Math.abs(expected[r][j])),
              "rows " + rows + " depth " + depth + " columns " + columns + " at " + r + "," + j);
        }
      }
    }
  }

  @Test
  void isTheActiveKernelWhenTheVectorModuleIsPresent() {
    assertTrue(GemmKernels.floating() instanceof VectorFloatGemmKernel,
        "surefire runs with --add-modules jdk.incubator.vector, so the SIMD kernel must be picked, got "
            + GemmKernels.floating().name());
  }
}
