package ai.fovea.sdk.frame;

import java.nio.ByteBuffer;

/**
 * One camera or image input, described without copying its pixels: the format and its planes (or packed
 * pixels), the size, how far the image must be rotated clockwise to be upright, whether the upright image is
 * mirrored horizontally (front cameras), the capture time and, for YUV, the colour range. Immutable; the
 * pixel buffers stay the caller's, who must not change them while the frame is being converted.
 *
 * <p>YUV_420_888 and NV21 frames both expose three {@link Plane}s (Y, U, V; chroma at half resolution, rounded
 * up); NV21's are views into its one array. RGBA_8888 frames expose one plane with pixel stride 4;
 * ARGB_8888 frames expose {@link #argbPixels()} with {@link #argbRowStride()}.
 */
public final class Frame {
  private final PixelFormat format;
  private final int width;
  private final int height;
  private final int rotationDegrees;
  private final boolean mirrored;
  private final long timestampNanos;
  private final ColorRange colorRange;
  private final Plane[] planes;
  private final int[] argb;
  private final int argbRowStride;

  private Frame(Builder b, int argbRowStride) {
    this.format = b.format;
    this.width = b.width;
    this.height = b.height;
    this.rotationDegrees = b.rotationDegrees;
    this.mirrored = b.mirrored;
    this.timestampNanos = b.timestampNanos;
    this.colorRange = b.colorRange;
    this.planes = b.planes;
    this.argb = b.argb;
    this.argbRowStride = argbRowStride;
  }

  /** A YUV 4:2:0 frame from three planes (Android's {@code Image.getPlanes()}: Y, U, V in that order). */
  public static Builder yuv420(int width, int height, Plane y, Plane u, Plane v) {
    Builder b = new Builder(PixelFormat.YUV_420_888, width, height);
    if (y == null || u == null || v == null) {
      throw new FrameFormatException("YUV_420_888 needs three planes, got y=" + y + " u=" + u + " v=" + v);
    }
    b.planes = new Plane[] {y, u, v};
    return b;
  }

  /** An NV21 frame: {@code width*height} Y bytes, then V,U pairs for each 2x2 block (rows rounded up). */
  public static Builder nv21(byte[] data, int width, int height) {
    Builder b = new Builder(PixelFormat.NV21, width, height);
    if (data == null) {
      throw new FrameFormatException("NV21 data is null");
    }
    int chromaRow = 2 * ((width + 1) / 2);
    long needed = (long) width * height + (long) chromaRow * ((height + 1) / 2);
    if (data.length < needed) {
      throw new FrameFormatException("NV21 data has " + data.length + " bytes, needs " + needed + " for " + width + "x" + height);
    }
    int ySize = width * height;
    b.planes = new Plane[] {
        Plane.of(ByteBuffer.wrap(data, 0, ySize), width, 1),
        Plane.of(ByteBuffer.wrap(data, ySize + 1, data.length - ySize - 1), chromaRow, 2),
        Plane.of(ByteBuffer.wrap(data, ySize, data.length - ySize), chromaRow, 2)};
    return b;
  }

  /** A frame of packed {@code 0xAARRGGBB} ints, row after row; set {@link Builder#rowStride} for padded rows. */
  public static Builder argb(int[] pixels, int width, int height) {
    Builder b = new Builder(PixelFormat.ARGB_8888, width, height);
    if (pixels == null) {
      throw new FrameFormatException("ARGB pixels are null");
    }
    b.argb = pixels;
    return b;
  }

  /** A frame of packed R, G, B, A bytes from the buffer's position; set {@link Builder#rowStride} for padded rows. */
  public static Builder rgba(ByteBuffer pixels, int width, int height) {
    Builder b = new Builder(PixelFormat.RGBA_8888, width, height);
    if (pixels == null) {
      throw new FrameFormatException("RGBA pixels are null");
    }
    b.rgba = pixels;
    return b;
  }

  public PixelFormat format() {
    return format;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Clockwise rotation that makes the image upright: 0, 90, 180 or 270. */
  public int rotationDegrees() {
    return rotationDegrees;
  }

  /** True when the upright image is flipped left-right (front cameras). */
  public boolean isMirrored() {
    return mirrored;
  }

  public long timestampNanos() {
    return timestampNanos;
  }

  /** The YUV colour range (FULL for RGB formats, where it does not apply). */
  public ColorRange colorRange() {
    return colorRange;
  }

  /** Width of the upright image (after rotation). */
  public int uprightWidth() {
    return rotationDegrees % 180 == 0 ? width : height;
  }

  /** Height of the upright image (after rotation). */
  public int uprightHeight() {
    return rotationDegrees % 180 == 0 ? height : width;
  }

  /** Number of planes: 3 for YUV formats, 1 for RGBA_8888, 0 for ARGB_8888. */
  public int planeCount() {
    return planes.length;
  }

  /** Plane {@code index}: Y, U, V for YUV formats; the packed pixels for RGBA_8888. */
  public Plane plane(int index) {
    if (index < 0 || index >= planes.length) {
      throw new IndexOutOfBoundsException("plane " + index + " of a " + format + " frame with " + planes.length + " planes");
    }
    return planes[index];
  }

  /** The caller's ARGB_8888 pixels (not a copy). */
  public int[] argbPixels() {
    if (argb == null) {
      throw new IllegalStateException("a " + format + " frame has no ARGB pixels");
    }
    return argb;
  }

  /** Ints from one ARGB_8888 row to the next. */
  public int argbRowStride() {
    if (argb == null) {
      throw new IllegalStateException("a " + format + " frame has no ARGB pixels");
    }
    return argbRowStride;
  }

  /** True when {@code other} has the same format, size, orientation, colour range and strides (pixels aside). */
  public boolean hasLayoutOf(Frame other) {
    if (other == null || format != other.format || width != other.width || height != other.height
        || rotationDegrees != other.rotationDegrees || mirrored != other.mirrored || colorRange != other.colorRange
        || argbRowStride != other.argbRowStride || planes.length != other.planes.length) {
      return false;
    }
    for (int i = 0; i < planes.length; i++) {
      if (planes[i].rowStride() != other.planes[i].rowStride() || planes[i].pixelStride() != other.planes[i].pixelStride()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return format + " " + width + "x" + height + " rotation " + rotationDegrees + (mirrored ? " mirrored" : "")
        + (format.isYuv() ? " " + colorRange : "");
  }

  /** Collects a frame's optional properties; {@link #build} validates everything against the buffers. */
  public static final class Builder {
    private final PixelFormat format;
    private final int width;
    private final int height;
    private int rotationDegrees;
    private boolean mirrored;
    private long timestampNanos;
    private ColorRange colorRange = ColorRange.FULL;
    private Plane[] planes = new Plane[0];
    private int[] argb;
    private ByteBuffer rgba;
    private int rowStride = -1;

    private Builder(PixelFormat format, int width, int height) {
      if (width < 1 || height < 1) {
        throw new FrameFormatException("frame size must be positive, got " + width + "x" + height);
      }
      this.format = format;
      this.width = width;
      this.height = height;
    }

    /** Clockwise rotation that makes the image upright (Android's {@code ImageInfo.getRotationDegrees()}). */
    public Builder rotation(int degrees) {
      if (degrees != 0 && degrees != 90 && degrees != 180 && degrees != 270) {
        throw new FrameFormatException("rotation must be 0, 90, 180 or 270 degrees, got " + degrees);
      }
      this.rotationDegrees = degrees;
      return this;
    }

    /** Flips the upright image left-right, as a front camera's preview shows it. */
    public Builder mirrored(boolean mirrored) {
      this.mirrored = mirrored;
      return this;
    }

    public Builder timestampNanos(long timestampNanos) {
      this.timestampNanos = timestampNanos;
      return this;
    }

    /** The YUV colour range (default FULL); RGB formats accept only FULL. */
    public Builder colorRange(ColorRange range) {
      if (range == null) {
        throw new FrameFormatException("colour range is null");
      }
      if (!format.isYuv() && range != ColorRange.FULL) {
        throw new FrameFormatException("colour range " + range + " applies only to YUV frames, not " + format);
      }
      this.colorRange = range;
      return this;
    }

    /** Row stride of a packed frame, in pixels for ARGB_8888 and in bytes for RGBA_8888. */
    public Builder rowStride(int stride) {
      if (format.isYuv()) {
        throw new FrameFormatException("row stride belongs to each plane of a " + format + " frame");
      }
      if (stride < 1) {
        throw new FrameFormatException("row stride must be positive, got " + stride);
      }
      this.rowStride = stride;
      return this;
    }

    public Frame build() {
      int chromaWidth = (width + 1) / 2;
      int chromaHeight = (height + 1) / 2;
      switch (format) {
        case YUV_420_888:
        case NV21:
          planes[0].checkHolds("Y", width, height, 1);
          planes[1].checkHolds("U", chromaWidth, chromaHeight, 1);
          planes[2].checkHolds("V", chromaWidth, chromaHeight, 1);
          // Android guarantees this; the converter relies on it to share one table for both chroma planes.
          if (planes[1].rowStride() != planes[2].rowStride() || planes[1].pixelStride() != planes[2].pixelStride()) {
            throw new FrameFormatException("U and V planes must share strides, got row " + planes[1].rowStride() + "/"
                + planes[2].rowStride() + " and pixel " + planes[1].pixelStride() + "/" + planes[2].pixelStride());
          }
          return new Frame(this, 0);
        case RGBA_8888:
          planes = new Plane[] {Plane.of(rgba, rowStride < 0 ? 4 * width : rowStride, 4)};
          planes[0].checkHolds("RGBA", width, height, 4);
          return new Frame(this, 0);
        default:
          int stride = rowStride < 0 ? width : rowStride;
          if (stride < width) {
            throw new FrameFormatException("ARGB row stride " + stride + " is shorter than the width " + width);
          }
          long needed = (long) (height - 1) * stride + width;
          if (argb.length < needed) {
            throw new FrameFormatException("ARGB pixels: " + argb.length + " ints, needs " + needed + " for " + width + "x"
                + height + " at row stride " + stride);
          }
          return new Frame(this, stride);
      }
    }
  }
}
