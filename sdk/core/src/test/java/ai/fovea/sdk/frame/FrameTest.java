package ai.fovea.sdk.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FrameTest {
  private static void assertRejected(String expectedText, Executable build) {
    FrameFormatException e = assertThrows(FrameFormatException.class, build);
    assertTrue(e.getMessage().contains(expectedText), e.getMessage());
  }

  private static Plane plane(int bytes, int rowStride, int pixelStride) {
    return Plane.of(ByteBuffer.allocate(bytes), rowStride, pixelStride);
  }

  @Test
  void acceptsAndroidStyleInterleavedChromaWithAShortLastRow() {
    // 5x3 frame: chroma 3x2 at row stride 8 and pixel stride 2; the V view starts one byte after U.
    ByteBuffer chroma = ByteBuffer.allocate(8 + 5 + 1);
    ByteBuffer u = chroma.duplicate();
    u.limit(13);
    ByteBuffer v = chroma.duplicate();
    v.position(1);
    Frame f = Frame.yuv420(5, 3, plane(2 * 8 + 5, 8, 1), Plane.of(u, 8, 2), Plane.of(v, 8, 2))
        .rotation(270).mirrored(true).timestampNanos(42).colorRange(ColorRange.LIMITED).build();
    assertEquals(PixelFormat.YUV_420_888, f.format());
    assertEquals(3, f.uprightWidth());
    assertEquals(5, f.uprightHeight());
    assertEquals(42, f.timestampNanos());
    assertEquals(2, f.plane(2).pixelStride());
    assertTrue(f.isMirrored());
  }

  @Test
  void namesTheShortPlane() {
    assertRejected("V plane: 12 bytes, needs 13",
        () -> Frame.yuv420(5, 3, plane(15, 5, 1), plane(13, 8, 2), plane(12, 8, 2)).build());
    assertRejected("Y plane: row stride 4 is shorter than one row of 5",
        () -> Frame.yuv420(5, 3, plane(15, 4, 1), plane(6, 3, 1), plane(6, 3, 1)).build());
    assertRejected("U and V planes must share strides",
        () -> Frame.yuv420(5, 3, plane(15, 5, 1), plane(6, 3, 1), plane(13, 8, 2)).build());
  }

  @Test
  void namesBadSizesRotationsAndStrides() {
    assertRejected("got 0x4", () -> Frame.nv21(new byte[10], 0, 4));
    assertRejected("got 45", () -> Frame.nv21(new byte[6], 2, 2).rotation(45));
    assertRejected("NV21 data has 14 bytes, needs 17", () -> Frame.nv21(new byte[14], 3, 3));
    assertRejected("ARGB pixels: 11 ints, needs 12", () -> Frame.argb(new int[11], 4, 3).build());
    assertRejected("row stride 3 is shorter than the width 4", () -> Frame.argb(new int[12], 4, 3).rowStride(3).build());
    assertRejected("RGBA plane: 47 bytes, needs 48", () -> Frame.rgba(ByteBuffer.allocate(47), 4, 3).build());
    assertRejected("LIMITED applies only to YUV", () -> Frame.argb(new int[12], 4, 3).colorRange(ColorRange.LIMITED));
    assertRejected("row stride belongs to each plane", () -> Frame.nv21(new byte[6], 2, 2).rowStride(4));
    assertRejected("pixel stride must be positive, got 0", () -> Plane.of(ByteBuffer.allocate(4), 4, 0));
  }

  @Test
  void sharesTheCallersPixelsWithoutCopying() {
    byte[] nv21 = new byte[4 * 2 + 4];
    Frame f = Frame.nv21(nv21, 4, 2).build();
    nv21[8] = 7; // first V
    nv21[9] = 9; // first U
    assertEquals(9, f.plane(1).buffer().get(0));
    assertEquals(7, f.plane(2).buffer().get(0));
    assertEquals(2, f.plane(1).pixelStride());
    int[] argb = new int[6];
    assertTrue(Frame.argb(argb, 3, 2).build().argbPixels() == argb);
  }

  @Test
  void comparesLayoutsButNotPixels() {
    Frame a = Frame.nv21(new byte[6], 2, 2).rotation(90).build();
    assertTrue(a.hasLayoutOf(Frame.nv21(new byte[6], 2, 2).rotation(90).build()));
    assertFalse(a.hasLayoutOf(Frame.nv21(new byte[6], 2, 2).rotation(90).mirrored(true).build()));
    assertFalse(a.hasLayoutOf(Frame.argb(new int[4], 2, 2).rotation(90).build()));
  }
}
