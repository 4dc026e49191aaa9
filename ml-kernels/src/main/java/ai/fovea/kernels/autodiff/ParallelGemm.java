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
  /** Rows of b packed at a time for weight gradients: 256 rows of a few hundred floats stay in L2. */
  private static final int K_PANEL = 256;
  /** Fixed groups of panels for weight gradients: enough to balance 16 threads, fixed for determinism. */
  private static final int K_GROUPS = 16;
  /** Below this many output columns, products run transposed (see {@link #multiplyTransposedNarrow}). */
  private static final int NARROW = 64;

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
    if (n < NARROW && m >= K_PANEL) {
      multiplyTransposedNarrow(pool, a, w, c, m, k, n);
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

  /**
   * {@link #multiplyTransposed} for few output columns (a convolution's channels): the kernel's inner loop
   * would be only n long, so it computes {@code cᵀ = w · aᵀ} instead, a panel of {@link #K_PANEL} rows of a at a
   * time, with the panel's rows as the long inner loop, and writes the panel back transposed.
   */
  private static void multiplyTransposedNarrow(ComputePool pool, float[] a, float[] w, float[] c, int m, int k,
      int n) {
    int panels = (m + K_PANEL - 1) / K_PANEL;
    pool.parallelFor(panels, (q0, q1) -> {
      float[][] acc = new float[n][K_PANEL];
      for (int q = q0; q < q1; q++) {
        int r0 = q * K_PANEL;
        int rows = Math.min(K_PANEL, m - r0);
        FloatGemm.ofTransposed(a, r0, rows, k).multiply(w, 0, k, n, null, acc, 0, rows);
        for (int o = 0; o < n; o++) {
          float[] column = acc[o];
          for (int i = 0; i < rows; i++) {
            c[(r0 + i) * n + o] = column[i];
          }
        }
      }
    });
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

  /**
   * {@code c[m×n] += aᵀ · b} for a [k×m] and b [k×n]: weight gradients, where k (batch rows or output pixels)
   * is long and m, n are small. k is cut into at most {@link #K_GROUPS} fixed groups of {@link #K_PANEL}-row
   * panels; threads take whole groups, run the packed kernel on each panel of b (packed while it is hot in
   * cache) into the group's own m×n sum, and the group sums are added in order at the end: each thread streams
   * only its share of b, once, and the result does not depend on the thread count.
   */
  static void multiplyTransposedAAdd(ComputePool pool, float[] a, float[] b, float[] c, int m, int k, int n) {
    if (m == 0 || n == 0 || k == 0) {
      return;
    }
    float[] at = transpose(a, k, m);
    int panels = (k + K_PANEL - 1) / K_PANEL;
    int groups = Math.min(K_GROUPS, panels);
    float[][][] sums = new float[groups][m][n];
    pool.parallelFor(groups, (g0, g1) -> {
      float[][] panel = new float[m][n];
      for (int group = g0; group < g1; group++) {
        for (int q = panels * group / groups; q < panels * (group + 1) / groups; q++) {
          int p0 = q * K_PANEL;
          FloatGemm.ofRows(b, p0, Math.min(K_PANEL, k - p0), n).multiply(at, p0, k, m, null, panel, 0, n);
          for (int o = 0; o < m; o++) {
            float[] sum = sums[group][o];
            float[] add = panel[o];
            for (int j = 0; j < n; j++) {
              sum[j] += add[j];
            }
          }
        }
      }
    });
    for (float[][] sum : sums) {
      for (int o = 0; o < m; o++) {
        for (int j = 0; j < n; j++) {
          c[o * n + j] += sum[o][j];
        }
      }
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
