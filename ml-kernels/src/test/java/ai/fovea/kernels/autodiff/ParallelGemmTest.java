package ai.fovea.kernels.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.fovea.kernels.gemm.FloatGemm;
import ai.fovea.kernels.parallel.ComputePool;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The training products against plain triple loops, on shapes that take every path, and across thread counts. */
class ParallelGemmTest {
  private static final ComputePool SERIAL = ComputePool.serial();
  private static final ComputePool THREE = new ComputePool(3);

  private static float[] random(Random r, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextFloat() * 2 - 1;
    }
    return a;
  }

  /** An element of an operand, read at (row, column) of the matrix it stands for. */
  private interface Element {
    float at(int row, int column);
  }

  /** Checks {@code actual[i·n + j] = initial(i, j) + Σ_p a(i, p)·b(p, j)} for every i, j, summed in double. */
  private static void assertProduct(int m, int k, int n, Element initial, Element a, Element b, float[] actual) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = initial.at(i, j);
        for (int p = 0; p < k; p++) {
          sum += a.at(i, p) * b.at(p, j);
        }
        assertEquals(sum, actual[i * n + j], 1e-4 * Math.max(1, Math.abs(sum)),
            "m" + m + " k" + k + " n" + n + " at " + i + "," + j);
      }
    }
  }

  @Test
  void multiplyTransposedMatchesPlainLoopsOnWideAndNarrowShapes() {
    Random r = new Random(1);
    // {m, k, n}: few rows (column panels), many rows (row blocks), narrow n with many rows (transposed panels),
    // n from half the kernel's narrow width on (zero-padded columns; the last with a short last row block)
    int wide = FloatGemm.narrowColumns();
    int[][] shapes = {{3, 17, 130}, {70, 9, 80}, {1000, 75, 24}, {257, 1, 5}, {300, 25, wide / 2}, {77, 9, wide - 1}};
    for (int[] s : shapes) {
      int m = s[0];
      int k = s[1];
      int n = s[2];
      float[] a = random(r, m * k);
      float[] w = random(r, n * k);
      float[] bias = m % 2 == 0 ? null : random(r, n);
      float[] c = new float[m * n];
      ParallelGemm.multiplyTransposed(THREE, Rows.of(a, k), w, bias, c, m, n);
      assertProduct(m, k, n, (i, j) -> bias == null ? 0 : bias[j], (i, p) -> a[i * k + p], (p, j) -> w[j * k + p], c);
      float[] fromBlocks = new float[m * n];
      ParallelGemm.multiplyTransposed(THREE, copiedBlocks(a, k), w, bias, fromBlocks, m, n);
      assertArrayEquals(c, fromBlocks, 0f, "gathered rows give the same product, m" + m + " k" + k + " n" + n);
    }
  }

  @Test
  void multiplyAddMatchesPlainLoopsOnRowBlocksAndColumnPanels() {
    Random r = new Random(3);
    // {m, k, n}: enough rows for row blocks (with a short last block), and too few (column panels)
    int[][] shapes = {{100, 16, 37}, {5, 9, 130}};
    for (int[] s : shapes) {
      int m = s[0];
      int k = s[1];
      int n = s[2];
      float[] a = random(r, m * k);
      float[] b = random(r, k * n);
      float[] initial = random(r, m * n);
      float[] c = initial.clone();
      ParallelGemm.multiplyAdd(THREE, a, b, c, m, k, n);
      assertProduct(m, k, n, (i, j) -> initial[i * n + j], (i, p) -> a[i * k + p], (p, j) -> b[p * n + j], c);
    }
  }

  @Test
  void weightGradientMatchesPlainLoopsAndIgnoresThreadCount() {
    Random r = new Random(2);
    // the third to fifth have fewer columns than rows (computed transposed); the last has a single panel of
    // k split by columns (a fully-connected layer's batch)
    int[][] shapes = {{16, 5000, 144}, {3, 40, 7}, {10, 256 * 20 + 3, 9}, {16, 3000, 9}, {5, 7, 2}, {7, 50, 150}};
    for (int[] s : shapes) {
      int m = s[0];
      int k = s[1];
      int n = s[2];
      float[] a = random(r, k * m);
      float[] b = random(r, k * n);
      float[] initial = random(r, m * n);
      float[] serial = initial.clone();
      float[] threaded = initial.clone();
      float[] fromBlocks = initial.clone();
      ParallelGemm.multiplyTransposedAAdd(SERIAL, a, Rows.of(b, n), serial, m, k);
      ParallelGemm.multiplyTransposedAAdd(THREE, a, Rows.of(b, n), threaded, m, k);
      ParallelGemm.multiplyTransposedAAdd(THREE, a, copiedBlocks(b, n), fromBlocks, m, k);
      assertArrayEquals(serial, threaded, 0f, "bit-identical for 1 and 3 threads, m" + m + " k" + k + " n" + n);
      assertArrayEquals(serial, fromBlocks, 0f, "gathered rows give the same sums, m" + m + " k" + k + " n" + n);
      assertProduct(m, k, n, (o, j) -> initial[o * n + j], (o, p) -> a[p * m + o], (p, j) -> b[p * n + j], serial);
    }
  }

  /** The rows of {@code a} as gathered blocks, as a convolution's im2col windows arrive. */
  private static Rows copiedBlocks(float[] a, int columns) {
    return Rows.gathered(columns, (r0, count, dst) -> System.arraycopy(a, r0 * columns, dst, 0, count * columns));
  }

  @Test
  void columnSumsMatchPlainLoopsAndIgnoreThreadCount() {
    Random r = new Random(4);
    // {rows, cols}: below the serial cut, above it with whole and partial last segments, wider than a segment
    int[][] shapes = {{64, 120}, {50176, 16}, {3001, 24}, {200, 300}, {9, 1}};
    for (int[] s : shapes) {
      int rows = s[0];
      int cols = s[1];
      float[] a = random(r, rows * cols);
      float[] initial = random(r, cols);
      float[] serial = initial.clone();
      float[] threaded = initial.clone();
      ParallelGemm.addColumnSums(a, rows, cols, serial);
      ParallelGemm.addColumnSums(THREE, a, rows, cols, threaded);
      assertArrayEquals(serial, threaded, 0f, "bit-identical for 1 and 3 threads, " + rows + "x" + cols);
      for (int j = 0; j < cols; j++) {
        double sum = initial[j];
        for (int i = 0; i < rows; i++) {
          sum += a[i * cols + j];
        }
        assertEquals(sum, serial[j], 1e-5 * Math.sqrt(rows) * Math.max(1, Math.abs(sum)),
            rows + "x" + cols + " column " + j);
      }
    }
  }
}
