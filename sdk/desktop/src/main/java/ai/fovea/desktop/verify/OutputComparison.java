package ai.fovea.desktop.verify;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/** Compares one output tensor of ours against the interpreter's under a {@link Tolerance}. */
final class OutputComparison {
  final boolean withinTolerance;
  final String summary;

  private OutputComparison(boolean withinTolerance, String summary) {
    this.withinTolerance = withinTolerance;
    this.summary = summary;
  }

  static OutputComparison of(Tensor expected, Tensor actual, Tolerance tolerance) {
    if (!expected.shape().equals(actual.shape())) {
      return new OutputComparison(false, "shape " + actual.shape() + " != expected " + expected.shape());
    }
    if (expected.dataType() != actual.dataType()) {
      return new OutputComparison(false, "type " + actual.dataType() + " != expected " + expected.dataType());
    }
    return expected.dataType() == DataType.FLOAT32
        ? compareFloats(expected.floats(), actual.floats(), expected.size(), tolerance)
        : compareIntegers(expected, actual, tolerance);
  }

  private static OutputComparison compareFloats(float[] e, float[] a, int n, Tolerance tolerance) {
    double sumSquares = 0;
    for (int i = 0; i < n; i++) {
      if (!Float.isNaN(e[i]) && !Float.isInfinite(e[i])) {
        sumSquares += (double) e[i] * e[i];
      }
    }
    double floor = Math.max(Math.sqrt(sumSquares / Math.max(n, 1)), Float.MIN_NORMAL);
    double maxAbs = 0;
    double maxRel = 0;
    for (int i = 0; i < n; i++) {
      double diff = Math.abs((double) e[i] - a[i]);
      if (Float.isNaN(e[i]) != Float.isNaN(a[i]) || Double.isNaN(diff) && !Float.isNaN(e[i])) {
        return new OutputComparison(false, "NaN mismatch at " + i + ": " + a[i] + " vs " + e[i]);
      }
      if (Double.isNaN(diff) || e[i] == a[i]) {
        continue;
      }
      maxAbs = Math.max(maxAbs, diff);
      maxRel = Math.max(maxRel, diff / Math.max(Math.abs(e[i]), floor));
    }
    boolean ok = maxRel <= tolerance.relativeError();
    return new OutputComparison(ok, String.format("max abs %.3g, max rel %.3g", maxAbs, maxRel));
  }

  private static OutputComparison compareIntegers(Tensor expected, Tensor actual, Tolerance tolerance) {
    int n = expected.size();
    long maxDiff = 0;
    int differing = 0;
    for (int i = 0; i < n; i++) {
      long d = Math.abs(value(expected, i) - value(actual, i));
      if (d != 0) {
        differing++;
        maxDiff = Math.max(maxDiff, d);
      }
    }
    boolean ok = maxDiff <= tolerance.maxLsb();
    return new OutputComparison(ok, differing == 0 ? "bit-exact" : differing + "/" + n + " differ, max " + maxDiff + " lsb");
  }

  private static long value(Tensor t, int i) {
    switch (t.dataType()) {
      case INT8:
        return t.bytes()[i];
      case UINT8:
        return t.bytes()[i] & 0xFF;
      case INT32:
        return t.ints()[i];
      case INT64:
        return t.longs()[i];
      default:
        throw new IllegalArgumentException("cannot compare " + t.dataType() + " as integers");
    }
  }
}
