package ai.fovea.kernels.gemm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedGemmTest {
  @Test
  void floatProductMatchesTripleLoopOnOddSizesAndRowRanges() {
    Random r = new Random(3);
    for (int[] mnk : new int[][] {{1, 1, 1}, {7, 5, 3}, {13, 300, 70}, {4, 257, 129}}) {
      int m = mnk[0];
      int n = mnk[1];
      int k = mnk[2];
      float[] a = new float[m * k];
      float[] w = new float[n * k];
      for (int i = 0; i < a.length; i++) {
        a[i] = r.nextFloat() - 0.5f;
      }
      for (int i = 0; i < w.length; i++) {
        w[i] = r.nextFloat() - 0.5f;
      }
      float[] c = new float[m * n];
      PackedGemm.multiply(a, 0, k, PackedGemm.packTransposed(w, n, k), k, n, c, 0, n, 0, m);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double expected = 0;
          for (int p = 0; p < k; p++) {
            expected += (double) a[i * k + p] * w[j * k + p];
          }
          assertEquals(expected, c[i * n + j], 1e-4, "c[" + i + "][" + j + "]");
        }
      }
    }
  }

  @Test
  void int8ProductIsExactAndLeavesOtherRowsAlone() {
    Random r = new Random(4);
    int m = 9;
    int n = 33;
    int k = 70;
    byte[] a = new byte[m * k];
    byte[] w = new byte[n * k];
    r.nextBytes(a);
    r.nextBytes(w);
    int[] c = new int[m * n];
    java.util.Arrays.fill(c, 12345);
    PackedGemm.multiply(a, 0, k, PackedGemm.packTransposed(w, n, k), k, n, c, 0, n, 2, 7);
    int[] expected = new int[m * n];
    java.util.Arrays.fill(expected, 12345);
    for (int i = 2; i < 7; i++) {
      for (int j = 0; j < n; j++) {
        int s = 0;
        for (int p = 0; p < k; p++) {
          s += a[i * k + p] * w[j * k + p];
        }
        expected[i * n + j] = s;
      }
    }
    assertArrayEquals(expected, c);
  }
}
