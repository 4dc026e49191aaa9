package ai.fovea.desktop.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.desktop.assets.Asset;
import ai.fovea.desktop.assets.AssetUnavailableException;
import ai.fovea.desktop.assets.Assets;
import ai.fovea.desktop.image.ImageFiles;
import ai.fovea.sdk.convert.ScaleMode;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.model.ModelDescriptor;
import ai.fovea.sdk.model.OutputLayout;
import ai.fovea.sdk.model.Task;
import ai.fovea.sdk.task.detect.BlazeFace;
import ai.fovea.sdk.task.detect.Box;
import ai.fovea.sdk.vision.DetectedObject;
import ai.fovea.sdk.vision.Detector;
import ai.fovea.sdk.vision.ModelSource;
import ai.fovea.sdk.vision.TaskOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * MediaPipe's real short-range face detector through the SDK's {@link Detector} with {@link BlazeFace}'s anchors,
 * decoding and weighted NMS, on the java and the tflite engine: the astronaut's face where it is (box and
 * landmarks checked against the photograph by eye, 179..272 x 81..174 px), no face on the cat, and the same
 * answer, rotated, for the photograph stored rotated by 90 degrees. Skipped, saying so, when the assets cannot
 * be fetched.
 */
class FaceDetectorOnRealModelTest {
  private static final ModelDescriptor FACE = ModelDescriptor.builder().task(Task.DETECT).name("face_detection_short_range")
      .version("0.4.1657300184").normalization(BlazeFace.INPUT_MEAN, BlazeFace.INPUT_STD).resize(ScaleMode.LETTERBOX)
      .outputLayout(OutputLayout.SSD_ANCHORS).labels(List.of("face")).build();

  private static Path asset(Asset asset) {
    try {
      return Assets.standard().path(asset);
    } catch (AssetUnavailableException e) {
      Assumptions.assumeTrue(e.getMessage().contains("SHA-256"), "asset not reachable: " + e.getMessage());
      throw e;
    }
  }

  private static List<DetectedObject> faces(byte[] model, String engine, Frame frame) {
    try (Detector detector = Detector.create(ModelSource.bytes(model),
        TaskOptions.builder().engine(engine).descriptor(FACE).detection(BlazeFace::shortRange).build())) {
      List<DetectedObject> found = detector.process(frame).objects();
      // A second frame through the same detector gives the same answer (tables reused, nothing carried over).
      assertEquals(found.toString(), detector.process(frame).objects().toString());
      return found;
    }
  }

  private static void assertNear(Box expected, Box actual, float tolerance) {
    assertEquals(expected.left(), actual.left(), tolerance, "left of " + actual);
    assertEquals(expected.top(), actual.top(), tolerance, "top of " + actual);
    assertEquals(expected.right(), actual.right(), tolerance, "right of " + actual);
    assertEquals(expected.bottom(), actual.bottom(), tolerance, "bottom of " + actual);
  }

  @Test
  void findsTheAstronautsFaceAndItsLandmarksOnBothEngines() throws IOException {
    byte[] model = Files.readAllBytes(asset(Asset.FACE_DETECTION_SHORT_RANGE));
    BufferedImage astronaut = ImageFiles.read(asset(Asset.PHOTO_ASTRONAUT));
    int w = astronaut.getWidth();
    int h = astronaut.getHeight();
    int[] pixels = astronaut.getRGB(0, 0, w, h, null, 0, w);
    // The same photograph stored rotated 90 degrees counter-clockwise: rotation 90 makes it upright again.
    int[] stored = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        stored[(w - 1 - x) * h + y] = pixels[y * w + x];
      }
    }
    Box face = Box.of(179, 81, 272, 174);
    for (String engine : new String[] {"tflite", "java"}) {
      List<DetectedObject> upright = faces(model, engine, Frame.argb(pixels, w, h).build());
      assertEquals(1, upright.size(), engine + ": " + upright);
      DetectedObject f = upright.get(0);
      assertEquals("face", f.label());
      assertTrue(f.score() > 0.85f, engine + ": " + f);
      assertNear(face, f.box(), 4);
      assertEquals(6, f.keypointCount());
      // Right eye (image left), left eye, nose, mouth: inside the face, in their order.
      for (int k = 0; k < 4; k++) {
        assertTrue(f.box().left() < f.keypoint(k).x() && f.keypoint(k).x() < f.box().right(), engine + " keypoint " + k);
        assertTrue(f.box().top() < f.keypoint(k).y() && f.keypoint(k).y() < f.box().bottom(), engine + " keypoint " + k);
      }
      assertTrue(f.keypoint(0).x() < f.keypoint(2).x() && f.keypoint(2).x() < f.keypoint(1).x(), engine + ": eyes either side of the nose");
      assertTrue(f.keypoint(0).y() < f.keypoint(3).y() && f.keypoint(2).y() < f.keypoint(3).y(), engine + ": mouth below eyes and nose");

      List<DetectedObject> rotated = faces(model, engine, Frame.argb(stored, h, w).rotation(90).build());
      assertEquals(1, rotated.size(), engine + " rotated: " + rotated);
      // Upright (x, y) is stored at (y, w - x).
      Box b = f.box();
      assertNear(Box.of(b.top(), w - b.right(), b.bottom(), w - b.left()), rotated.get(0).box(), 1.5f);
      assertEquals(f.keypoint(0).y(), rotated.get(0).keypoint(0).x(), 1.5f);
      assertEquals(w - f.keypoint(0).x(), rotated.get(0).keypoint(0).y(), 1.5f);
    }
  }

  @Test
  void findsNoFaceOnTheCat() throws IOException {
    byte[] model = Files.readAllBytes(asset(Asset.FACE_DETECTION_SHORT_RANGE));
    Frame cat = ImageFiles.readFrame(asset(Asset.PHOTO_CHELSEA));
    for (String engine : new String[] {"tflite", "java"}) {
      assertEquals(List.of(), faces(model, engine, cat), engine);
    }
  }
}
