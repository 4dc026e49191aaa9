package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.gemm.PackedGemm;
import ai.fovea.kernels.parallel.ComputePool;

/**
 * Dense row-major products for the training ops, on {@link PackedGemm} split over the pool: by blocks of four
 * rows when there are enough rows, otherwise by column panels (weight gradients have few rows and long k).
 */
final class ParallelGemm {
  /** Below this many multiply-adds a product runs on the calling thread. */
  private static final long SERIAL_WORK = 1 << 15;
  private static final int COLUMN_PANEL = 64;

  private ParallelGemm() {}

  /** {@code c[m×n] = a[m×k] · b[k×n]}, c overwritten. */
  static void multiply(ComputePool pool, float[] a, float[] b, float[] c, int m, int k, int n) {
    int threads = pool.threads();
    if (threads == 1 || (long) m * k * n < SERIAL_WORK) {
      PackedGemm.multiply(a, 0, k, b, k, n, c, 0, n, 0, m);
    } else if (m >= 4 * threads) {
      pool.parallelFor((m + 3) / 4, (r0, r1) -> PackedGemm.multiply(a, 0, k, b, k, n, c, 0, n, 4 * r0,
          Math.min(m, 4 * r1)));
    } else {
      pool.parallelFor((n + COLUMN_PANEL - 1) / COLUMN_PANEL, (p0, p1) -> PackedGemm.multiply(a, 0, k, b, k, n, c, 0,
          n, 0, m, p0 * COLUMN_PANEL, Math.min(n, p1 * COLUMN_PANEL)));
    }
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
