package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.gemm.FloatGemm;
import ai.fovea.kernels.parallel.ComputePool;
import java.util.Arrays;

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
  /** Floats per segment of a column sum: long enough for vector loops, short enough to stay in L1. */
  private static final int SUM_LANES = 256;
  /** Below this many values a column sum runs as one group: handing it to threads would cost more. */
  private static final int SUM_SERIAL = 1 << 15;

  private ParallelGemm() {}

  /**
   * {@code c[m×n] = a[m×k] · wᵀ + bias} for w row-major n×k (TFLite's [out][in] weights) and bias [n] or null;
   * c overwritten. The bias is added to each finished sum, as a separate pass would, while the row is in cache.
   */
  static void multiplyTransposed(ComputePool pool, Rows a, float[] w, float[] bias, float[] c, int m, int n) {
    int k = a.columns();
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      for (int r = 0; r < m; r++) {
        for (int j = 0; j < n; j++) {
          c[r * n + j] = bias == null ? 0f : bias[j];
        }
      }
      return;
    }
    int wide = paddedColumns(n);
    if (wide > n) {
      // Few output columns (a convolution's channels): w gets zero rows up to the padded width and the product
      // computes those columns too, then drops them. That packs only the small w, where the transposed form
      // below packs panels of the long a.
      float[] padded = new float[wide * k];
      System.arraycopy(w, 0, padded, 0, n * k);
      product(pool, a, FloatGemm.ofTransposed(padded, wide, k), bias == null ? null : Arrays.copyOf(bias, wide), c,
          m, n, false);
      return;
    }
    if (n < FloatGemm.narrowColumns() && m >= K_PANEL) {
      multiplyTransposedNarrow(pool, a, w, bias, c, m, k, n);
      return;
    }
    product(pool, a, FloatGemm.ofTransposed(w, n, k), bias, c, m, n, false);
  }

  /**
   * The width to compute a product with n output columns at: the kernel's narrow width where n is below it but
   * at least half of it (zero columns cost at most as much again, while narrow columns run the slow tail loops),
   * otherwise n.
   */
  static int paddedColumns(int n) {
    int wide = FloatGemm.narrowColumns();
    return n < wide && wide <= 2 * n ? wide : n;
  }

  /**
   * {@code c = a · b + seed} ({@code add} false) or {@code c += a · b + seed} for a [m × b.depth()] and seed
   * [b.columns()] or null, keeping the first n of b's columns (c is m×n). Threads take blocks of
   * {@link #ROW_BLOCK} rows into their own small accumulator, so no m-row accumulator is allocated; with too
   * few rows for every thread they split column panels instead. Each row's sum is the same for any split.
   */
  private static void product(ComputePool pool, Rows a, FloatGemm b, float[] seed, float[] c, int m, int n,
      boolean add) {
    int k = b.depth();
    int columns = b.columns();
    if (m >= ROW_BLOCK * pool.threads()) {
      pool.parallelFor((m + ROW_BLOCK - 1) / ROW_BLOCK, (q0, q1) -> {
        float[][] acc = new float[ROW_BLOCK][columns];
        float[] scratch = a.scratch(ROW_BLOCK);
        for (int q = q0; q < q1; q++) {
          int r0 = q * ROW_BLOCK;
          int rows = Math.min(ROW_BLOCK, m - r0);
          b.multiply(a.load(r0, rows, scratch), a.firstRow(r0) * k, k, rows, seed, acc, 0, columns);
          store(acc, rows, n, c, r0, add);
        }
      });
    } else {
      float[][] acc = new float[m][columns];
      float[] rows = a.load(0, m, a.scratch(m));
      pool.parallelFor((columns + COLUMN_PANEL - 1) / COLUMN_PANEL, (p0, p1) ->
          b.multiply(rows, 0, k, m, seed, acc, p0 * COLUMN_PANEL, Math.min(columns, p1 * COLUMN_PANEL)));
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
   * {@link #multiplyTransposed} for very few output columns: the kernel's inner loop would be only n long, so it
   * computes {@code cᵀ = w · aᵀ} instead, a panel of {@link #K_PANEL} rows of a at a time, with the panel's rows
   * as the long inner loop, and writes the panel back transposed.
   */
  private static void multiplyTransposedNarrow(ComputePool pool, Rows a, float[] w, float[] bias, float[] c,
      int m, int k, int n) {
    int panels = (m + K_PANEL - 1) / K_PANEL;
    pool.parallelFor(panels, (q0, q1) -> {
      float[][] acc = new float[n][K_PANEL];
      float[] scratch = a.scratch(K_PANEL);
      for (int q = q0; q < q1; q++) {
        int r0 = q * K_PANEL;
        int rows = Math.min(K_PANEL, m - r0);
        FloatGemm.ofTransposed(a.load(r0, rows, scratch), a.firstRow(r0), rows, k)
            .multiply(w, 0, k, n, null, acc, 0, rows);
        for (int o = 0; o < n; o++) {
          float[] column = acc[o];
          float add = bias == null ? 0f : bias[o];
          for (int i = 0; i < rows; i++) {
            c[(r0 + i) * n + o] = column[i] + add;
          }
        }
      }
    });
  }

  /** {@code c += a · b}. */
  static void multiplyAdd(ComputePool pool, float[] a, float[] b, float[] c, int m, int k, int n) {
    if (m > 0 && k > 0 && n > 0) {
      product(pool, Rows.of(a, k), FloatGemm.ofRows(b, 0, k, n), null, c, m, n, true);
    }
  }

  /**
   * {@code c[m×n] += aᵀ · b} for a [k×m] and b [k×n] (b's rows read in place or gathered): weight gradients, where k
   * (batch rows or output pixels) is long and m, n are small. k is cut into at most {@link #K_GROUPS} fixed groups of
   * {@link #K_PANEL}-row panels; threads take whole groups, run the packed kernel on each panel (a's rows transposed
   * and b's packed while they are hot in cache) into the group's own m×n sum, and the group sums are added in order at
   * the end: each thread streams only its share of b, once, and the result does not depend on the thread count.
   */
  static void multiplyTransposedAAdd(ComputePool pool, float[] a, Rows b, float[] c, int m, int k) {
    int n = b.columns();
    if (m == 0 || n == 0 || k == 0) {
      return;
    }
    if (n < m) {
      // Fewer columns than rows (a first conv's 9 taps against 16 channels): the kernel wants the wider side as
      // its columns, so compute cᵀ = bᵀ · a and add it back transposed.
      float[] ct = new float[n * m];
      addProductOfTransposed(pool, b, Rows.of(a, m), ct, n, k, m);
      for (int o = 0; o < m; o++) {
        for (int j = 0; j < n; j++) {
          c[o * n + j] += ct[j * m + o];
        }
      }
    } else {
      addProductOfTransposed(pool, Rows.of(a, m), b, c, m, k, n);
    }
  }

  /** {@link #multiplyTransposedAAdd} with the operands as given. */
  private static void addProductOfTransposed(ComputePool pool, Rows a, Rows b, float[] c, int m, int k,
      int n) {
    int panels = (k + K_PANEL - 1) / K_PANEL;
    if (panels == 1 && n > COLUMN_PANEL) {
      // One panel (a fully-connected layer's batch): a single group would run on one thread, so threads split
      // the panel's columns instead; each column's sum is the one the group would compute.
      float[] at = new float[m * k];
      transpose(a.load(0, k, a.scratch(k)), a.firstRow(0), k, m, at);
      FloatGemm packed = FloatGemm.ofRows(b.load(0, k, b.scratch(k)), b.firstRow(0), k, n);
      float[][] panel = new float[m][n];
      pool.parallelFor((n + COLUMN_PANEL - 1) / COLUMN_PANEL, (p0, p1) ->
          packed.multiply(at, 0, k, m, null, panel, p0 * COLUMN_PANEL, Math.min(n, p1 * COLUMN_PANEL)));
      for (int o = 0; o < m; o++) {
        for (int j = 0; j < n; j++) {
          c[o * n + j] += panel[o][j];
        }
      }
      return;
    }
    int groups = Math.min(K_GROUPS, panels);
    float[][][] sums = new float[groups][m][n];
    pool.parallelFor(groups, (g0, g1) -> {
      float[][] panel = new float[m][n];
      float[] at = new float[m * K_PANEL];
      float[] aScratch = a.scratch(K_PANEL);
      float[] bScratch = b.scratch(K_PANEL);
      for (int group = g0; group < g1; group++) {
        for (int q = panels * group / groups; q < panels * (group + 1) / groups; q++) {
          int p0 = q * K_PANEL;
          int rows = Math.min(K_PANEL, k - p0);
          transpose(a.load(p0, rows, aScratch), a.firstRow(p0), rows, m, at);
          FloatGemm.ofRows(b.load(p0, rows, bScratch), b.firstRow(p0), rows, n)
              .multiply(at, 0, rows, m, null, panel, 0, n);
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

  /**
   * {@code sums[j] += Σ_r a[r][j]}: the bias gradient. The rows are read as segments of whole rows about
   * {@link #SUM_LANES} floats long, each copied to a zero-based buffer so the add loop indexes both arrays alike
   * (C2 vectorizes only then); fixed groups of segments (one below {@link #SUM_SERIAL} values) sum per lane, and
   * the lanes are added into {@code sums} group by group in order, whatever the thread count.
   */
  static void addColumnSums(float[] a, int rows, int cols, float[] sums) {
    addColumnSums(ComputePool.serial(), a, rows, cols, sums);
  }

  /** {@link #addColumnSums(float[], int, int, float[])} with the groups split over {@code pool}. */
  static void addColumnSums(ComputePool pool, float[] a, int rows, int cols, float[] sums) {
    if (rows == 0 || cols == 0) {
      return;
    }
    int rowsPerSegment = Math.max(1, SUM_LANES / cols);
    int width = rowsPerSegment * cols;
    int segments = (rows + rowsPerSegment - 1) / rowsPerSegment;
    int groups = (long) rows * cols < SUM_SERIAL ? 1 : Math.min(K_GROUPS, segments);
    float[][] lanes = new float[groups][width];
    int end = rows * cols;
    pool.parallelFor(groups, (g0, g1) -> {
      float[] buffer = new float[width];
      for (int group = g0; group < g1; group++) {
        float[] lane = lanes[group];
        for (int s = segments * group / groups; s < segments * (group + 1) / groups; s++) {
          int length = Math.min(width, end - s * width);
          System.arraycopy(a, s * width, buffer, 0, length);
          for (int t = 0; t < length; t++) {
            lane[t] += buffer[t];
          }
        }
      }
    });
    for (float[] lane : lanes) {
      for (int t = 0; t < width; t++) {
        sums[t % cols] += lane[t];
      }
    }
  }
}
