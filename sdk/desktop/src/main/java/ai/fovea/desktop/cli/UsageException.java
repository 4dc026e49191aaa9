package ai.fovea.desktop.cli;

/** The user asked for something that cannot be done (bad option, missing file); printed as one line. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
