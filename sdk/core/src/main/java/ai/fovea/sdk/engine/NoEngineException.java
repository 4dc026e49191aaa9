package ai.fovea.sdk.engine;

import java.util.List;
import java.util.stream.Collectors;

/** No engine in the selector's order could take the model; the message and {@link #attempts()} say why each failed. */
public class NoEngineException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<EngineAttempt> attempts;

  public NoEngineException(List<EngineAttempt> attempts) {
    super("no engine can run this model: " + attempts.stream().map(EngineAttempt::toString)
        .collect(Collectors.joining("; ")));
    this.attempts = List.copyOf(attempts);
  }

  /** One entry per engine tried, in order. */
  public List<EngineAttempt> attempts() {
    return attempts;
  }
}
