package ai.fovea.sdk.frame;

/** The range a YUV frame's samples use, as BT.601 defines them; it decides how they convert to RGB. */
public enum ColorRange {
  /** Y, U and V span 0..255 (JPEG/JFIF; most Android camera YUV output). */
  FULL,
  /** Y spans 16..235 and U, V span 16..240 (broadcast video). */
  LIMITED
}
