package ai.fovea.desktop.data;

/**
 * A dataset is not on this machine and could not be fetched or installed (no root or sudo for apt-get, npm
 * missing or offline, a checksum mismatch). The message says what happened and what the user can do.
 */
public class DatasetUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatasetUnavailableException(String message) {
    super(message);
  }

  public DatasetUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
