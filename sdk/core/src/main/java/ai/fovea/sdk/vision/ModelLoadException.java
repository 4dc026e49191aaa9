package ai.fovea.sdk.vision;

/** A model's source could not be read (missing file, unreadable resource); the message names the source. */
public class ModelLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
