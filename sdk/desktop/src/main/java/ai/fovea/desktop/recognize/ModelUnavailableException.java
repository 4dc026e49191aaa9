package ai.fovea.desktop.recognize;

/** A task's default model is not in this build or cannot be fetched; the message says which and why. */
public final class ModelUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ModelUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
