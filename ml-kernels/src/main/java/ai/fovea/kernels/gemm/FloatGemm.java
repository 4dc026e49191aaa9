package ai.fovea.kernels.gemm;

import java.util.Arrays;

/**
 * The float matrix product the convolution family shares, against a constant right-hand matrix B (k×n) packed
 * once: {@code acc[r][j] = seed[j] + Σ_p A[r][p]·B[p][j]}, A row-major in a caller's array, the accumulator
 * one zero-based array per row. Immutable and thread-safe; callers split rows or column ranges over threads.
 *
 * <p>Why this shape: HotSpot C2 (JDK 17) vectorizes a counted loop only when every array in it is indexed by the
 * loop variable with the same invariant offset, so B is kept as one array per row and the accumulator rows start
 * at index 0; the micro-kernel then updates one accumulator row with four B rows per pass (the widest body C2
 * still unrolls enough to vectorize), which keeps loads and stores per multiply-add low. k is blocked so a
 * panel of B rows stays in L1 while a tile of accumulator rows passes over it.
 */
public final class FloatGemm {
  /** B rows per block: 32 rows of up to {@link #N_BLOCK} floats is 64 KB, an L1/L2-resident panel. */
  private static final int K_BLOCK = 32;
  /** Columns per block: long inner loops amortize C2's pre/post loops; wider rows only cost cache. */
  private static final int N_BLOCK = 512;

  private final float[][] b;
  private final int depth;
  private final int columns;

  private FloatGemm(float[][] b, int depth, int columns) {
    this.b = b;
    this.depth = depth;
    this.columns = columns;
  }

  /** Packs a row-major n×k matrix (TFLite's [out][in] weights) as B = its transpose, k×n. */
  public static FloatGemm ofTransposed(float[] w, int n, int k) {
    return ofTransposed(w, 0, n, k);
  }

  /** Packs rows [{@code row0}, {@code row0 + n}) of a row-major matrix with k columns as B = their transpose, k×n. */
  public static FloatGemm ofTransposed(float[] w, int row0, int n, int k) {
    if (w == null || row0 < 0 || n < 1 || k < 1 || w.length < ((long) row0 + n) * k) {
      throw new IllegalArgumentException("need rows [" + row0 + ", " + row0 + "+" + n + ") of a matrix with k "
          + k + " >= 1 columns, got length " + (w == null ? "null" : w.length));
    }
    float[][] b = new float[k][n];
    for (int o = 0; o < n; o++) {
      int base = (row0 + o) * k;
      for (int i = 0; i < k; i++) {
        b[i][o] = w[base + i];
      }
    }
    return new FloatGemm(b, k, n);
  }

  /** Packs rows [{@code row0}, {@code row0 + k}) of a row-major matrix with n columns as B, k×n. */
  public static FloatGemm ofRows(float[] m, int row0, int k, int n) {
    if (m == null || row0 < 0 || n < 1 || k < 1 || m.length < ((long) row0 + k) * n) {
      throw new IllegalArgumentException("need rows [" + row0 + ", " + row0 + "+" + k + ") of a matrix with " + n
          + " columns, got length " + (m == null ? "null" : m.length));
    }
    float[][] b = new float[k][];
    for (int p = 0; p < k; p++) {
      b[p] = Arrays.copyOfRange(m, (row0 + p) * n, (row0 + p + 1) * n);
    }
    return new FloatGemm(b, k, n);
  }

  /** k: the length of an A row. */
  public int depth() {
    return depth;
  }

  /** n: the number of output columns. */
  public int columns() {
    return columns;
  }

  /**
   * For rows r in [0, rows) and columns j in [j0, j1): {@code acc[r][j] = seed[j] + Σ_p a[aOffset + r·lda + p]
   * · B[p][j]} ({@code seed} null means zeros). Other entries of {@code acc} are left alone.
   */
  public void multiply(float[] a, int aOffset, int lda, int rows, float[] seed, float[][] acc, int j0, int j1) {
    GemmArguments.check(depth, columns, a == null ? -1 : a.length, aOffset, lda, rows,
        seed == null ? columns : seed.length, acc, j0, j1);
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

  /** {@link #multiply} as the plain triple loop: the oracle of the blocked form. */
  public void multiplyReference(float[] a, int aOffset, int lda, int rows, float[] seed, float[][] acc, int j0,
      int j1) {
    GemmArguments.check(depth, columns, a == null ? -1 : a.length, aOffset, lda, rows,
        seed == null ? columns : seed.length, acc, j0, j1);
    for (int r = 0; r < rows; r++) {
      for (int j = j0; j < j1; j++) {
        float sum = seed == null ? 0f : seed[j];
        for (int p = 0; p < depth; p++) {
          sum += a[aOffset + r * lda + p] * b[p][j];
        }
        acc[r][j] = sum;
      }
    }
  }
}
