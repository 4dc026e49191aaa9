package ai.fovea.kernels.gemm;

/**
 * The matrix product every convolution and fully-connected kernel shares: {@code C[m][n] = A[m][k] · B[k][n]},
 * with A row-major (row stride {@code lda}) and B packed once, at prepare time, as a row-major k×n matrix.
 * The inner loop runs along n over primitive arrays with four A rows at a time, the shape HotSpot C2 turns
 * into SIMD (no reductions, no bounds-check-heavy indexing); k is blocked so a B panel stays in cache while
 * the four C rows accumulate in L1. Float and int8 (int32 accumulation) forms share the blocking. Callers
 * split the m rows over threads.
 */
public final class PackedGemm {
  /** Rows of k consumed per block: 64 rows of a 256-wide B panel is 64 KB of floats, an L2-resident tile. */
  private static final int K_BLOCK = 64;
  /** Columns of n per block, so four C rows (4 KB of floats) stay in L1. */
  private static final int N_BLOCK = 256;

  private PackedGemm() {}

  /** Float: C rows [m0, m1) are overwritten. */
  public static void multiply(float[] a, int aOffset, int lda, float[] b, int k, int n, float[] c, int cOffset, int ldc,
      int m0, int m1) {
    multiply(a, aOffset, lda, b, k, n, c, cOffset, ldc, m0, m1, 0, n);
  }

  /** Float: the block C[m0..m1)[j0..j1) is overwritten; threads may split rows or columns. */
  public static void multiply(float[] a, int aOffset, int lda, float[] b, int k, int n, float[] c, int cOffset, int ldc,
      int m0, int m1, int j0, int j1) {
    for (int row = m0; row < m1; row++) {
      java.util.Arrays.fill(c, cOffset + row * ldc + j0, cOffset + row * ldc + j1, 0f);
    }
    for (int n0 = j0; n0 < j1; n0 += N_BLOCK) {
      int nEnd = Math.min(j1, n0 + N_BLOCK);
      for (int k0 = 0; k0 < k; k0 += K_BLOCK) {
        int kEnd = Math.min(k, k0 + K_BLOCK);
        int row = m0;
        for (; row + 4 <= m1; row += 4) {
          int a0 = aOffset + row * lda;
          int c0 = cOffset + row * ldc;
          for (int kk = k0; kk < kEnd; kk++) {
            float x0 = a[a0 + kk];
            float x1 = a[a0 + lda + kk];
            float x2 = a[a0 + 2 * lda + kk];
            float x3 = a[a0 + 3 * lda + kk];
            int bRow = kk * n;
            for (int j = n0; j < nEnd; j++) {
              float w = b[bRow + j];
              c[c0 + j] += x0 * w;
              c[c0 + ldc + j] += x1 * w;
              c[c0 + 2 * ldc + j] += x2 * w;
              c[c0 + 3 * ldc + j] += x3 * w;
            }
          }
        }
        for (; row < m1; row++) {
          int a0 = aOffset + row * lda;
          int c0 = cOffset + row * ldc;
          for (int kk = k0; kk < kEnd; kk++) {
            float x0 = a[a0 + kk];
            int bRow = kk * n;
            for (int j = n0; j < nEnd; j++) {
              c[c0 + j] += x0 * b[bRow + j];
            }
          }
        }
      }
    }
  }

  /** Int8 × int8 → int32: C rows [m0, m1) are overwritten with the raw products (no offsets). */
  public static void multiply(byte[] a, int aOffset, int lda, int[] b, int k, int n, int[] c, int cOffset, int ldc,
      int m0, int m1) {
    multiply(a, aOffset, lda, b, k, n, c, cOffset, ldc, m0, m1, 0, n);
  }

  /** Int8: the block C[m0..m1)[j0..j1) is overwritten with the raw products. */
  public static void multiply(byte[] a, int aOffset, int lda, int[] b, int k, int n, int[] c, int cOffset, int ldc,
      int m0, int m1, int j0, int j1) {
    for (int row = m0; row < m1; row++) {
      java.util.Arrays.fill(c, cOffset + row * ldc + j0, cOffset + row * ldc + j1, 0);
    }
    for (int n0 = j0; n0 < j1; n0 += N_BLOCK) {
      int nEnd = Math.min(j1, n0 + N_BLOCK);
      for (int k0 = 0; k0 < k; k0 += K_BLOCK) {
        int kEnd = Math.min(k, k0 + K_BLOCK);
        int row = m0;
        for (; row + 4 <= m1; row += 4) {
          int a0 = aOffset + row * lda;
          int c0 = cOffset + row * ldc;
          for (int kk = k0; kk < kEnd; kk++) {
            int x0 = a[a0 + kk];
            int x1 = a[a0 + lda + kk];
            int x2 = a[a0 + 2 * lda + kk];
            int x3 = a[a0 + 3 * lda + kk];
            int bRow = kk * n;
            for (int j = n0; j < nEnd; j++) {
              int w = b[bRow + j];
              c[c0 + j] += x0 * w;
              c[c0 + ldc + j] += x1 * w;
              c[c0 + 2 * ldc + j] += x2 * w;
              c[c0 + 3 * ldc + j] += x3 * w;
            }
          }
        }
        for (; row < m1; row++) {
          int a0 = aOffset + row * lda;
          int c0 = cOffset + row * ldc;
          for (int kk = k0; kk < kEnd; kk++) {
            int x0 = a[a0 + kk];
            int bRow = kk * n;
            for (int j = n0; j < nEnd; j++) {
              c[c0 + j] += x0 * b[bRow + j];
            }
          }
        }
      }
    }
  }

  /** Packs a row-major n×k matrix (TFLite's [out][in] weights) into the k×n layout {@link #multiply} reads. */
  public static float[] packTransposed(float[] w, int n, int k) {
    float[] packed = new float[k * n];
    for (int o = 0; o < n; o++) {
      for (int i = 0; i < k; i++) {
        packed[i * n + o] = w[o * k + i];
      }
    }
    return packed;
  }

  /** Int8 weights widened to int while packing, so the inner loop multiplies ints. */
  public static int[] packTransposed(byte[] w, int n, int k) {
    int[] packed = new int[k * n];
    for (int o = 0; o < n; o++) {
      for (int i = 0; i < k; i++) {
        packed[i * n + o] = w[o * k + i];
      }
    }
    return packed;
  }
}
