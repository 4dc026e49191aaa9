package ai.fovea.kernels.gemm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantizedGemmTest {
  @Test
  void blockedProductIsExactOnOddSizesAndColumnRanges() {
    Random r = new Random(4);
    for (int[] mkn : new int[][] {{1, 1, 1}, {9, 70, 33}, {5, 129, 257}, {3, 1152, 600}, {66, 37, 5}}) {
      int m = mkn[0];
      int k = mkn[1];
      int n = mkn[2];
      byte[] a = bytes(r, 3 + m * k);
      QuantizedGemm gemm = QuantizedGemm.ofTransposed(bytes(r, n * k), n, k);
      int[] seed = gemm.seed(r.ints(n, -5000, 5000).toArray(), r.nextInt(256) - 128);
      int j0 = n / 3;
      int[][] fast = new int[m][n];
      int[][] slow = new int[m][n];
      gemm.multiply(a, 3, k, m, seed, fast, j0, n);
      gemm.multiplyReference(a, 3, k, m, seed, slow, j0, n);
      for (int i = 0; i < m; i++) {
        assertArrayEquals(slow[i], fast[i], "m" + m + " k" + k + " n" + n + " row " + i);
      }
    }
  }

  @Test
  void seedSubtractsTheInputZeroPointOnceFromEveryProduct() {
    Random r = new Random(6);
    int m = 4;
    int k = 23;
    int n = 11;
    byte[] a = bytes(r, m * k);
    byte[] w = bytes(r, n * k);
    int[] bias = r.ints(n, -1000, 1000).toArray();
    int zeroPoint = -17;
    QuantizedGemm gemm = QuantizedGemm.ofTransposed(w, n, k);
    int[][] acc = new int[m][n];
    gemm.multiply(a, 0, k, m, gemm.seed(bias, zeroPoint), acc, 0, n);
    for (int i = 0; i < m; i++) {
      int[] expected = new int[n];
      for (int j = 0; j < n; j++) {
        expected[j] = bias[j];
        for (int p = 0; p < k; p++) {
          expected[j] += (a[i * k + p] - zeroPoint) * w[j * k + p];
        }
      }
      assertArrayEquals(expected, acc[i], "row " + i);
    }
  }

  @Test
  void unsignedFormReadsBytesAsUint8AndSubtractsTheWeightZeroPoint() {
    Random r = new Random(7);
    int m = 5;
    int k = 39;
    int n = 21;
    byte[] a = bytes(r, m * k);
    byte[] w = bytes(r, n * k);
    QuantizedGemm gemm = QuantizedGemm.ofTransposedUnsigned(w, n, k, 131);
    int[][] acc = new int[m][n];
    gemm.multiply(a, 0, k, m, gemm.seed(null, 140), acc, 0, n);
    for (int i = 0; i < m; i++) {
      int[] expected = new int[n];
      for (int j = 0; j < n; j++) {
        for (int p = 0; p < k; p++) {
          expected[j] += ((a[i * k + p] & 0xFF) - 140) * ((w[j * k + p] & 0xFF) - 131);
        }
      }
      assertArrayEquals(expected, acc[i], "row " + i);
    }
  }

  @Test
  void rejectsABiasShorterThanTheColumns() {
    QuantizedGemm gemm = QuantizedGemm.ofTransposed(new byte[6], 3, 2);
    assertThrows(IllegalArgumentException.class, () -> gemm.seed(new int[2], 0));
    assertThrows(IllegalArgumentException.class, () -> QuantizedGemm.ofTransposed(new byte[5], 3, 2));
  }

  private static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }
}
