package ai.fovea.desktop.image;

import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.frame.Plane;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A short camera-like frame sequence <b>synthesized from one still photograph</b> (not a recorded video): a
 * virtual 4:3 camera pans left to right across the photo while zooming out, and each view is delivered the way an
 * Android camera delivers frames — YUV_420_888 (BT.601 full range, 2×2-averaged chroma) in direct buffers, Y rows
 * padded to 64 bytes, U and V interleaved in one buffer (pixel stride 2), 30 FPS timestamps. The first third is
 * delivered upright, the second as a sensor mounted 90° off (rotation 90) and the last 270° off, so boxes must be
 * mapped back through the rotation. Fully deterministic: the same photo gives the same bytes.
 */
public final class PhotoPanSequence {
  /** Upright size of every frame. */
  public static final int WIDTH = 320;
  public static final int HEIGHT = 240;
  private static final long FRAME_NANOS = 33_333_333L;
  private static final float START_ZOOM = 1.8f;

  private PhotoPanSequence() {}

  /** {@code count} frames (at least 2) panning across {@code photo}. */
  public static List<Frame> of(BufferedImage photo, int count) {
    if (photo == null || count < 2) {
      throw new IllegalArgumentException("a pan needs a photo and at least 2 frames, got " + count);
    }
    List<Frame> frames = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      float t = (float) i / (count - 1);
      int rotation = rotationOf(i, count);
      frames.add(yuvFrame(view(photo, t), rotation, i * FRAME_NANOS));
    }
    return frames;
  }

  /** The rotation of frame {@code index} of a {@code count}-frame sequence. */
  public static int rotationOf(int index, int count) {
    return index * 3 < count ? 0 : index * 3 < 2 * count ? 90 : 270;
  }

  /** The upright view at time {@code t} in [0, 1], bilinearly sampled, as 0xRRGGBB pixels. */
  static int[] view(BufferedImage photo, float t) {
    int pw = photo.getWidth();
    int ph = photo.getHeight();
    float ease = t * t * (3 - 2 * t);
    float zoom = START_ZOOM + (1 - START_ZOOM) * ease;
    // The largest 4:3 window that fits, shrunk by the zoom; its centre moves from 30 % to 70 % of the width.
    float fullH = Math.min(ph, pw * HEIGHT / (float) WIDTH);
    float h = fullH / zoom;
    float w = h * WIDTH / HEIGHT;
    float cx = clamp(pw * (0.3f + 0.4f * ease), w / 2, pw - w / 2);
    float cy = clamp(ph * 0.55f, h / 2, ph - h / 2);
    int[] src = photo.getRGB(0, 0, pw, ph, null, 0, pw);
    int[] out = new int[WIDTH * HEIGHT];
    float step = w / WIDTH;
    for (int v = 0; v < HEIGHT; v++) {
      float sy = clamp(cy - h / 2 + (v + 0.5f) * step - 0.5f, 0, ph - 1);
      int y0 = (int) sy;
      int y1 = Math.min(y0 + 1, ph - 1);
      float fy = sy - y0;
      for (int u = 0; u < WIDTH; u++) {
        float sx = clamp(cx - w / 2 + (u + 0.5f) * step - 0.5f, 0, pw - 1);
        int x0 = (int) sx;
        int x1 = Math.min(x0 + 1, pw - 1);
        float fx = sx - x0;
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
          float top = channel(src[y0 * pw + x0], shift) * (1 - fx) + channel(src[y0 * pw + x1], shift) * fx;
          float bottom = channel(src[y1 * pw + x0], shift) * (1 - fx) + channel(src[y1 * pw + x1], shift) * fx;
          rgb |= Math.round(top * (1 - fy) + bottom * fy) << shift;
        }
        out[v * WIDTH + u] = rgb;
      }
    }
    return out;
  }

  /**
   * The sensor buffer that, rotated clockwise by {@code rotation}, shows {@code upright}; encoded as YUV_420_888.
   * Sensor pixel (x, y) shows upright pixel (u, v) by the SDK's convention (see {@code Frame#rotationDegrees}).
   */
  static Frame yuvFrame(int[] upright, int rotation, long timestampNanos) {
    boolean swap = rotation % 180 != 0;
    int sw = swap ? HEIGHT : WIDTH;
    int sh = swap ? WIDTH : HEIGHT;
    int[] sensor = new int[sw * sh];
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < sw; x++) {
        int u;
        int v;
        switch (rotation) {
          case 90:
            u = sh - 1 - y;
            v = x;
            break;
          case 180:
            u = sw - 1 - x;
            v = sh - 1 - y;
            break;
          case 270:
            u = y;
            v = sw - 1 - x;
            break;
          default:
            u = x;
            v = y;
        }
        sensor[y * sw + x] = upright[v * WIDTH + u];
      }
    }
    int stride = (sw + 63) / 64 * 64;
    ByteBuffer luma = ByteBuffer.allocateDirect(stride * (sh - 1) + sw);
    ByteBuffer chroma = ByteBuffer.allocateDirect(stride * (sh / 2 - 1) + sw);
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < sw; x++) {
        int p = sensor[y * sw + x];
        luma.put(y * stride + x, (byte) clamp8(0.299 * r(p) + 0.587 * g(p) + 0.114 * b(p)));
      }
    }
    for (int y = 0; y < sh / 2; y++) {
      for (int x = 0; x < sw / 2; x++) {
        double cb = 0;
        double cr = 0;
        for (int k = 0; k < 4; k++) {
          int p = sensor[(2 * y + k / 2) * sw + 2 * x + k % 2];
          cb += -0.168736 * r(p) - 0.331264 * g(p) + 0.5 * b(p);
          cr += 0.5 * r(p) - 0.418688 * g(p) - 0.081312 * b(p);
        }
        chroma.put(y * stride + 2 * x, (byte) clamp8(128 + cb / 4));
        chroma.put(y * stride + 2 * x + 1, (byte) clamp8(128 + cr / 4));
      }
    }
    ByteBuffer uPlane = chroma.duplicate();
    uPlane.limit(chroma.capacity() - 1);
    ByteBuffer vPlane = chroma.duplicate();
    vPlane.position(1);
    return Frame.yuv420(sw, sh, Plane.of(luma, stride, 1), Plane.of(uPlane, stride, 2),
            Plane.of(vPlane, stride, 2))
        .rotation(rotation).timestampNanos(timestampNanos).build();
  }

  private static float channel(int rgb, int shift) {
    return (rgb >> shift) & 0xFF;
  }

  private static int r(int p) {
    return (p >> 16) & 0xFF;
  }

  private static int g(int p) {
    return (p >> 8) & 0xFF;
  }

  private static int b(int p) {
    return p & 0xFF;
  }

  private static int clamp8(double x) {
    return (int) Math.max(0, Math.min(255, Math.round(x)));
  }

  private static float clamp(float x, float lo, float hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
