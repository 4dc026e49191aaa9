package ai.fovea.kernels.gemm;

/**
 * The inner loops of {@link QuantizedGemm}, exact in int32: {@code acc[r][j] = seed[j] + Σ_p (a[aOffset + r·lda
 * + p] & byteMask) · b[p][j]} for r in [0, rows) and j in [j0, j1), over a B of {@code depth} widened int rows
 * ({@code seed} null means zeros; {@code byteMask} -1 reads int8 activations, 0xFF uint8). Arguments arrive
 * checked. The portable kernel is {@link ScalarQuantizedGemmKernel}; a platform may supply a faster one through
 * {@link java.util.ServiceLoader}, picked by {@link GemmKernels}.
 */
public interface QuantizedGemmKernel {
  /** A short name for benchmarks and logs, e.g. "scalar" or "vector-256". */
  String name();

  void multiply(int[][] b, int depth, byte[] a, int byteMask, int aOffset, int lda, int rows, int[] seed,
      int[][] acc, int j0, int j1);
}
