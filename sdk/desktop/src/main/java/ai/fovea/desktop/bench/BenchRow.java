package ai.fovea.desktop.bench;

/**
 * One benchmark result: our median time for a case, the speed reference's median (TFLite with XNNPACK on the
 * float model, same threads), their ratio, and for int8 cases TFLite's own int8 time (informational).
 */
public final class BenchRow {
  public static final String REFERENCE = "tflite-2.6.2-xnnpack-float";
  private final String name;
  private final double oursMs;
  private final double referenceMs;
  private final double tfliteInt8Ms;

  /** {@code tfliteInt8Ms} is NaN for float cases. */
  BenchRow(String name, double oursMs, double referenceMs, double tfliteInt8Ms) {
    this.name = name;
    this.oursMs = oursMs;
    this.referenceMs = referenceMs;
    this.tfliteInt8Ms = tfliteInt8Ms;
  }

  public String name() {
    return name;
  }

  public double oursMs() {
    return oursMs;
  }

  public double referenceMs() {
    return referenceMs;
  }

  /** Ours / reference: below 1 means we are faster. */
  public double ratio() {
    return oursMs / referenceMs;
  }

  /** TFLite's int8 time for int8 cases, NaN for float ones. */
  public double tfliteInt8Ms() {
    return tfliteInt8Ms;
  }
}
