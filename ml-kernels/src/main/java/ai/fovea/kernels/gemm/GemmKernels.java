package ai.fovea.kernels.gemm;

import java.util.Iterator;
import java.util.ServiceLoader;
import java.util.function.Predicate;

/**
 * Picks the GEMM kernels once per process: for each of {@link FloatGemmKernel} and {@link QuantizedGemmKernel},
 * the first provider {@link ServiceLoader} finds that loads and passes a smoke test against the portable kernel,
 * else the portable kernel. A provider that cannot start here (its JVM lacks a module, say) is skipped, never
 * fatal. System property {@code fovea.gemm=scalar} forces the portable kernels, to compare them.
 */
public final class GemmKernels {
  private static final FloatGemmKernel FLOATING =
      choose(FloatGemmKernel.class, new ScalarFloatGemmKernel(), GemmKernels::floatAgrees);
  private static final QuantizedGemmKernel QUANTIZED =
      choose(QuantizedGemmKernel.class, new ScalarQuantizedGemmKernel(), GemmKernels::quantizedAgrees);

  private GemmKernels() {}

  /** The kernel every {@link FloatGemm} uses in this process. */
  public static FloatGemmKernel floating() {
    return FLOATING;
  }

  /** The kernel every {@link QuantizedGemm} uses in this process. */
  public static QuantizedGemmKernel quantized() {
    return QUANTIZED;
  }

  private static <K> K choose(Class<K> type, K portable, Predicate<K> works) {
    if ("scalar".equals(System.getProperty("fovea.gemm"))) {
      return portable;
    }
    try {
      Iterator<K> found = ServiceLoader.load(type).iterator();
      while (found.hasNext()) {
        try {
          K kernel = found.next();
          if (works.test(kernel)) {
            return kernel;
          }
        } catch (LinkageError | RuntimeException e) {
          // A provider that cannot load here (missing module, unsupported CPU) leaves the portable kernel.
        }
      }
    } catch (LinkageError | RuntimeException e) {
      // Same: no usable provider.
    }
    return portable;
  }

  private static final int SMOKE_DEPTH = 7;
  private static final int SMOKE_ROWS = 5;
  private static final int SMOKE_COLUMNS = 37;

  /** One odd-sized product (column range from 1, a seed) must match the portable kernel's closely. */
  private static boolean floatAgrees(FloatGemmKernel candidate) {
    float[] b = new float[SMOKE_DEPTH * SMOKE_COLUMNS];
    float[] a = new float[SMOKE_ROWS * SMOKE_DEPTH];
    float[] seed = new float[SMOKE_COLUMNS];
    for (int i = 0; i < b.length; i++) {
      b[i] = smokeValue(i / SMOKE_COLUMNS * 31 + i % SMOKE_COLUMNS * 17) / 13f;
    }
    for (int i = 0; i < a.length; i++) {
      a[i] = smokeValue(i * 7) / 11f;
    }
    seed[3] = 1f;
    float[][] expected = new float[SMOKE_ROWS][SMOKE_COLUMNS];
    float[][] actual = new float[SMOKE_ROWS][SMOKE_COLUMNS];
    FloatGemmKernel portable = new ScalarFloatGemmKernel();
    portable.multiply(PackedFloatMatrix.pack(b, 0, SMOKE_COLUMNS, 1, SMOKE_DEPTH, SMOKE_COLUMNS,
        portable.panelWidth()), SMOKE_DEPTH, a, 0, SMOKE_DEPTH, SMOKE_ROWS, seed, expected, 1, SMOKE_COLUMNS);
    candidate.multiply(PackedFloatMatrix.pack(b, 0, SMOKE_COLUMNS, 1, SMOKE_DEPTH, SMOKE_COLUMNS,
        candidate.panelWidth()), SMOKE_DEPTH, a, 0, SMOKE_DEPTH, SMOKE_ROWS, seed, actual, 1, SMOKE_COLUMNS);
    for (int r = 0; r < SMOKE_ROWS; r++) {
      for (int j = 1; j < SMOKE_COLUMNS; j++) {
        if (!(Math.abs(expected[r][j] - actual[r][j]) <= 1e-5f)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The same product in int32 on int8 and uint8 activations must match exactly. */
  private static boolean quantizedAgrees(QuantizedGemmKernel candidate) {
    int[][] b = new int[SMOKE_DEPTH][SMOKE_COLUMNS];
    byte[] a = new byte[SMOKE_ROWS * SMOKE_DEPTH];
    int[] seed = new int[SMOKE_COLUMNS];
    for (int p = 0; p < SMOKE_DEPTH; p++) {
      for (int j = 0; j < SMOKE_COLUMNS; j++) {
        b[p][j] = smokeValue(p * 31 + j * 17) * 19;
      }
    }
    for (int i = 0; i < a.length; i++) {
      a[i] = (byte) (smokeValue(i * 7) * 37);
    }
    seed[3] = 1000;
    for (int mask : new int[] {-1, 0xFF}) {
      int[][] expected = new int[SMOKE_ROWS][SMOKE_COLUMNS];
      int[][] actual = new int[SMOKE_ROWS][SMOKE_COLUMNS];
      new ScalarQuantizedGemmKernel().multiply(b, SMOKE_DEPTH, a, mask, 0, SMOKE_DEPTH, SMOKE_ROWS, seed, expected,
          1, SMOKE_COLUMNS);
      candidate.multiply(b, SMOKE_DEPTH, a, mask, 0, SMOKE_DEPTH, SMOKE_ROWS, seed, actual, 1, SMOKE_COLUMNS);
      for (int r = 0; r < SMOKE_ROWS; r++) {
        for (int j = 1; j < SMOKE_COLUMNS; j++) {
          if (expected[r][j] != actual[r][j]) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** A fixed pseudo-random value in [-6, 6]. */
  private static int smokeValue(int i) {
    return i % 13 - 6;
  }
}
