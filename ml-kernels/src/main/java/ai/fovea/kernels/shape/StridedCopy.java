package ai.fovea.kernels.shape;

import java.util.Arrays;

/**
 * A plan that copies an n-d grid of elements between two flat arrays, each side addressed by its own start
 * offset and per-axis steps (a negative step walks backwards). Building the plan drops axes of extent 1 and
 * merges neighbouring axes that are contiguous on both sides, so the inner loop is as long as possible and is a
 * {@code System.arraycopy} when both sides are unit-stride. Immutable; copying allocates nothing, and disjoint
 * row ranges may be copied concurrently.
 */
final class StridedCopy {
  /** Most axes a plan takes: the outer loop levels plus the inner one. */
  static final int MAX_RANK = 6;
  private static final int OUTER = MAX_RANK - 1;

  // Outer axes padded at the front with extent-1 axes, so copyRows runs one fixed odometer.
  private final int[] counts = new int[OUTER];
  private final int[] srcSteps = new int[OUTER];
  private final int[] dstSteps = new int[OUTER];
  private final int srcOffset;
  private final int dstOffset;
  private final int innerCount;
  private final int innerSrcStep;
  private final int innerDstStep;
  private final int rows;

  private StridedCopy(int[] n, int[] s, int[] d, int rank, int srcOffset, int dstOffset) {
    this.srcOffset = srcOffset;
    this.dstOffset = dstOffset;
    Arrays.fill(counts, 1);
    int outer = Math.max(rank - 1, 0);
    for (int i = 0; i < outer; i++) {
      counts[OUTER - outer + i] = n[i];
      srcSteps[OUTER - outer + i] = s[i];
      dstSteps[OUTER - outer + i] = d[i];
    }
    innerCount = rank == 0 ? 1 : n[rank - 1];
    innerSrcStep = rank == 0 ? 1 : s[rank - 1];
    innerDstStep = rank == 0 ? 1 : d[rank - 1];
    int r = 1;
    for (int c : counts) {
      r *= c;
    }
    rows = r;
  }

  /**
   * The plan for a grid of {@code counts} elements whose element {@code (i0, i1, ...)} lives at
   * {@code srcOffset + Σ ik * srcSteps[k]} in the source and {@code dstOffset + Σ ik * dstSteps[k]} in the
   * destination. A grid with a zero extent copies nothing.
   */
  static StridedCopy of(int[] counts, int srcOffset, int[] srcSteps, int dstOffset, int[] dstSteps) {
    if (counts.length != srcSteps.length || counts.length != dstSteps.length) {
      throw new IllegalArgumentException(
          "counts, source steps and destination steps differ in rank: " + counts.length + ", " + srcSteps.length
              + ", " + dstSteps.length);
    }
    int[] n = new int[counts.length];
    int[] s = new int[counts.length];
    int[] d = new int[counts.length];
    int rank = 0;
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] < 0) {
        throw new IllegalArgumentException("negative extent " + counts[k] + " at axis " + k);
      }
      if (counts[k] == 0) { // no rows at all, so no offset is ever touched
        return new StridedCopy(new int[] {0, 1}, new int[] {0, 0}, new int[] {0, 0}, 2, 0, 0);
      }
      if (counts[k] == 1) {
        continue;
      }
      boolean contiguousWithPrevious = rank > 0
          && s[rank - 1] == counts[k] * srcSteps[k]
          && d[rank - 1] == counts[k] * dstSteps[k];
      if (contiguousWithPrevious) {
        n[rank - 1] *= counts[k];
        s[rank - 1] = srcSteps[k];
        d[rank - 1] = dstSteps[k];
      } else {
        n[rank] = counts[k];
        s[rank] = srcSteps[k];
        d[rank] = dstSteps[k];
        rank++;
      }
    }
    if (rank > MAX_RANK) {
      throw new IllegalArgumentException("a copy plan takes at most " + MAX_RANK + " non-mergeable axes, got " + rank);
    }
    return new StridedCopy(n, s, d, rank, srcOffset, dstOffset);
  }

  /** Row-major steps of a dense array with {@code dims}. */
  static int[] rowMajorSteps(int[] dims) {
    int[] steps = new int[dims.length];
    int step = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      steps[i] = step;
      step *= dims[i];
    }
    return steps;
  }

  /** Number of inner runs; {@link #copyRows} splits the work along them. */
  int rows() {
    return rows;
  }

  /** Elements in one inner run. */
  int rowLength() {
    return innerCount;
  }

  /** Copies the whole grid. */
  void copy(Elements elements, Object src, Object dst) {
    copyRows(elements, src, dst, 0, rows);
  }

  /** Copies inner runs [start, end) in row-major order of the outer axes. */
  void copyRows(Elements elements, Object src, Object dst, int start, int end) {
    if (start >= end) {
      return;
    }
    int n0 = counts[0], n1 = counts[1], n2 = counts[2], n3 = counts[3], n4 = counts[4];
    int s0 = srcSteps[0], s1 = srcSteps[1], s2 = srcSteps[2], s3 = srcSteps[3], s4 = srcSteps[4];
    int d0 = dstSteps[0], d1 = dstSteps[1], d2 = dstSteps[2], d3 = dstSteps[3], d4 = dstSteps[4];
    int t = start;
    int c4 = t % n4;
    t /= n4;
    int c3 = t % n3;
    t /= n3;
    int c2 = t % n2;
    t /= n2;
    int c1 = t % n1;
    int c0 = t / n1;
    int srcPos = srcOffset + c0 * s0 + c1 * s1 + c2 * s2 + c3 * s3 + c4 * s4;
    int dstPos = dstOffset + c0 * d0 + c1 * d1 + c2 * d2 + c3 * d3 + c4 * d4;
    boolean contiguous = innerSrcStep == 1 && innerDstStep == 1;
    for (int row = start; row < end; row++) {
      if (contiguous) {
        System.arraycopy(src, srcPos, dst, dstPos, innerCount);
      } else {
        elements.copy(src, srcPos, innerSrcStep, dst, dstPos, innerDstStep, innerCount);
      }
      // Odometer over the outer axes: step the last one, carry into the ones before.
      srcPos += s4;
      dstPos += d4;
      if (++c4 < n4) {
        continue;
      }
      c4 = 0;
      srcPos += s3 - n4 * s4;
      dstPos += d3 - n4 * d4;
      if (++c3 < n3) {
        continue;
      }
      c3 = 0;
      srcPos += s2 - n3 * s3;
      dstPos += d2 - n3 * d3;
      if (++c2 < n2) {
        continue;
      }
      c2 = 0;
      srcPos += s1 - n2 * s2;
      dstPos += d1 - n2 * d2;
      if (++c1 < n1) {
        continue;
      }
      c1 = 0;
      srcPos += s0 - n1 * s1;
      dstPos += d0 - n1 * d1;
    }
  }
}
