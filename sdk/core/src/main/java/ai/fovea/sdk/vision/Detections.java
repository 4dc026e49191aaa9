package ai.fovea.sdk.vision;

import ai.fovea.sdk.engine.EngineAttempt;
import java.util.List;

/**
 * What a {@link Detector} found in one frame: the objects (best first, at or above the threshold, at most the
 * maximum asked for; boxes in source-frame pixels), the engine that ran and what happened to the others, and the
 * step timings. Immutable.
 */
public final class Detections {
  private final List<DetectedObject> objects;
  private final String engine;
  private final List<EngineAttempt> engineAttempts;
  private final Timings timings;

  Detections(List<DetectedObject> objects, String engine, List<EngineAttempt> engineAttempts, Timings timings) {
    this.objects = List.copyOf(objects);
    this.engine = engine;
    this.engineAttempts = List.copyOf(engineAttempts);
    this.timings = timings;
  }

  /** Best first; may be empty. */
  public List<DetectedObject> objects() {
    return objects;
  }

  /** The name of the engine that ran, e.g. {@code tflite}. */
  public String engine() {
    return engine;
  }

  /** Every engine of the order: selected, unavailable (with the reason) or not tried. */
  public List<EngineAttempt> engineAttempts() {
    return engineAttempts;
  }

  public Timings timings() {
    return timings;
  }

  @Override
  public String toString() {
    return objects + " by " + engine + " (" + timings + ")";
  }
}
