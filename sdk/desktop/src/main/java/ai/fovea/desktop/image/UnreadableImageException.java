package ai.fovea.desktop.image;

/** A file that is not an image this build can decode (missing, unreadable, truncated or another format). */
public final class UnreadableImageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnreadableImageException(String message, Throwable cause) {
    super(message, cause);
  }
}
