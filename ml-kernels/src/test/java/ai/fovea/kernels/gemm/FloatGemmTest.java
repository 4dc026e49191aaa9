package ai.fovea.kernels.gemm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatGemmTest {
  /** m, k, n: odd sizes around the 4-row unroll, the k block (32) and the n block (512). */
  private static final int[][] SIZES = {{1, 1, 1}, {7, 5, 3}, {13, 70, 300}, {4, 129, 257}, {3, 33, 513},
      {64, 1152, 31}, {2, 35, 1030}};

  @Test
  void runsThePortableKernelsWhenNoPlatformKernelIsOnTheClassPath() {
    // ml-kernels alone (as on Android) registers no provider; sdk-desktop's SIMD kernel has its own test.
    assertEquals("scalar", GemmKernels.floating().name());
    assertEquals("scalar", GemmKernels.quantized().name());
  }

  @Test
  void blockedProductMatchesTheTripleLoopOnOddSizes() {
    Random r = new Random(3);
    for (int[] mkn : SIZES) {
      int m = mkn[0];
      int k = mkn[1];
      int n = mkn[2];
      int lda = k + 3;
      float[] a = randoms(r, 5 + m * lda);
      FloatGemm gemm = FloatGemm.ofTransposed(randoms(r, n * k), n, k);
      float[] seed = randoms(r, n);
      float[][] fast = new float[m][n];
      float[][] slow = new float[m][n];
      gemm.multiply(a, 5, lda, m, seed, fast, 0, n);
      gemm.multiplyReference(a, 5, lda, m, seed, slow, 0, n);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          assertEquals(slow[i][j], fast[i][j], 1e-5f * Math.max(1, k), "m" + m + " k" + k + " n" + n + " [" + i + "]["
              + j + "]");
        }
      }
    }
  }

  @Test
  void referenceComputesTheTransposedProduct() {
    // A = [[1, 2]], W = [[1, 0], [0, 1], [3, 4]] (n=3 rows of k=2) so B = W^T; seed adds per column.
    FloatGemm gemm = FloatGemm.ofTransposed(new float[] {1, 0, 0, 1, 3, 4}, 3, 2);
    float[][] acc = new float[1][3];
    gemm.multiplyReference(new float[] {1, 2}, 0, 2, 1, new float[] {10, 20, 30}, acc, 0, 3);
    assertArrayEquals(new float[] {11, 22, 41}, acc[0]);
    gemm.multiply(new float[] {1, 2}, 0, 2, 1, null, acc, 0, 3);
    assertArrayEquals(new float[] {1, 2, 11}, acc[0]);
  }

  @Test
  void columnRangeLeavesOtherColumnsAlone() {
    Random r = new Random(5);
    int m = 6;
    int k = 41;
    int n = 77;
    float[] a = randoms(r, m * k);
    FloatGemm gemm = FloatGemm.ofTransposed(randoms(r, n * k), n, k);
    float[][] whole = new float[m][n];
    gemm.multiply(a, 0, k, m, null, whole, 0, n);
    float[][] parts = new float[m][n];
    for (float[] row : parts) {
      java.util.Arrays.fill(row, Float.NaN);
    }
    gemm.multiply(a, 0, k, m, null, parts, 20, 50);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        if (j < 20 || j >= 50) {
          assertEquals(Float.NaN, parts[i][j]);
        } else {
          assertEquals(whole[i][j], parts[i][j]);
        }
      }
    }
  }

  @Test
  void rejectsAnARowPastTheEndOfItsArray() {
    FloatGemm gemm = FloatGemm.ofTransposed(new float[12], 3, 4);
    float[][] acc = new float[2][3];
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> gemm.multiply(new float[7], 0, 4, 2, null, acc, 0, 3));
    assertEquals("A of length 7 cannot hold 2 rows of 4 at offset 0 with stride 4", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> gemm.multiply(new float[8], 0, 4, 2, null, acc, 1, 4));
  }

  private static float[] randoms(Random r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextFloat() * 2 - 1;
    }
    return v;
  }
}
