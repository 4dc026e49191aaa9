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
  /** Rows per kernel call: a block of A rows stays in L2 while the kernel passes over B. */
  private static final int ROW_BLOCK = 32;
  private static final int COLUMN_PANEL = 64;
  /** Rows of b packed at a time for weight gradients: 256 rows of a few hundred floats stay in L2. */
  private static final int K_PANEL = 256;
  /** Fixed groups of panels for weight gradients: enough to balance 16 threads, fixed for determinism. */
  private static final int K_GROUPS = 16;

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
    if (n < FloatGemm.narrowColumns() && m >= K_PANEL) {
      multiplyTransposedNarrow(pool, a, w, c, m, k, n);
      return;
    }
    product(pool, a, FloatGemm.ofTransposed(w, n, k), c, m, false);
  }

  /**
   * {@code c = a · b} ({@code add} false) or {@code c += a · b} for a [m × b.depth()]. Threads take blocks of
   * {@link #ROW_BLOCK} rows into their own small accumulator, so no m-row accumulator is allocated; with too
   * few rows for every thread they split column panels instead. Each row's sum is the same for any split.
   */
  private static void product(ComputePool pool, float[] a, FloatGemm b, float[] c, int m, boolean add) {
    int k = b.depth();
    int n = b.columns();
    if (m >= ROW_BLOCK * pool.threads()) {
      pool.parallelFor((m + ROW_BLOCK - 1) / ROW_BLOCK, (q0, q1) -> {
        float[][] acc = new float[ROW_BLOCK][n];
        for (int q = q0; q < q1; q++) {
          int r0 = q * ROW_BLOCK;
          int rows = Math.min(ROW_BLOCK, m - r0);
          b.multiply(a, r0 * k, k, rows, null, acc, 0, n);
          store(acc, rows, n, c, r0, add);
        }
      });
    } else {
      float[][] acc = new float[m][n];
      pool.parallelFor((n + COLUMN_PANEL - 1) / COLUMN_PANEL, (p0, p1) ->
          b.multiply(a, 0, k, m, null, acc, p0 * COLUMN_PANEL, Math.min(n, p1 * COLUMN_PANEL)));
      store(acc, m, n, c, 0, add);
    }
  }

  /** Writes or adds accumulator rows [0, rows) into c from row r0 on. */
  private static void store(float[][] acc, int rows, int n, float[] c, int r0, boolean add) {
    for (int r = 0; r < rows; r++) {
      if (add) {
        float[] row = acc[r];
        int base = (r0 + r) * n;
        for (int j = 0; j < n; j++) {
          c[base + j] += row[j];
        }
      } else {
        System.arraycopy(acc[r], 0, c, (r0 + r) * n, n);
      }
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

  /** {@code c += a · b}. */
  static void multiplyAdd(ComputePool pool, float[] a, float[] b, float[] c, int m, int k, int n) {
    if (m > 0 && k > 0 && n > 0) {
      product(pool, a, FloatGemm.ofRows(b, 0, k, n), c, m, true);
    }
  }

  /**
   * {@code c[m×n] += aᵀ · b} for a [k×m] and b [k×n]: weight gradients, where k (batch rows or output pixels)
   * is long and m, n are small. k is cut into at most {@link #K_GROUPS} fixed groups of {@link #K_PANEL}-row
   * panels; threads take whole groups, run the packed kernel on each panel (a's rows transposed and b's packed
   * while they are hot in cache) into the group's own m×n sum, and the group sums are added in order at the end:
   * each thread streams only its share of b, once, and the result does not depend on the thread count.
   */
  static void multiplyTransposedAAdd(ComputePool pool, float[] a, float[] b, float[] c, int m, int k, int n) {
    if (m == 0 || n == 0 || k == 0) {
      return;
    }
    if (n < m) {
      // Fewer columns than rows (a first conv's 9 taps against 16 channels): the kernel wants the wider side as
      // its columns, so compute cᵀ = bᵀ · a and add it back transposed.
      float[] ct = new float[n * m];
      addProductOfTransposed(pool, b, a, ct, n, k, m);
      for (int o = 0; o < m; o++) {
        for (int j = 0; j < n; j++) {
          c[o * n + j] += ct[j * m + o];
        }
      }
    } else {
      addProductOfTransposed(pool, a, b, c, m, k, n);
    }
  }

  /** {@link #multiplyTransposedAAdd} with the operands as given. */
  private static void addProductOfTransposed(ComputePool pool, float[] a, float[] b, float[] c, int m, int k,
      int n) {
    int panels = (k + K_PANEL - 1) / K_PANEL;
    int groups = Math.min(K_GROUPS, panels);
    float[][][] sums = new float[groups][m][n];
    pool.parallelFor(groups, (g0, g1) -> {
      float[][] panel = new float[m][n];
      float[] at = new float[m * K_PANEL];
      for (int group = g0; group < g1; group++) {
        for (int q = panels * group / groups; q < panels * (group + 1) / groups; q++) {
          int p0 = q * K_PANEL;
          int rows = Math.min(K_PANEL, k - p0);
          transpose(a, p0, rows, m, at);
          FloatGemm.ofRows(b, p0, rows, n).multiply(at, 0, rows, m, null, panel, 0, n);
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

  /** Writes rows [row0, row0 + rows) of a row-major matrix with {@code cols} columns into t transposed, cols×rows. */
  private static void transpose(float[] a, int row0, int rows, int cols, float[] t) {
    for (int r = 0; r < rows; r++) {
      int base = (row0 + r) * cols;
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = a[base + c];
      }
    }
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
