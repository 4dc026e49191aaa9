package ai.fovea.desktop.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.sdk.convert.Point;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.frame.PixelFormat;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhotoPanSequenceTest {
  /** A smooth photo (gradients), so chroma subsampling costs little and a tight bound can hold. */
  static BufferedImage smoothPhoto(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = 255 * x / (w - 1);
        int g = 255 * y / (h - 1);
        int b = (int) (127.5 + 127.5 * Math.sin(x / 40.0 + y / 25.0));
        image.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    return image;
  }

  @Test
  void framesAreCameraLikeYuvWithTheDocumentedRotations() {
    List<Frame> frames = PhotoPanSequence.of(smoothPhoto(500, 300), 9);
    assertEquals(9, frames.size());
    int[] expected = {0, 0, 0, 90, 90, 90, 270, 270, 270};
    for (int i = 0; i < frames.size(); i++) {
      Frame f = frames.get(i);
      assertEquals(PixelFormat.YUV_420_888, f.format());
      assertEquals(expected[i], f.rotationDegrees());
      assertEquals(PhotoPanSequence.WIDTH, f.uprightWidth());
      assertEquals(PhotoPanSequence.HEIGHT, f.uprightHeight());
      assertEquals(2, f.plane(1).pixelStride());
      assertEquals(0, f.plane(0).rowStride() % 64);
      assertEquals(i * 33_333_333L, f.timestampNanos());
    }
  }

  @Test
  void theSdksUprightViewOfEveryRotationShowsTheIntendedPicture() {
    BufferedImage photo = smoothPhoto(500, 300);
    int count = 9;
    List<Frame> frames = PhotoPanSequence.of(photo, count);
    for (int i : new int[] {1, 4, 7}) {
      int[] intended = PhotoPanSequence.view(photo, (float) i / (count - 1));
      BufferedImage seen = UprightView.of(frames.get(i)).image();
      int[] got = seen.getRGB(0, 0, seen.getWidth(), seen.getHeight(), null, 0, seen.getWidth());
      long sum = 0;
      int max = 0;
      for (int p = 0; p < got.length; p++) {
        for (int shift = 0; shift <= 16; shift += 8) {
          int d = Math.abs((got[p] >> shift & 0xFF) - (intended[p] >> shift & 0xFF));
          sum += d;
          max = Math.max(max, d);
        }
      }
      double mean = sum / (3.0 * got.length);
      // YUV rounding and 2x2 chroma of a smooth picture: about one step on average, a few at most.
      assertTrue(mean < 1.5 && max <= 8, "frame " + i + ": mean " + mean + " max " + max);
    }
  }

  @Test
  void sensorPointsMapToTheUprightPixelTheyShow() {
    Frame rotated = PhotoPanSequence.of(smoothPhoto(500, 300), 3).get(1);
    assertEquals(90, rotated.rotationDegrees());
    // Sensor buffer is 240 wide, 320 high; its top-left corner is the upright picture's top-right corner.
    Point p = UprightView.of(rotated).toUpright(0, 0);
    assertEquals(PhotoPanSequence.WIDTH, p.x(), 1e-4);
    assertEquals(0, p.y(), 1e-4);
  }

  @Test
  void isDeterministic() {
    BufferedImage photo = smoothPhoto(400, 300);
    Frame a = PhotoPanSequence.of(photo, 4).get(3);
    Frame b = PhotoPanSequence.of(photo, 4).get(3);
    byte[] ya = new byte[a.plane(0).size()];
    byte[] yb = new byte[b.plane(0).size()];
    a.plane(0).buffer().duplicate().get(ya);
    b.plane(0).buffer().duplicate().get(yb);
    assertArrayEquals(ya, yb);
  }
}
