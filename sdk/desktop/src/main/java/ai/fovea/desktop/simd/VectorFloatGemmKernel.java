package ai.fovea.desktop.simd;

import ai.fovea.kernels.gemm.FloatGemmKernel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The desktop JVM's {@link FloatGemmKernel}, on the JDK's incubating Vector API (absent on Android, which keeps the
 * portable kernel): a register-blocked micro-kernel that holds an 8-row × 2-vector tile of the accumulator in registers
 * for the whole depth, so each B vector load serves eight rows and each A value one broadcast — far fewer loads and
 * stores per multiply-add than the loops C2 vectorizes on its own. B comes in panels two vectors wide, so a tile reads
 * one array front to back (one bounds check the JIT can hoist, and a stream the prefetcher follows); on VGG's 3×3 conv
 * products with A in cache, one thread ran 1.2–1.35× faster than with one array per B row. Columns of a panel that do
 * not fill a vector run scalar loops. Registered through {@code META-INF/services}; needs {@code --add-modules
 * jdk.incubator.vector}, without which the portable kernel runs instead.
 */
public final class VectorFloatGemmKernel implements FloatGemmKernel {
  /** 256-bit vectors: eight floats fit the few channels of mobile convolutions better than 512-bit ones. */
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
  private static final int L = S.length();
  private static final int W = 2 * L;

  @Override
  public String name() {
    return "vector-" + S.vectorBitSize();
  }

  /** Register tiles are one or two vectors wide, so a single vector's width of columns already runs well. */
  @Override
  public int narrowColumns() {
    return L;
  }

  @Override
  public int panelWidth() {
    return W;
  }

  @Override
  public void multiply(float[][] panels, int depth, float[] a, int aOffset, int lda, int rows, float[] seed,
      float[][] acc, int j0, int j1) {
    for (int q = j0 / W; q * W < j1; q++) {
      float[] b = panels[q];
      int c0 = q * W;
      int from = Math.max(j0, c0);
      int to = Math.min(j1, c0 + W);
      if (from == c0 && to == c0 + W) {
        int r = 0;
        for (; r + 8 <= rows; r += 8) {
          tile8x2(b, depth, a, aOffset + r * lda, lda, acc, r, c0);
        }
        for (; r + 4 <= rows; r += 4) {
          tile4x2(b, depth, a, aOffset + r * lda, lda, acc, r, c0);
        }
        for (; r < rows; r++) {
          tile1x2(b, depth, a, aOffset + r * lda, acc[r], c0);
        }
      } else {
        if (from == c0 && to >= c0 + L) {
          int r = 0;
          for (; r + 4 <= rows; r += 4) {
            tile4x1(b, depth, a, aOffset + r * lda, lda, acc, r, c0);
          }
          for (; r < rows; r++) {
            tile1(b, depth, a, aOffset + r * lda, acc[r], c0);
          }
          from = c0 + L;
        }
        scalar(b, depth, a, aOffset, lda, rows, acc, c0, from, to);
      }
    }
    // The seed is added after the products: vectors that merge two values in a branch would be heap objects.
    if (seed != null) {
      for (int r = 0; r < rows; r++) {
        float[] c = acc[r];
        for (int col = j0; col < j1; col++) {
          c[col] += seed[col];
        }
      }
    }
  }

  /** Columns [from, to) of the panel starting at column c0, one dot product each. */
  private static void scalar(float[] b, int depth, float[] a, int aOffset, int lda, int rows, float[][] acc,
      int c0, int from, int to) {
    for (int r = 0; r < rows; r++) {
      int ar = aOffset + r * lda;
      for (int j = from; j < to; j++) {
        float sum = 0f;
        for (int p = 0, bp = j - c0; p < depth; p++, bp += W) {
          sum += a[ar + p] * b[bp];
        }
        acc[r][j] = sum;
      }
    }
  }

  /**
   * Rows r..r+7, columns j..j+2L: sixteen accumulators, which fit AVX-512's 32 vector registers (C2 uses them
   * for 256-bit vectors too); each pair of B loads then serves eight rows.
   */
  private static void tile8x2(float[] b, int depth, float[] a, int a0, int lda, float[][] acc, int r, int j) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    FloatVector c40 = FloatVector.zero(S);
    FloatVector c41 = FloatVector.zero(S);
    FloatVector c50 = FloatVector.zero(S);
    FloatVector c51 = FloatVector.zero(S);
    FloatVector c60 = FloatVector.zero(S);
    FloatVector c61 = FloatVector.zero(S);
    FloatVector c70 = FloatVector.zero(S);
    FloatVector c71 = FloatVector.zero(S);
    int a1 = a0 + lda;
    int a2 = a1 + lda;
    int a3 = a2 + lda;
    int a4 = a3 + lda;
    int a5 = a4 + lda;
    int a6 = a5 + lda;
    int a7 = a6 + lda;
    for (int p = 0; p < depth; p++) {
      FloatVector b0 = FloatVector.fromArray(S, b, p * W);
      FloatVector b1 = FloatVector.fromArray(S, b, p * W + L);
      FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
      c00 = b0.fma(x, c00);
      c01 = b1.fma(x, c01);
      x = FloatVector.broadcast(S, a[a1 + p]);
      c10 = b0.fma(x, c10);
      c11 = b1.fma(x, c11);
      x = FloatVector.broadcast(S, a[a2 + p]);
      c20 = b0.fma(x, c20);
      c21 = b1.fma(x, c21);
      x = FloatVector.broadcast(S, a[a3 + p]);
      c30 = b0.fma(x, c30);
      c31 = b1.fma(x, c31);
      x = FloatVector.broadcast(S, a[a4 + p]);
      c40 = b0.fma(x, c40);
      c41 = b1.fma(x, c41);
      x = FloatVector.broadcast(S, a[a5 + p]);
      c50 = b0.fma(x, c50);
      c51 = b1.fma(x, c51);
      x = FloatVector.broadcast(S, a[a6 + p]);
      c60 = b0.fma(x, c60);
      c61 = b1.fma(x, c61);
      x = FloatVector.broadcast(S, a[a7 + p]);
      c70 = b0.fma(x, c70);
      c71 = b1.fma(x, c71);
    }
    c00.intoArray(acc[r], j);
    c01.intoArray(acc[r], j + L);
    c10.intoArray(acc[r + 1], j);
    c11.intoArray(acc[r + 1], j + L);
    c20.intoArray(acc[r + 2], j);
    c21.intoArray(acc[r + 2], j + L);
    c30.intoArray(acc[r + 3], j);
    c31.intoArray(acc[r + 3], j + L);
    c40.intoArray(acc[r + 4], j);
    c41.intoArray(acc[r + 4], j + L);
    c50.intoArray(acc[r + 5], j);
    c51.intoArray(acc[r + 5], j + L);
    c60.intoArray(acc[r + 6], j);
    c61.intoArray(acc[r + 6], j + L);
    c70.intoArray(acc[r + 7], j);
    c71.intoArray(acc[r + 7], j + L);
  }

  /** Rows r..r+3, columns j..j+2L: eight accumulators live in registers across the whole depth. */
  private static void tile4x2(float[] b, int depth, float[] a, int a0, int lda, float[][] acc, int r, int j) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    int a1 = a0 + lda;
    int a2 = a1 + lda;
    int a3 = a2 + lda;
    for (int p = 0; p < depth; p++) {
      FloatVector b0 = FloatVector.fromArray(S, b, p * W);
      FloatVector b1 = FloatVector.fromArray(S, b, p * W + L);
      FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
      c00 = b0.fma(x, c00);
      c01 = b1.fma(x, c01);
      x = FloatVector.broadcast(S, a[a1 + p]);
      c10 = b0.fma(x, c10);
      c11 = b1.fma(x, c11);
      x = FloatVector.broadcast(S, a[a2 + p]);
      c20 = b0.fma(x, c20);
      c21 = b1.fma(x, c21);
      x = FloatVector.broadcast(S, a[a3 + p]);
      c30 = b0.fma(x, c30);
      c31 = b1.fma(x, c31);
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

  /** Rows r..r+3, the first L columns of the panel (columns j..j+L). */
  private static void tile4x1(float[] b, int depth, float[] a, int a0, int lda, float[][] acc, int r, int j) {
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = FloatVector.zero(S);
    FloatVector c2 = FloatVector.zero(S);
    FloatVector c3 = FloatVector.zero(S);
    int a1 = a0 + lda;
    int a2 = a1 + lda;
    int a3 = a2 + lda;
    for (int p = 0; p < depth; p++) {
      FloatVector v = FloatVector.fromArray(S, b, p * W);
      c0 = v.fma(FloatVector.broadcast(S, a[a0 + p]), c0);
      c1 = v.fma(FloatVector.broadcast(S, a[a1 + p]), c1);
      c2 = v.fma(FloatVector.broadcast(S, a[a2 + p]), c2);
      c3 = v.fma(FloatVector.broadcast(S, a[a3 + p]), c3);
    }
    c0.intoArray(acc[r], j);
    c1.intoArray(acc[r + 1], j);
    c2.intoArray(acc[r + 2], j);
    c3.intoArray(acc[r + 3], j);
  }

  /** One row, the whole panel (columns j..j+2L). */
  private static void tile1x2(float[] b, int depth, float[] a, int a0, float[] acc, int j) {
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = FloatVector.zero(S);
    for (int p = 0; p < depth; p++) {
      FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
      c0 = FloatVector.fromArray(S, b, p * W).fma(x, c0);
      c1 = FloatVector.fromArray(S, b, p * W + L).fma(x, c1);
    }
    c0.intoArray(acc, j);
    c1.intoArray(acc, j + L);
  }

  /** One row, the first L columns of the panel (columns j..j+L). */
  private static void tile1(float[] b, int depth, float[] a, int a0, float[] acc, int j) {
    FloatVector c = FloatVector.zero(S);
    for (int p = 0; p < depth; p++) {
      c = FloatVector.fromArray(S, b, p * W).fma(FloatVector.broadcast(S, a[a0 + p]), c);
    }
    c.intoArray(acc, j);
  }
}
