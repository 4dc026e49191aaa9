package ai.fovea.kernels.gemm;

import java.util.Arrays;

/**
 * The portable {@link FloatGemmKernel}, written for HotSpot C2 and ART alike: plain counted loops over
 * primitive arrays that they vectorize.
 *
 * <p>Why this shape: C2 (JDK 17) vectorizes a counted loop only when every array in it is indexed by the loop
 * variable with the same invariant offset, so B is kept as one array per row and the accumulator rows start at
 * index 0; the micro-kernel updates one accumulator row with four B rows per pass (the widest body C2 still
 * unrolls enough to vectorize), which keeps loads and stores per multiply-add low. k is blocked so a panel of B
 * rows stays in L1 while a tile of accumulator rows passes over it.
 */
public final class ScalarFloatGemmKernel implements FloatGemmKernel {
  /** B rows per block: 32 rows of up to {@link #N_BLOCK} floats is 64 KB, an L1/L2-resident panel. */
  private static final int K_BLOCK = 32;
  /** Columns per block: long inner loops amortize C2's pre/post loops; wider rows only cost cache. */
  private static final int N_BLOCK = 512;

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public void multiply(float[][] b, int depth, float[] a, int aOffset, int lda, int rows, float[] seed,
      float[][] acc, int j0, int j1) {
    for (int n0 = j0; n0 < j1; n0 += N_BLOCK) {
      int n1 = Math.min(j1, n0 + N_BLOCK);
      for (int r = 0; r < rows; r++) {
        if (seed == null) {
          Arrays.fill(acc[r], n0, n1, 0f);
        } else {
          System.arraycopy(seed, n0, acc[r], n0, n1 - n0);
        }
      }
      for (int k0 = 0; k0 < depth; k0 += K_BLOCK) {
        int k1 = Math.min(depth, k0 + K_BLOCK);
        for (int r = 0; r < rows; r++) {
          float[] c = acc[r];
          int ar = aOffset + r * lda;
          int p = k0;
          for (; p + 4 <= k1; p += 4) {
            accumulate4(c, b[p], b[p + 1], b[p + 2], b[p + 3], a[ar + p], a[ar + p + 1], a[ar + p + 2],
                a[ar + p + 3], n0, n1);
          }
          for (; p < k1; p++) {
            accumulate1(c, b[p], a[ar + p], n0, n1);
          }
        }
      }
    }
  }

  private static void accumulate4(float[] c, float[] b0, float[] b1, float[] b2, float[] b3, float x0, float x1,
      float x2, float x3, int j0, int j1) {
    for (int j = j0; j < j1; j++) {
      c[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
    }
  }

  private static void accumulate1(float[] c, float[] b0, float x0, int j0, int j1) {
    for (int j = j0; j < j1; j++) {
      c[j] += x0 * b0[j];
    }
  }
}
