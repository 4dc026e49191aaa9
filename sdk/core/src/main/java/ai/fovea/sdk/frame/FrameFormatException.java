package ai.fovea.sdk.frame;

/** A frame's description does not fit its buffers (size, stride, rotation, format); the message names the bad value. */
public final class FrameFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public FrameFormatException(String message) {
    super(message);
  }
}
