package ai.fovea.desktop.bench;

/**
 * One model on one engine: its median and fastest time, the reference engine's (TFLite) median on the same model
 * in the same run, and a note (how TFLite ran it, or why the engine could not take the model, then its own times
 * are NaN).
 */
public record ModelBenchRow(String model, String engine, double medianMs, double fastestMs, double referenceMs,
    String note) {
  /** This engine's time over TFLite's: below 1 means faster than TFLite; NaN when either is missing. */
  public double ratio() {
    return medianMs / referenceMs;
  }

  public boolean available() {
    return !Double.isNaN(medianMs);
  }
}
