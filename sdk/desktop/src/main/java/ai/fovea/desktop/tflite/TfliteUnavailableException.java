package ai.fovea.desktop.tflite;

/** The real TFLite runtime cannot be used on this machine (native library missing or not loadable). */
public class TfliteUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TfliteUnavailableException(String message) {
    super(message);
  }
}
