package ai.fovea.kernels.gemm;

/**
 * The inner loops of {@link FloatGemm}: {@code acc[r][j] = seed[j] + Σ_p a[aOffset + r·lda + p] · B[p][j]} for
 * r in [0, rows) and j in [j0, j1), over a B of {@code depth} rows packed as {@link #panelWidth()} says
 * ({@code seed} null means zeros).
 * Arguments arrive checked. The portable kernel is {@link ScalarFloatGemmKernel}; a platform may supply a faster
 * one through {@link java.util.ServiceLoader} (the desktop JVM's SIMD kernel), picked by {@link GemmKernels}.
 */
public interface FloatGemmKernel {
  /** A short name for benchmarks and logs, e.g. "scalar" or "vector-512". */
  String name();

  /**
   * Output columns below which this kernel's loops run too short to be efficient: a caller with many rows and
   * fewer columns does better computing the transposed product. The portable kernel's inner loop runs over
   * columns, so it wants many; a register-blocked kernel only needs one vector's width.
   */
  default int narrowColumns() {
    return 64;
  }

  /**
   * How B reaches {@link #multiply}: 0, one array per row; w &gt; 0, one array per panel of w columns, row p of
   * the panel at index p·w, zeros past the last column. A register-blocked kernel wants panels, so each tile
   * reads one array front to back; loops that C2 or ART vectorize on their own want rows.
   */
  default int panelWidth() {
    return 0;
  }

  void multiply(float[][] b, int depth, float[] a, int aOffset, int lda, int rows, float[] seed, float[][] acc,
      int j0, int j1);
}
