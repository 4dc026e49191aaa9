package ai.fovea.models.data;

/**
 * A dataset file (IDX, MNIST JSON) is malformed or hostile; the message names the first bad field, e.g.
 * {@code "IDX dimension 1 is 0; dimensions must be positive"}. Unchecked, like
 * {@link ai.fovea.models.tflite.ModelFormatException}: callers that load untrusted files catch it.
 */
public class DatasetFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatasetFormatException(String message) {
    super(message);
  }
}
