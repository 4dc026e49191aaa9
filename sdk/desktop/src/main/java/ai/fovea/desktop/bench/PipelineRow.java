package ai.fovea.desktop.bench;

/**
 * One model on one engine through the whole SDK pipeline (frame → convert → engine → decode → result): p50/p90 of
 * the inference step and of the whole {@code process} call, in ms; the mean share of pre- plus post-processing
 * (planning, conversion, decoding) relative to inference; and the reference engine's p50 total in the same run.
 * When the engine could not take the model the times are NaN and the note says why.
 */
public record PipelineRow(String model, String engine, double inferenceP50, double inferenceP90, double totalP50,
    double totalP90, double meanTotalMs, double prePostShare, double referenceTotalP50, String note) {
  /** Frames per second from the mean whole-pipeline time. */
  public double fps() {
    return 1000 / meanTotalMs;
  }

  /** p50 total over the reference engine's p50 total: below 1 is faster than TFLite; NaN when either is missing. */
  public double ratio() {
    return totalP50 / referenceTotalP50;
  }

  public boolean available() {
    return !Double.isNaN(totalP50);
  }
}
