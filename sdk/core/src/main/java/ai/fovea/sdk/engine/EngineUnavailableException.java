package ai.fovea.sdk.engine;

/**
 * An engine cannot take a model, or cannot run here at all: {@link #engine()} names the engine,
 * {@link #reason()} says in which way, the message says exactly what (the op and node, the type, the native
 * error). The {@link EngineSelector} catches it and tries the next engine; it is never a crash.
 */
public class EngineUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The ways an engine can be unable to take a model. */
  public enum Reason {
    /** The engine does not exist on this platform (native library missing, no GPU, wrong OS). */
    PLATFORM,
    /** The model uses an operator (or an operator option) the engine does not implement. */
    UNSUPPORTED_OP,
    /** The model uses a tensor type the engine does not implement. */
    UNSUPPORTED_TYPE,
    /** The engine failed while loading or preparing the model. */
    OPEN_FAILED,
    /** The engine failed while running the model. */
    RUN_FAILED
  }

  private final String engine;
  private final Reason reason;
  private final String detail;

  public EngineUnavailableException(String engine, Reason reason, String message) {
    this(engine, reason, message, null);
  }

  public EngineUnavailableException(String engine, Reason reason, String message, Throwable cause) {
    super(engine + ": " + message, cause);
    if (engine == null || reason == null) {
      throw new IllegalArgumentException("engine and reason are required, got " + engine + " and " + reason);
    }
    this.engine = engine;
    this.reason = reason;
    this.detail = message;
  }

  /** The name of the engine that gave up, e.g. {@code "java"}. */
  public String engine() {
    return engine;
  }

  public Reason reason() {
    return reason;
  }

  /** The message without the engine's name in front. */
  public String detail() {
    return detail;
  }
}
