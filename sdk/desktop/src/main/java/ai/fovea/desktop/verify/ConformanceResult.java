package ai.fovea.desktop.verify;

/**
 * The outcome of one case: how our optimized and our reference kernels compare with the interpreter, or why
 * the case could not run (any exception is a failure, named here), and how long it took. Immutable.
 */
public final class ConformanceResult {
  private final String name;
  private final Comparison optimized;
  private final Comparison reference;
  private final String error;
  private final long millis;

  private ConformanceResult(String name, Comparison optimized, Comparison reference, String error, long millis) {
    this.name = name;
    this.optimized = optimized;
    this.reference = reference;
    this.error = error;
    this.millis = millis;
  }

  static ConformanceResult compared(String name, Comparison optimized, Comparison reference, long millis) {
    return new ConformanceResult(name, optimized, reference, null, millis);
  }

  static ConformanceResult failedToRun(String name, Throwable error, long millis) {
    return new ConformanceResult(name, null, null, error.getClass().getSimpleName() + ": " + error.getMessage(), millis);
  }

  public String name() {
    return name;
  }

  /** True when both our optimized and our reference kernels are within the case's tolerance. */
  public boolean passed() {
    return error == null && optimized.withinTolerance() && reference.withinTolerance();
  }

  /** Our optimized kernels against the interpreter, or null when the case could not run. */
  public Comparison optimized() {
    return optimized;
  }

  /** Our reference kernels against the interpreter, or null when the case could not run. */
  public Comparison reference() {
    return reference;
  }

  /** Why the case could not run (exception type and message), or null. */
  public String error() {
    return error;
  }

  public long millis() {
    return millis;
  }

  /** One line: the error, or both comparisons (once when they read the same). */
  public String detail() {
    if (error != null) {
      return error;
    }
    String o = optimized.toString();
    String r = reference.toString();
    return o.equals(r) ? o : "optimized: " + o + "; reference: " + r;
  }

  @Override
  public String toString() {
    return (passed() ? "PASS " : "FAIL ") + name + "  " + detail();
  }
}
