package ai.fovea.sdk.task.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.sdk.convert.ConversionOptions;
import ai.fovea.sdk.convert.FrameConverter;
import ai.fovea.sdk.convert.InputTransform;
import ai.fovea.sdk.convert.Interpolation;
import ai.fovea.sdk.convert.Point;
import ai.fovea.sdk.convert.Region;
import ai.fovea.sdk.convert.ScaleMode;
import ai.fovea.sdk.frame.Frame;
import org.junit.jupiter.api.Test;

class SourceMappingTest {
  private static final int W = 64;
  private static final int H = 48;
  private static final int MODEL = 32;

  private static void assertBox(Box expected, Box actual, float tolerance, String what) {
    assertEquals(expected.left(), actual.left(), tolerance, what + ": left of " + actual);
    assertEquals(expected.top(), actual.top(), tolerance, what + ": top of " + actual);
    assertEquals(expected.right(), actual.right(), tolerance, what + ": right of " + actual);
    assertEquals(expected.bottom(), actual.bottom(), tolerance, what + ": bottom of " + actual);
  }

  /**
   * A white rectangle in a rotated (and maybe mirrored) source frame goes through the real converter into a
   * letterboxed model input; the lit model pixels' bounding box, as a detection, maps back onto the rectangle.
   */
  @Test
  void detectionInARotatedLetterboxedInputMapsBackToTheSourceRectangle() {
    Box object = Box.of(10, 8, 30, 20);
    for (int rotation : new int[] {0, 90, 180, 270}) {
      for (boolean mirrored : new boolean[] {false, true}) {
        String what = "rotation " + rotation + (mirrored ? " mirrored" : "");
        int[] pixels = new int[W * H];
        for (int y = (int) object.top(); y < object.bottom(); y++) {
          for (int x = (int) object.left(); x < object.right(); x++) {
            pixels[y * W + x] = 0xFFFFFFFF;
          }
        }
        Frame frame = Frame.argb(pixels, W, H).rotation(rotation).mirrored(mirrored).build();
        Tensor input = Tensor.allocate("input", DataType.UINT8, Shape.of(1, MODEL, MODEL, 3), Quantization.perTensor(1, 0));
        FrameConverter converter = new FrameConverter(ConversionOptions.builder().scaleMode(ScaleMode.LETTERBOX)
            .interpolation(Interpolation.AREA).build());
        converter.prepare(frame, input);
        converter.run(frame, input);
        int minX = MODEL;
        int minY = MODEL;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < MODEL; y++) {
          for (int x = 0; x < MODEL; x++) {
            if ((input.bytes()[3 * (y * MODEL + x)] & 0xff) >= 128) {
              minX = Math.min(minX, x);
              minY = Math.min(minY, y);
              maxX = Math.max(maxX, x + 1);
              maxY = Math.max(maxY, y + 1);
            }
          }
        }
        Detection found = Detection.of(Box.of(minX / (float) MODEL, minY / (float) MODEL, maxX / (float) MODEL, maxY / (float) MODEL), 0, 1);
        Detection mapped = SourceMapping.of(converter.transform()).toSource(found);
        // One model pixel covers 64 / 32 = 2 source pixels along the long side.
        assertBox(object, mapped.box(), 1.01f, what);
      }
    }
  }

  @Test
  void boxesAndKeypointsMapExactlyThroughRegionLetterboxAndRotation() {
    Frame frame = Frame.argb(new int[W * H], W, H).rotation(90).mirrored(true).build();
    Tensor input = Tensor.allocate("input", DataType.FLOAT32, Shape.of(1, 20, 30, 3));
    FrameConverter converter = new FrameConverter(ConversionOptions.builder().region(Region.of(4, 6, 40, 50)).build());
    converter.prepare(frame, input);
    InputTransform t = converter.transform();
    // A source box and keypoint, taken to the model by the inverse transform, normalized, and mapped back.
    Box source = Box.of(12, 10, 30, 22);
    Point a = t.toModel(source.left(), source.top());
    Point b = t.toModel(source.right(), source.bottom());
    Point kp = t.toModel(20, 15);
    float mw = t.modelWidth();
    float mh = t.modelHeight();
    Box model = Box.of(Math.min(a.x(), b.x()) / mw, Math.min(a.y(), b.y()) / mh, Math.max(a.x(), b.x()) / mw, Math.max(a.y(), b.y()) / mh);
    Detection d = Detection.of(model, 3, 0.8f, new float[] {kp.x() / mw, kp.y() / mh});
    Detection back = SourceMapping.of(t).toSource(d);
    assertBox(source, back.box(), 1e-3f, "box");
    assertEquals(20, back.keypointX(0), 1e-3f);
    assertEquals(15, back.keypointY(0), 1e-3f);
    assertEquals(3, back.classId());
    assertEquals(0.8f, back.score(), 0);
  }

  @Test
  void clipsToWhatTheModelSawUnlessAskedNotTo() {
    Frame frame = Frame.argb(new int[W * H], W, H).build();
    Tensor input = Tensor.allocate("input", DataType.FLOAT32, Shape.of(1, 32, 32, 3));
    FrameConverter converter = new FrameConverter(ConversionOptions.defaults());
    converter.prepare(frame, input);
    // Letterboxed 64 x 48 into 32 x 32: content rows 4..28; the whole input maps to y in [-8, 56).
    SourceMapping mapping = SourceMapping.of(converter.transform());
    assertBox(Box.of(0, 0, 64, 48), mapping.visibleSource(), 1e-4f, "visible");
    Detection whole = Detection.of(Box.of(0, 0, 1, 1), 0, 1);
    assertBox(Box.of(0, 0, 64, 48), mapping.toSource(whole).box(), 1e-4f, "clipped");
    assertBox(Box.of(0, -8, 64, 56), SourceMapping.of(converter.transform(), false).toSource(whole).box(), 1e-4f, "unclipped");
  }
}
