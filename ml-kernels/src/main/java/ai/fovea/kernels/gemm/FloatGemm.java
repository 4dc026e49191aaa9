package ai.fovea.kernels.gemm;

/**
 * The float matrix product the convolution family shares, against a constant right-hand matrix B (k×n) packed once, in
 * the layout the kernel reads ({@link PackedFloatMatrix}): {@code acc[r][j] = seed[j] + Σ_p A[r][p]·B[p][j]}, A
 * row-major in a caller's array, the accumulator one zero-based array per row. Immutable and thread-safe; callers split
 * rows or column ranges over threads.
 *
 * <p>The loops themselves are the process's {@link GemmKernels.floating() kernel}: the portable
 * {@link ScalarFloatGemmKernel}, or a platform's faster one.
 */
public final class FloatGemm {
  private static final FloatGemmKernel KERNEL = GemmKernels.floating();

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
    return new FloatGemm(PackedFloatMatrix.pack(w, row0 * k, 1, k, k, n, KERNEL.panelWidth()), k, n);
  }

  /** Packs rows [{@code row0}, {@code row0 + k}) of a row-major matrix with n columns as B, k×n. */
  public static FloatGemm ofRows(float[] m, int row0, int k, int n) {
    if (m == null || row0 < 0 || n < 1 || k < 1 || m.length < ((long) row0 + k) * n) {
      throw new IllegalArgumentException("need rows [" + row0 + ", " + row0 + "+" + k + ") of a matrix with " + n
          + " columns, got length " + (m == null ? "null" : m.length));
    }
    return new FloatGemm(PackedFloatMatrix.pack(m, row0 * n, n, 1, k, n, KERNEL.panelWidth()), k, n);
  }

  /** The process kernel's {@link FloatGemmKernel#narrowColumns()}. */
  public static int narrowColumns() {
    return KERNEL.narrowColumns();
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
    KERNEL.multiply(b, depth, a, aOffset, lda, rows, seed, acc, j0, j1);
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
          sum += a[aOffset + r * lda + p] * PackedFloatMatrix.at(b, KERNEL.panelWidth(), p, j);
        }
        acc[r][j] = sum;
      }
    }
  }
}
