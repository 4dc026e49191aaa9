package ai.fovea.sdk.frame;

/** How a {@link Frame}'s pixels are laid out in memory. */
public enum PixelFormat {
  /** Android's flexible 4:2:0 YUV: three planes, each with its own row stride and pixel stride. */
  YUV_420_888,
  /** Camera1's NV21: a full Y plane followed by interleaved V,U at half resolution in both axes. */
  NV21,
  /** Packed {@code 0xAARRGGBB} ints, one per pixel (Android's {@code Bitmap.getPixels}). */
  ARGB_8888,
  /** Packed R, G, B, A bytes, four per pixel (Android's {@code Bitmap.copyPixelsToBuffer}). */
  RGBA_8888;

  /** True for the formats whose pixels are Y, U, V samples. */
  public boolean isYuv() {
    return this == YUV_420_888 || this == NV21;
  }
}
