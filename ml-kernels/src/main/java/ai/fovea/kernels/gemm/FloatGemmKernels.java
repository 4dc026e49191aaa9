package ai.fovea.kernels.gemm;

import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Picks the {@link FloatGemmKernel} once per process: the first one {@link ServiceLoader} finds that loads and
 * works, else {@link ScalarFloatGemmKernel}. A provider that cannot start here (its JVM lacks a module, say) is
 * skipped, never fatal. System property {@code fovea.gemm=scalar} forces the portable kernel, to compare them.
 */
public final class FloatGemmKernels {
  private static final FloatGemmKernel ACTIVE = choose();

  private FloatGemmKernels() {}

  /** The kernel every {@link FloatGemm} uses in this process. */
  public static FloatGemmKernel active() {
    return ACTIVE;
  }

  private static FloatGemmKernel choose() {
    FloatGemmKernel scalar = new ScalarFloatGemmKernel();
    if ("scalar".equals(System.getProperty("fovea.gemm"))) {
      return scalar;
    }
    try {
      Iterator<FloatGemmKernel> found = ServiceLoader.load(FloatGemmKernel.class).iterator();
      while (found.hasNext()) {
        try {
          FloatGemmKernel kernel = found.next();
          if (agreesWith(scalar, kernel)) {
            return kernel;
          }
        } catch (LinkageError | RuntimeException e) {
          // A provider that cannot load here (missing module, unsupported CPU) leaves the portable kernel.
        }
      }
    } catch (LinkageError | RuntimeException e) {
      // Same: no usable provider.
    }
    return scalar;
  }

  /** A smoke test before trusting a provider: one odd-sized product must match the portable kernel closely. */
  private static boolean agreesWith(FloatGemmKernel reference, FloatGemmKernel candidate) {
    int depth = 7;
    int rows = 5;
    int columns = 37;
    float[][] b = new float[depth][columns];
    float[] a = new float[rows * depth];
    for (int p = 0; p < depth; p++) {
      for (int j = 0; j < columns; j++) {
        b[p][j] = ((p * 31 + j * 17) % 13) / 13f - 0.5f;
      }
    }
    for (int i = 0; i < a.length; i++) {
      a[i] = ((i * 7) % 11) / 11f - 0.5f;
    }
    float[] seed = new float[columns];
    seed[3] = 1f;
    float[][] expected = new float[rows][columns];
    float[][] actual = new float[rows][columns];
    reference.multiply(b, depth, a, 0, depth, rows, seed, expected, 1, columns);
    candidate.multiply(b, depth, a, 0, depth, rows, seed, actual, 1, columns);
    for (int r = 0; r < rows; r++) {
      for (int j = 1; j < columns; j++) {
        if (!(Math.abs(expected[r][j] - actual[r][j]) <= 1e-5f)) {
          return false;
        }
      }
    }
    return true;
  }
}
