package ai.fovea.sdk.convert;

/** How an input pixel is computed from the source pixels under it. */
public enum Interpolation {
  /** Bilinear between the four nearest source pixels (pixel centres aligned, like OpenCV's INTER_LINEAR). */
  BILINEAR,
  /**
   * The mean of the source pixels whose centres fall inside the input pixel's footprint (a box filter); the
   * choice for large downscales, where bilinear skips most source pixels and aliases.
   */
  AREA
}
