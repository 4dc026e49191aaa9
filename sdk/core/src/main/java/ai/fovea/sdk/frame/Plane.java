package ai.fovea.sdk.frame;

import java.nio.ByteBuffer;

/**
 * One plane of 8-bit samples as a camera delivers it: sample (x, y) is at {@code y * rowStride + x * pixelStride}
 * from the buffer's position when the plane was made. The plane keeps a read-only view of the caller's buffer
 * (no copy), so the caller must not change the contents while a frame using it is converted.
 */
public final class Plane {
  private final ByteBuffer buffer;
  private final int rowStride;
  private final int pixelStride;

  private Plane(ByteBuffer buffer, int rowStride, int pixelStride) {
    this.buffer = buffer;
    this.rowStride = rowStride;
    this.pixelStride = pixelStride;
  }

  /** A plane over {@code buffer} from its current position to its limit. */
  public static Plane of(ByteBuffer buffer, int rowStride, int pixelStride) {
    if (buffer == null) {
      throw new FrameFormatException("plane buffer is null");
    }
    if (rowStride < 1) {
      throw new FrameFormatException("row stride must be positive, got " + rowStride);
    }
    if (pixelStride < 1) {
      throw new FrameFormatException("pixel stride must be positive, got " + pixelStride);
    }
    return new Plane(buffer.asReadOnlyBuffer().slice(), rowStride, pixelStride);
  }

  /** A read-only view whose index 0 is the plane's first sample. */
  public ByteBuffer buffer() {
    return buffer;
  }

  public int rowStride() {
    return rowStride;
  }

  public int pixelStride() {
    return pixelStride;
  }

  /** Bytes available to the plane. */
  public int size() {
    return buffer.capacity();
  }

  /**
   * Throws unless a {@code width} x {@code height} grid of samples, each {@code sampleBytes} long, fits this
   * plane's strides and buffer.
   */
  void checkHolds(String name, int width, int height, int sampleBytes) {
    long rowBytes = (long) (width - 1) * pixelStride + sampleBytes;
    if (rowStride < rowBytes) {
      throw new FrameFormatException(name + " plane: row stride " + rowStride + " is shorter than one row of "
          + width + " samples at pixel stride " + pixelStride + " (" + rowBytes + " bytes)");
    }
    // The last row may stop right after its last sample, as Android's camera planes do.
    long needed = (long) (height - 1) * rowStride + rowBytes;
    if (size() < needed) {
      throw new FrameFormatException(name + " plane: " + size() + " bytes, needs " + needed + " for " + width + "x"
          + height + " samples at row stride " + rowStride + " and pixel stride " + pixelStride);
    }
  }
}
