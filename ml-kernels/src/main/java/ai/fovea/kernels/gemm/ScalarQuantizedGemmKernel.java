package ai.fovea.kernels.gemm;

import java.util.Arrays;

/**
 * The portable {@link QuantizedGemmKernel}: the loop shape of {@link ScalarFloatGemmKernel} on ints (four B rows
 * per pass over one accumulator row, k blocked for L1), which C2 and ART vectorize.
 */
public final class ScalarQuantizedGemmKernel implements QuantizedGemmKernel {
  private static final int K_BLOCK = 32;
  private static final int N_BLOCK = 512;

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public void multiply(int[][] b, int depth, byte[] a, int byteMask, int aOffset, int lda, int rows, int[] seed,
      int[][] acc, int j0, int j1) {
    for (int n0 = j0; n0 < j1; n0 += N_BLOCK) {
      int n1 = Math.min(j1, n0 + N_BLOCK);
      for (int r = 0; r < rows; r++) {
        if (seed == null) {
          Arrays.fill(acc[r], n0, n1, 0);
        } else {
          System.arraycopy(seed, n0, acc[r], n0, n1 - n0);
        }
      }
      for (int k0 = 0; k0 < depth; k0 += K_BLOCK) {
        int k1 = Math.min(depth, k0 + K_BLOCK);
        for (int r = 0; r < rows; r++) {
          int[] c = acc[r];
          int ar = aOffset + r * lda;
          int p = k0;
          for (; p + 4 <= k1; p += 4) {
            accumulate4(c, b[p], b[p + 1], b[p + 2], b[p + 3], a[ar + p] & byteMask, a[ar + p + 1] & byteMask,
                a[ar + p + 2] & byteMask, a[ar + p + 3] & byteMask, n0, n1);
          }
          for (; p < k1; p++) {
            accumulate1(c, b[p], a[ar + p] & byteMask, n0, n1);
          }
        }
      }
    }
  }

  private static void accumulate4(int[] c, int[] b0, int[] b1, int[] b2, int[] b3, int x0, int x1, int x2, int x3,
      int j0, int j1) {
    for (int j = j0; j < j1; j++) {
      c[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
    }
  }

  private static void accumulate1(int[] c, int[] b0, int x0, int j0, int j1) {
    for (int j = j0; j < j1; j++) {
      c[j] += x0 * b0[j];
    }
  }
}
