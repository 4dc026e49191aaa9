package ai.fovea.desktop.report;

import java.util.Locale;

/**
 * What a report shows for one processed picture: its name, the annotated PNG (a path relative to the report, or
 * null), the results in words, the engine that ran and the step times in milliseconds. Immutable.
 */
public final class FrameRecord {
  private final String name;
  private final String image;
  private final String results;
  private final String engine;
  private final double[] stepMs;

  /** The step names, in the order of {@link #stepMs}. */
  public static final String[] STEPS = {"preprocess", "convert", "inference", "postprocess"};

  public FrameRecord(String name, String image, String results, String engine, double preprocessMs,
      double convertMs, double inferenceMs, double postprocessMs) {
    if (name == null || results == null || engine == null) {
      throw new IllegalArgumentException("name, results and engine are required");
    }
    this.name = name;
    this.image = image;
    this.results = results;
    this.engine = engine;
    this.stepMs = new double[] {preprocessMs, convertMs, inferenceMs, postprocessMs};
    for (double ms : stepMs) {
      if (!(ms >= 0) || Double.isInfinite(ms)) {
        throw new IllegalArgumentException("step times must be finite and >= 0, got " + ms);
      }
    }
  }

  public String name() {
    return name;
  }

  /** The annotated PNG relative to the report's directory, or null. */
  public String image() {
    return image;
  }

  public String results() {
    return results;
  }

  public String engine() {
    return engine;
  }

  /** Milliseconds of step {@code i} of {@link #STEPS}. */
  public double stepMs(int i) {
    return stepMs[i];
  }

  public double totalMs() {
    return stepMs[0] + stepMs[1] + stepMs[2] + stepMs[3];
  }

  /** "total 12.3 ms (convert 0.4, inference 11.5, postprocess 0.1)" — the preprocess step only when it ran. */
  public String timingText() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "total %.1f ms (", totalMs()));
    String sep = "";
    for (int i = 0; i < STEPS.length; i++) {
      if (i == 0 && stepMs[0] == 0) {
        continue;
      }
      sb.append(sep).append(String.format(Locale.ROOT, "%s %.1f", STEPS[i], stepMs[i]));
      sep = ", ";
    }
    return sb.append(')').toString();
  }
}
