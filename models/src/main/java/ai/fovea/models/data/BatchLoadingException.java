package ai.fovea.models.data;

/**
 * Preparing a batch failed on the loader's background thread; the cause is what was thrown there. Thrown to the
 * consumer by {@link BatchStream#next()} in place of the batch that failed.
 */
public class BatchLoadingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BatchLoadingException(String message, Throwable cause) {
    super(message, cause);
  }
}
