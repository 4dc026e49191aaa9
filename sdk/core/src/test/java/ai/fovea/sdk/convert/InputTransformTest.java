package ai.fovea.sdk.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.sdk.frame.Frame;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InputTransformTest {
  private static InputTransform transform(Frame frame, ConversionOptions options, int width, int height) {
    FrameConverter converter = new FrameConverter(options);
    converter.prepare(frame, Tensor.allocate("input", DataType.FLOAT32, Shape.of(1, height, width, 3)));
    return converter.transform();
  }

  private static void assertPoint(float x, float y, Point p) {
    assertEquals(x, p.x(), 1e-3f, "x of " + p);
    assertEquals(y, p.y(), 1e-3f, "y of " + p);
  }

  @Test
  void mapsCornersOfRotatedAndMirroredFramesToTheRightSourceCorners() {
    Frame.Builder b = Frame.argb(new int[640 * 480], 640, 480);
    ConversionOptions stretch = ConversionOptions.builder().scaleMode(ScaleMode.STRETCH).build();
    // Rotated 90 clockwise: the upright top-left is the source's bottom-left.
    InputTransform r90 = transform(b.rotation(90).mirrored(false).build(), stretch, 240, 320);
    assertPoint(0, 480, r90.toSource(0, 0));
    assertPoint(0, 0, r90.toSource(240, 0));
    assertPoint(640, 480, r90.toSource(0, 320));
    // Mirrored too: the upright top-left is now the source's top-left.
    InputTransform r90m = transform(b.rotation(90).mirrored(true).build(), stretch, 240, 320);
    assertPoint(0, 0, r90m.toSource(0, 0));
    assertPoint(640, 0, r90m.toSource(0, 320));
    InputTransform r270 = transform(b.rotation(270).mirrored(false).build(), stretch, 240, 320);
    assertPoint(640, 0, r270.toSource(0, 0));
    InputTransform r180m = transform(b.rotation(180).mirrored(true).build(), stretch, 320, 240);
    assertPoint(0, 480, r180m.toSource(0, 0));
  }

  @Test
  void mapsThroughLetterboxAndRegion() {
    Frame frame = Frame.argb(new int[200 * 100], 200, 100).build();
    InputTransform letterbox = transform(frame, ConversionOptions.defaults(), 64, 64);
    assertEquals(Region.of(0, 16, 64, 32), letterbox.content());
    assertPoint(0, 0, letterbox.toSource(0, 16));
    assertPoint(200, 100, letterbox.toSource(64, 48));
    InputTransform crop = transform(frame, ConversionOptions.builder().scaleMode(ScaleMode.CENTER_CROP)
        .region(Region.of(20, 10, 100, 50)).build(), 10, 10);
    assertPoint(45, 10, crop.toSource(0, 0));
    assertPoint(95, 60, crop.toSource(10, 10));
  }

  @Test
  void toModelInvertsToSourceForEveryOrientationAndMode() {
    Random random = new Random(21);
    for (int rotation : new int[] {0, 90, 180, 270}) {
      for (boolean mirrored : new boolean[] {false, true}) {
        for (ScaleMode mode : ScaleMode.values()) {
          Frame frame = Frame.argb(new int[37 * 23], 37, 23).rotation(rotation).mirrored(mirrored).build();
          InputTransform t = transform(frame, ConversionOptions.builder().scaleMode(mode).region(Region.of(3, 2, 15, 17)).build(), 19, 11);
          for (int i = 0; i < 20; i++) {
            float x = random.nextFloat() * 19;
            float y = random.nextFloat() * 11;
            Point s = t.toSource(x, y);
            assertPoint(x, y, t.toModel(s.x(), s.y()));
          }
        }
      }
    }
  }

  /** A lone bright source pixel must come out where the transform says, for every orientation. */
  @Test
  void pointsBackToThePixelTheConverterSampled() {
    Random random = new Random(8);
    for (int rotation : new int[] {0, 90, 180, 270}) {
      for (boolean mirrored : new boolean[] {false, true}) {
        int w = 13;
        int h = 9;
        int sx = random.nextInt(w);
        int sy = random.nextInt(h);
        int[] pixels = new int[w * h];
        pixels[sy * w + sx] = 0xFFFFFF;
        Frame frame = Frame.argb(pixels, w, h).rotation(rotation).mirrored(mirrored).build();
        Tensor out = Tensor.allocate("input", DataType.UINT8, Shape.of(1, frame.uprightHeight(), frame.uprightWidth(), 3),
            Quantization.perTensor(1, 0));
        FrameConverter converter = new FrameConverter(ConversionOptions.builder().scaleMode(ScaleMode.STRETCH).build());
        converter.prepare(frame, out);
        converter.run(frame, out);
        int lit = -1;
        for (int i = 0; i < out.size(); i += 3) {
          if (out.bytes()[i] != 0) {
            lit = i / 3;
          }
        }
        int x = lit % frame.uprightWidth();
        int y = lit / frame.uprightWidth();
        String what = "rotation " + rotation + (mirrored ? " mirrored" : "");
        Point p = converter.transform().toSource(x + 0.5f, y + 0.5f);
        assertEquals(sx + 0.5f, p.x(), 1e-4f, what);
        assertEquals(sy + 0.5f, p.y(), 1e-4f, what);
        Point back = converter.transform().toModel(sx + 0.5f, sy + 0.5f);
        assertEquals(x + 0.5f, back.x(), 1e-4f, what);
        assertEquals(y + 0.5f, back.y(), 1e-4f, what);
      }
    }
  }
}
