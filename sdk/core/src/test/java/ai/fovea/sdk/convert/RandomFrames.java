package ai.fovea.sdk.convert;

import ai.fovea.sdk.frame.ColorRange;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.frame.Plane;
import java.nio.ByteBuffer;
import java.util.Random;

/** Seeded random frames in every memory layout a camera or bitmap delivers, for tests and benchmarks. */
public enum RandomFrames {
  /** Three separate planes with padded rows (pixel stride 1). */
  YUV_PLANAR,
  /** Android's usual layout: interleaved chroma (pixel stride 2), padded rows, last row cut after its last sample. */
  YUV_SEMI_PLANAR,
  /** Interleaved chroma in direct buffers, as Android's camera really hands them over. */
  YUV_DIRECT,
  NV21,
  ARGB_PADDED,
  RGBA_PADDED;

  public Frame.Builder create(int width, int height, Random random) {
    int cw = (width + 1) / 2;
    int ch = (height + 1) / 2;
    switch (this) {
      case YUV_PLANAR: {
        int yStride = width + random.nextInt(5);
        int cStride = cw + random.nextInt(5);
        return Frame.yuv420(width, height, Plane.of(bytes(yStride * height, random, false), yStride, 1),
            Plane.of(bytes(cStride * ch, random, false), cStride, 1), Plane.of(bytes(cStride * ch, random, false), cStride, 1));
      }
      case YUV_SEMI_PLANAR:
      case YUV_DIRECT: {
        boolean direct = this == YUV_DIRECT;
        int yStride = width + random.nextInt(9);
        int cStride = 2 * cw + random.nextInt(9);
        ByteBuffer chroma = bytes(cStride * (ch - 1) + 2 * cw, random, direct);
        ByteBuffer u = chroma.duplicate();
        ByteBuffer v = chroma.duplicate();
        u.limit(chroma.capacity() - 1);
        v.position(1);
        return Frame.yuv420(width, height, Plane.of(bytes(yStride * (height - 1) + width, random, direct), yStride, 1),
            Plane.of(u, cStride, 2), Plane.of(v, cStride, 2));
      }
      case NV21: {
        byte[] data = new byte[width * height + 2 * cw * ch];
        random.nextBytes(data);
        return Frame.nv21(data, width, height);
      }
      case ARGB_PADDED: {
        int stride = width + random.nextInt(4);
        int[] pixels = new int[stride * height];
        for (int i = 0; i < pixels.length; i++) {
          pixels[i] = random.nextInt();
        }
        return Frame.argb(pixels, width, height).rowStride(stride);
      }
      default: {
        int stride = 4 * width + random.nextInt(7);
        return Frame.rgba(bytes(stride * (height - 1) + 4 * width, random, false), width, height).rowStride(stride);
      }
    }
  }

  /** A random frame with a random rotation, mirroring and (for YUV) colour range. */
  public Frame create(int width, int height, int rotation, boolean mirrored, Random random) {
    Frame.Builder b = create(width, height, random).rotation(rotation).mirrored(mirrored);
    if (this != ARGB_PADDED && this != RGBA_PADDED) {
      b.colorRange(random.nextBoolean() ? ColorRange.FULL : ColorRange.LIMITED);
    }
    return b.build();
  }

  private static ByteBuffer bytes(int n, Random random, boolean direct) {
    byte[] data = new byte[n];
    random.nextBytes(data);
    ByteBuffer b = direct ? ByteBuffer.allocateDirect(n) : ByteBuffer.allocate(n);
    b.put(data).flip();
    return b;
  }
}
