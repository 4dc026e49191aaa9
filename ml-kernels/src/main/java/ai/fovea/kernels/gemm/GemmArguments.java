package ai.fovea.kernels.gemm;

import java.lang.reflect.Array;

/** The argument checks both GEMMs share, so a bad call fails naming the value instead of deep in the kernel. */
final class GemmArguments {
  private GemmArguments() {}

  static void check(int depth, int columns, int aLength, int aOffset, int lda, int rows, int seedLength,
      Object[] acc, int j0, int j1) {
    if (rows < 0 || acc == null || acc.length < rows) {
      throw new IllegalArgumentException("rows " + rows + " with " + (acc == null ? "no" : acc.length)
          + " accumulator rows");
    }
    if (j0 < 0 || j1 < j0 || j1 > columns) {
      throw new IllegalArgumentException("column range [" + j0 + ", " + j1 + ") outside [0, " + columns + ")");
    }
    if (seedLength < columns) {
      throw new IllegalArgumentException("seed has " + seedLength + " entries for " + columns + " columns");
    }
    if (rows == 0) {
      return;
    }
    if (aLength < 0 || aOffset < 0 || lda < depth || aOffset + (long) (rows - 1) * lda + depth > aLength) {
      throw new IllegalArgumentException("A of length " + aLength + " cannot hold " + rows + " rows of " + depth
          + " at offset " + aOffset + " with stride " + lda);
    }
    for (int r = 0; r < rows; r++) {
      if (acc[r] == null || Array.getLength(acc[r]) < j1) {
        throw new IllegalArgumentException("accumulator row " + r + " is shorter than column " + j1);
      }
    }
  }
}
