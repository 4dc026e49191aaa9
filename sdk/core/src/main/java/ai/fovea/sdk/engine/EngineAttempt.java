package ai.fovea.sdk.engine;

/**
 * What happened to one engine while a model's engine was chosen: it was selected, it could not take the model
 * (with the reason and the engine's own message), or it was not tried because an engine before it was
 * selected. Immutable.
 */
public final class EngineAttempt {
  /** The three outcomes. */
  public enum Outcome {
    SELECTED,
    UNAVAILABLE,
    NOT_TRIED
  }

  private final String engine;
  private final Outcome outcome;
  private final EngineUnavailableException.Reason reason;
  private final String message;

  private EngineAttempt(String engine, Outcome outcome, EngineUnavailableException.Reason reason, String message) {
    this.engine = engine;
    this.outcome = outcome;
    this.reason = reason;
    this.message = message;
  }

  static EngineAttempt selected(String engine) {
    return new EngineAttempt(engine, Outcome.SELECTED, null, "selected");
  }

  static EngineAttempt unavailable(EngineUnavailableException e) {
    return new EngineAttempt(e.engine(), Outcome.UNAVAILABLE, e.reason(), e.detail());
  }

  static EngineAttempt notTried(String engine, String selected) {
    return new EngineAttempt(engine, Outcome.NOT_TRIED, null, "not tried: " + selected + " comes first");
  }

  public String engine() {
    return engine;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** Why the engine could not take the model; null unless {@link Outcome#UNAVAILABLE}. */
  public EngineUnavailableException.Reason reason() {
    return reason;
  }

  /** One line: "selected", "not tried: ...", or the engine's reason in its own words. */
  public String message() {
    return message;
  }

  @Override
  public String toString() {
    return engine + ": " + (outcome == Outcome.UNAVAILABLE
        ? reason.name().toLowerCase().replace('_', ' ') + ": " + message : message);
  }
}
