package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.gemm.FloatGemm;
import ai.fovea.kernels.parallel.ComputePool;

/**
 * Dense row-major products for the training ops on the shared {@link FloatGemm}, split over the pool: by
 * blocks of rows when there are enough rows, otherwise by column panels (weight gradients have few rows and
 * a long k). Operands change every step, so B is packed per call; that costs O(k·n) against the O(m·k·n)
 * product.
 */
final class ParallelGemm {
  private static final int ROW_BLOCK = 8;
  private static final int COLUMN_PANEL = 64;

  private ParallelGemm() {}

  /** {@code c[m×n] = a[m×k] · wᵀ} for w row-major n×k (TFLite's [out][in] weights); c overwritten. */
  static void multiplyTransposed(ComputePool pool, float[] a, float[] w, float[] c, int m, int k, int n) {
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      java.util.Arrays.fill(c, 0, m * n, 0f);
      return;
    }
    FloatGemm b = FloatGemm.ofTransposed(w, n, k);
    float[][] acc = new float[m][n];
    if (m >= ROW_BLOCK * pool.threads()) {
      pool.parallelFor((m + ROW_BLOCK - 1) / ROW_BLOCK, (q0, q1) -> {
        int r0 = q0 * ROW_BLOCK;
        int r1 = Math.min(m, q1 * ROW_BLOCK);
        float[][] rows = java.util.Arrays.copyOfRange(acc, r0, r1);
        b.multiply(a, r0 * k, k, r1 - r0, null, rows, 0, n);
      });
    } else {
      pool.parallelFor((n + COLUMN_PANEL - 1) / COLUMN_PANEL, (p0, p1) ->
          b.multiply(a, 0, k, m, null, acc, p0 * COLUMN_PANEL, Math.min(n, p1 * COLUMN_PANEL)));
    }
    for (int r = 0; r < m; r++) {
      System.arraycopy(acc[r], 0, c, r * n, n);
    }
  }

  /** {@code c[m×n] = a[m×k] · b[k×n]}, c overwritten. */
  static void multiply(ComputePool pool, float[] a, float[] b, float[] c, int m, int k, int n) {
    multiplyTransposed(pool, a, transpose(b, k, n), c, m, k, n);
  }

  /** {@code c += a · b}. */
  static void multiplyAdd(ComputePool pool, float[] a, float[] b, float[] c, int m, int k, int n) {
    float[] product = new float[m * n];
    multiply(pool, a, b, product, m, k, n);
    for (int i = 0; i < product.length; i++) {
      c[i] += product[i];
    }
  }

  /** The transpose of a row-major rows×cols matrix. */
  static float[] transpose(float[] a, int rows, int cols) {
    float[] t = new float[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = a[r * cols + c];
      }
    }
    return t;
  }

  /** {@code sums[j] += Σ_r a[r][j]}: the bias gradient. */
  static void addColumnSums(float[] a, int rows, int cols, float[] sums) {
    for (int r = 0; r < rows; r++) {
      int base = r * cols;
      for (int j = 0; j < cols; j++) {
        sums[j] += a[base + j];
      }
    }
  }
}
