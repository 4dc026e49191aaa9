package ai.fovea.desktop.verify;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * How far one run of our kernels is from the interpreter over all outputs of a case, judged by a
 * {@link Tolerance}: the largest absolute and relative error of float elements, the largest difference of
 * integer elements, how many elements differ at all, and the first structural mismatch (output count, shape,
 * type, NaN or infinity where the other has a number), which always fails. Immutable.
 */
public final class Comparison {
  private final boolean withinTolerance;
  private final double maxAbsError;
  private final double maxRelError;
  private final long maxLsb;
  private final long differing;
  private final long compared;
  private final String mismatch;

  private Comparison(boolean withinTolerance, double maxAbsError, double maxRelError, long maxLsb, long differing,
      long compared, String mismatch) {
    this.withinTolerance = withinTolerance;
    this.maxAbsError = maxAbsError;
    this.maxRelError = maxRelError;
    this.maxLsb = maxLsb;
    this.differing = differing;
    this.compared = compared;
    this.mismatch = mismatch;
  }

  /** Compares {@code actual[i]} (ours) against {@code expected[i]} (the interpreter's) for every output. */
  public static Comparison of(Tensor[] expected, Tensor[] actual, Tolerance tolerance) {
    if (expected == null || actual == null || tolerance == null) {
      throw new IllegalArgumentException("expected, actual and tolerance are required");
    }
    if (expected.length != actual.length) {
      return failed(actual.length + " outputs, TFLite has " + expected.length);
    }
    double maxAbs = 0;
    double maxRel = 0;
    long maxLsb = 0;
    long differing = 0;
    long compared = 0;
    for (int o = 0; o < expected.length; o++) {
      Tensor e = expected[o];
      Tensor a = actual[o];
      if (!e.shape().equals(a.shape())) {
        return failed("output " + o + " has shape " + a.shape() + ", TFLite " + e.shape());
      }
      if (e.dataType() != a.dataType()) {
        return failed("output " + o + " is " + a.dataType() + ", TFLite " + e.dataType());
      }
      int n = e.size();
      compared += n;
      if (e.dataType() == DataType.FLOAT32) {
        float[] ef = e.floats();
        float[] af = a.floats();
        double floor = rmsOfFinite(ef, n);
        for (int i = 0; i < n; i++) {
          if (ef[i] == af[i] || Float.isNaN(ef[i]) && Float.isNaN(af[i])) {
            continue;
          }
          if (!Float.isFinite(ef[i]) || !Float.isFinite(af[i])) {
            return failed("output " + o + " element " + i + " is " + af[i] + ", TFLite " + ef[i]);
          }
          double diff = Math.abs((double) ef[i] - af[i]);
          differing++;
          maxAbs = Math.max(maxAbs, diff);
          maxRel = Math.max(maxRel, diff / Math.max(Math.abs(ef[i]), floor));
        }
      } else {
        for (int i = 0; i < n; i++) {
          long diff = Math.abs(integer(e, i) - integer(a, i));
          if (diff != 0) {
            differing++;
            maxLsb = Math.max(maxLsb, diff);
          }
        }
      }
    }
    boolean ok = maxRel <= tolerance.relativeError() && maxLsb <= tolerance.maxLsb();
    return new Comparison(ok, maxAbs, maxRel, maxLsb, differing, compared, null);
  }

  private static Comparison failed(String mismatch) {
    return new Comparison(false, 0, 0, 0, 0, 0, mismatch);
  }

  private static double rmsOfFinite(float[] values, int n) {
    double sumSquares = 0;
    for (int i = 0; i < n; i++) {
      if (Float.isFinite(values[i])) {
        sumSquares += (double) values[i] * values[i];
      }
    }
    return Math.max(Math.sqrt(sumSquares / Math.max(n, 1)), Float.MIN_NORMAL);
  }

  private static long integer(Tensor t, int i) {
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
        throw new IllegalArgumentException("output " + t.name() + " of type " + t.dataType() + " cannot be compared");
    }
  }

  public boolean withinTolerance() {
    return withinTolerance;
  }

  /** Largest |ours − TFLite| over float elements. */
  public double maxAbsError() {
    return maxAbsError;
  }

  /** Largest relative error over float elements, as {@link Tolerance} defines it. */
  public double maxRelError() {
    return maxRelError;
  }

  /** Largest |ours − TFLite| over integer elements. */
  public long maxLsb() {
    return maxLsb;
  }

  /** Elements that are not bit-identical. */
  public long differing() {
    return differing;
  }

  /** Elements compared over all outputs. */
  public long compared() {
    return compared;
  }

  /** Why the outputs could not be compared element by element, or null. */
  public String mismatch() {
    return mismatch;
  }

  /** "bit-exact", "3/512 differ, max rel 2.1e-07, max abs 4.8e-07", "1/64 differ by up to 1 lsb" or the mismatch. */
  @Override
  public String toString() {
    if (mismatch != null) {
      return mismatch;
    }
    if (differing == 0) {
      return "bit-exact";
    }
    StringBuilder sb = new StringBuilder().append(differing).append('/').append(compared).append(" differ");
    if (maxAbsError > 0) {
      sb.append(String.format(", max rel %.2g, max abs %.2g", maxRelError, maxAbsError));
    }
    if (maxLsb > 0) {
      sb.append(", by up to ").append(maxLsb).append(" lsb");
    }
    return sb.toString();
  }
}
