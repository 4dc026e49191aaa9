package ai.fovea.sdk.vision;

import java.util.Locale;

/**
 * Where the time of one {@code process(frame)} went, in nanoseconds of wall clock: <b>preprocess</b> (planning
 * the conversion when the frame layout is new: zero in steady state), <b>convert</b> (frame → model input: colour,
 * rotation, crop, resize, normalization in one pass), <b>inference</b> (the engine's run, including copying tensors
 * in and out, and any engine fallback), <b>postprocess</b> (decoding: dequantize, softmax/top-k, boxes, NMS). Immutable.
 */
public final class Timings {
  private final long preprocessNanos;
  private final long convertNanos;
  private final long inferenceNanos;
  private final long postprocessNanos;

  public Timings(long preprocessNanos, long convertNanos, long inferenceNanos, long postprocessNanos) {
    if (preprocessNanos < 0 || convertNanos < 0 || inferenceNanos < 0 || postprocessNanos < 0) {
      throw new IllegalArgumentException("timings must be >= 0, got " + preprocessNanos + ", " + convertNanos + ", "
          + inferenceNanos + ", " + postprocessNanos);
    }
    this.preprocessNanos = preprocessNanos;
    this.convertNanos = convertNanos;
    this.inferenceNanos = inferenceNanos;
    this.postprocessNanos = postprocessNanos;
  }

  public long preprocessNanos() {
    return preprocessNanos;
  }

  public long convertNanos() {
    return convertNanos;
  }

  public long inferenceNanos() {
    return inferenceNanos;
  }

  public long postprocessNanos() {
    return postprocessNanos;
  }

  /** The sum of the four steps. */
  public long totalNanos() {
    return preprocessNanos + convertNanos + inferenceNanos + postprocessNanos;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "preprocess %.2f ms, convert %.2f ms, inference %.2f ms, postprocess %.2f ms",
        preprocessNanos / 1e6, convertNanos / 1e6, inferenceNanos / 1e6, postprocessNanos / 1e6);
  }
}
