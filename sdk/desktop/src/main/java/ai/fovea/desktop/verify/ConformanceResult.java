package ai.fovea.desktop.verify;

/** The outcome of one case: pass/fail, the worst disagreement found and how long the case took. */
public final class ConformanceResult {
  private final String name;
  private final boolean passed;
  private final String detail;
  private final long millis;

  ConformanceResult(String name, boolean passed, String detail, long millis) {
    this.name = name;
    this.passed = passed;
    this.detail = detail;
    this.millis = millis;
  }

  public String name() {
    return name;
  }

  public boolean passed() {
    return passed;
  }

  /** The worst error found (or why the case could not run). */
  public String detail() {
    return detail;
  }

  public long millis() {
    return millis;
  }

  @Override
  public String toString() {
    return (passed ? "PASS " : "FAIL ") + name + "  " + detail;
  }
}
