package ai.fovea.models.npy;

/**
 * A {@code .npy} file is malformed, or uses a layout Fovea does not read (Fortran order, object or structured
 * dtypes, big-endian or unsupported element types); the message names the first bad field and, where there is
 * one, the NumPy call that makes a readable file. Unchecked, like
 * {@link ai.fovea.models.tflite.ModelFormatException}: callers that load untrusted files catch it.
 */
public class NpyFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NpyFormatException(String message) {
    super(message);
  }
}
