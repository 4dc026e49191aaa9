package ai.fovea.models.train;

/** A checkpoint file that is not one (bad magic, version or checksum, truncated, or built for another network). */
public final class CheckpointFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CheckpointFormatException(String message) {
    super(message);
  }

  public CheckpointFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
