package ai.fovea.sdk.vision;

import ai.fovea.sdk.engine.EngineAttempt;
import java.util.List;

/**
 * What a {@link Classifier} found in one frame: the most probable classes (best first, at or above the threshold,
 * at most the maximum asked for), the engine that ran and what happened to the others, and the step timings.
 * Immutable.
 */
public final class Classification {
  private final List<Category> categories;
  private final String engine;
  private final List<EngineAttempt> engineAttempts;
  private final Timings timings;

  Classification(List<Category> categories, String engine, List<EngineAttempt> engineAttempts, Timings timings) {
    this.categories = List.copyOf(categories);
    this.engine = engine;
    this.engineAttempts = List.copyOf(engineAttempts);
    this.timings = timings;
  }

  /** Best first; may be empty when nothing reaches the threshold. */
  public List<Category> categories() {
    return categories;
  }

  /** The best category, or null when none reached the threshold. */
  public Category top() {
    return categories.isEmpty() ? null : categories.get(0);
  }

  /** The name of the engine that ran, e.g. {@code java}. */
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
    return categories + " by " + engine + " (" + timings + ")";
  }
}
