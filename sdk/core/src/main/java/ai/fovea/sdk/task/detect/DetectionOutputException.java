package ai.fovea.sdk.task.detect;

/**
 * A model's outputs do not fit the detection decoder they were given to: missing output, wrong type or shape,
 * or a value no model should produce (a NaN detection count). The message names the output and what was expected.
 */
public class DetectionOutputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public DetectionOutputException(String message) {
    super(message);
  }
}
