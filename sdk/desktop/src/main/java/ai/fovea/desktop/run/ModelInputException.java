package ai.fovea.desktop.run;

/**
 * The inputs given for a model cannot be used: an unreadable or malformed .npy file, the wrong number of files,
 * or an array whose dtype or shape is not what the model's input needs. The message says which file and input.
 */
public class ModelInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelInputException(String message) {
    super(message);
  }
}
