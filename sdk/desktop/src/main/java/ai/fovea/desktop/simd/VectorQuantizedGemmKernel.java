package ai.fovea.desktop.simd;

import ai.fovea.kernels.gemm.QuantizedGemmKernel;
import ai.fovea.kernels.gemm.ScalarQuantizedGemmKernel;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The desktop JVM's {@link QuantizedGemmKernel}: {@link VectorFloatGemmKernel}'s register tiling on int32 lanes
 * (exact, like the portable kernel): a 4-row × 2-vector accumulator tile stays in registers for the whole depth.
 * Columns past the last whole vector and the seed are handled as there. Registered through
 * {@code META-INF/services}.
 */
public final class VectorQuantizedGemmKernel implements QuantizedGemmKernel {
  private static final VectorSpecies<Integer> S = IntVector.SPECIES_256;
  private static final int L = S.length();
  private static final QuantizedGemmKernel TAIL = new ScalarQuantizedGemmKernel();

  @Override
  public String name() {
    return "vector-" + S.vectorBitSize();
  }

  @Override
  public void multiply(int[][] b, int depth, byte[] a, int byteMask, int aOffset, int lda, int rows, int[] seed,
      int[][] acc, int j0, int j1) {
    if (rows < 4) {
      // Register tiles need four rows; fewer (a fully-connected layer on one image) stream B best row by row.
      TAIL.multiply(b, depth, a, byteMask, aOffset, lda, rows, seed, acc, j0, j1);
      return;
    }
    int vectorEnd = j0 + (j1 - j0) / L * L;
    int j = j0;
    for (; j + 2 * L <= vectorEnd; j += 2 * L) {
      int r = 0;
      for (; r + 4 <= rows; r += 4) {
        tile4x2(b, depth, a, byteMask, aOffset + r * lda, lda, acc, r, j);
      }
      for (; r < rows; r++) {
        tile1(b, depth, a, byteMask, aOffset + r * lda, acc[r], j);
        tile1(b, depth, a, byteMask, aOffset + r * lda, acc[r], j + L);
      }
    }
    if (j < vectorEnd) {
      for (int r = 0; r < rows; r++) {
        tile1(b, depth, a, byteMask, aOffset + r * lda, acc[r], j);
      }
    }
    if (vectorEnd < j1) {
      TAIL.multiply(b, depth, a, byteMask, aOffset, lda, rows, null, acc, vectorEnd, j1);
    }
    if (seed != null) {
      for (int r = 0; r < rows; r++) {
        int[] c = acc[r];
        for (int col = j0; col < j1; col++) {
          c[col] += seed[col];
        }
      }
    }
  }

  private static void tile4x2(int[][] b, int depth, byte[] a, int mask, int a0, int lda, int[][] acc, int r,
      int j) {
    IntVector c00 = IntVector.zero(S);
    IntVector c01 = IntVector.zero(S);
    IntVector c10 = IntVector.zero(S);
    IntVector c11 = IntVector.zero(S);
    IntVector c20 = IntVector.zero(S);
    IntVector c21 = IntVector.zero(S);
    IntVector c30 = IntVector.zero(S);
    IntVector c31 = IntVector.zero(S);
    int a1 = a0 + lda;
    int a2 = a1 + lda;
    int a3 = a2 + lda;
    for (int p = 0; p < depth; p++) {
      int[] row = b[p];
      IntVector b0 = IntVector.fromArray(S, row, j);
      IntVector b1 = IntVector.fromArray(S, row, j + L);
      int x = a[a0 + p] & mask;
      c00 = c00.add(b0.mul(x));
      c01 = c01.add(b1.mul(x));
      x = a[a1 + p] & mask;
      c10 = c10.add(b0.mul(x));
      c11 = c11.add(b1.mul(x));
      x = a[a2 + p] & mask;
      c20 = c20.add(b0.mul(x));
      c21 = c21.add(b1.mul(x));
      x = a[a3 + p] & mask;
      c30 = c30.add(b0.mul(x));
      c31 = c31.add(b1.mul(x));
    }
    c00.intoArray(acc[r], j);
    c01.intoArray(acc[r], j + L);
    c10.intoArray(acc[r + 1], j);
    c11.intoArray(acc[r + 1], j + L);
    c20.intoArray(acc[r + 2], j);
    c21.intoArray(acc[r + 2], j + L);
    c30.intoArray(acc[r + 3], j);
    c31.intoArray(acc[r + 3], j + L);
  }

  private static void tile1(int[][] b, int depth, byte[] a, int mask, int a0, int[] acc, int j) {
    IntVector c = IntVector.zero(S);
    for (int p = 0; p < depth; p++) {
      c = c.add(IntVector.fromArray(S, b[p], j).mul(a[a0 + p] & mask));
    }
    c.intoArray(acc, j);
  }
}
