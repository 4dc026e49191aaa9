package ai.fovea.models.tflite;

/**
 * A .tflite file is malformed or hostile; the message names the first bad field, e.g.
 * {@code "subgraph 0 operator 3 input 1: tensor index 57 out of range [0, 12)"}. Unchecked, like
 * IllegalArgumentException: callers that load untrusted files catch it.
 */
public class ModelFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelFormatException(String message) {
    super(message);
  }
}
