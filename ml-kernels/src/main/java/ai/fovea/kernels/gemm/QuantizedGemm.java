package ai.fovea.kernels.gemm;

/**
 * The 8-bit matrix product of quantized convolutions and fully-connected layers, exact in int32, against a
 * constant right-hand matrix B (k×n) of 8-bit weights packed once: {@code acc[r][j] = seed[j] + Σ_p A[r][p]·B[p][j]}
 * with A the raw activations. Operands are int8, or uint8 (TFLite's legacy form) when built by
 * {@link #ofTransposedUnsigned}; B holds the weights minus their zero point, so the activations' zero point is
 * the only offset left, and {@link #seed} folds {@code −zp·Σ_p B[p][j]} into the bias once instead of
 * subtracting it per product. Layout follows {@link FloatGemm} (one array per B row), with the weights widened to
 * int at packing so the inner loops multiply ints, which C2 vectorizes; the loops are the process's
 * {@link GemmKernels#quantized() kernel}.
 */
public final class QuantizedGemm {
  private static final QuantizedGemmKernel KERNEL = GemmKernels.quantized();

  private final int[][] b;
  private final int[] columnSums;
  private final int depth;
  private final int columns;
  /** Widens an activation byte: -1 keeps int8's sign extension, 0xFF reads uint8. */
  private final int byteMask;

  private QuantizedGemm(int[][] b, int[] columnSums, int depth, int columns, int byteMask) {
    this.b = b;
    this.columnSums = columnSums;
    this.depth = depth;
    this.columns = columns;
    this.byteMask = byteMask;
  }

  /** Packs a row-major n×k int8 matrix of symmetric weights (TFLite's [out][in]) as B = its transpose, k×n. */
  public static QuantizedGemm ofTransposed(byte[] w, int n, int k) {
    return pack(w, n, k, 0, -1);
  }

  /** As {@link #ofTransposed} for uint8 weights with {@code zeroPoint}; activations are then read as uint8 too. */
  public static QuantizedGemm ofTransposedUnsigned(byte[] w, int n, int k, int zeroPoint) {
    if (zeroPoint < 0 || zeroPoint > 255) {
      throw new IllegalArgumentException("uint8 zero point must be in [0, 255], got " + zeroPoint);
    }
    return pack(w, n, k, zeroPoint, 0xFF);
  }

  private static QuantizedGemm pack(byte[] w, int n, int k, int zeroPoint, int byteMask) {
    if (w == null || n < 1 || k < 1 || w.length < (long) n * k) {
      throw new IllegalArgumentException("need an n×k matrix with n, k >= 1, got n " + n + ", k " + k
          + ", length " + (w == null ? "null" : w.length));
    }
    int[][] b = new int[k][n];
    int[] sums = new int[n];
    for (int o = 0; o < n; o++) {
      for (int i = 0; i < k; i++) {
        int v = (w[o * k + i] & byteMask) - zeroPoint;
        b[i][o] = v;
        sums[o] += v;
      }
    }
    return new QuantizedGemm(b, sums, k, n, byteMask);
  }

  public int depth() {
    return depth;
  }

  public int columns() {
    return columns;
  }

  /**
   * The seed that makes {@link #multiply} on raw activations with zero point {@code inputZeroPoint} produce
   * {@code bias[j] + Σ_p (A[r][p] − zp)·B[p][j]}: {@code bias[j] − zp·Σ_p B[p][j]} ({@code bias} null means 0).
   */
  public int[] seed(int[] bias, int inputZeroPoint) {
    if (bias != null && bias.length < columns) {
      throw new IllegalArgumentException("bias has " + bias.length + " entries for " + columns + " columns");
    }
    int[] seed = new int[columns];
    for (int j = 0; j < columns; j++) {
      seed[j] = (bias == null ? 0 : bias[j]) - inputZeroPoint * columnSums[j];
    }
    return seed;
  }

  /**
   * For rows r in [0, rows) and columns j in [j0, j1): {@code acc[r][j] = seed[j] + Σ_p a[aOffset + r·lda + p]
   * · B[p][j]} in int32 ({@code seed} null means zeros). Other entries of {@code acc} are left alone.
   */
  public void multiply(byte[] a, int aOffset, int lda, int rows, int[] seed, int[][] acc, int j0, int j1) {
    GemmArguments.check(depth, columns, a == null ? -1 : a.length, aOffset, lda, rows,
        seed == null ? columns : seed.length, acc, j0, j1);
    KERNEL.multiply(b, depth, a, byteMask, aOffset, lda, rows, seed, acc, j0, j1);
  }

  /** {@link #multiply} as the plain triple loop: the oracle of the blocked form. */
  public void multiplyReference(byte[] a, int aOffset, int lda, int rows, int[] seed, int[][] acc, int j0, int j1) {
    GemmArguments.check(depth, columns, a == null ? -1 : a.length, aOffset, lda, rows,
        seed == null ? columns : seed.length, acc, j0, j1);
    for (int r = 0; r < rows; r++) {
      for (int j = j0; j < j1; j++) {
        int sum = seed == null ? 0 : seed[j];
        for (int p = 0; p < depth; p++) {
          sum += (a[aOffset + r * lda + p] & byteMask) * b[p][j];
        }
        acc[r][j] = sum;
      }
    }
  }
}
