package ai.fovea.desktop.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.desktop.image.PhotoPanSequence;
import ai.fovea.desktop.image.UprightView;
import ai.fovea.desktop.report.Annotation;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.model.ModelMetadataException;
import ai.fovea.sdk.vision.ModelSource;
import ai.fovea.sdk.vision.TaskOptions;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecognizerTest {
  private static BufferedImage white(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, 0xFFFFFF);
      }
    }
    return image;
  }

  @Test
  void detectionBoxesLandOnTheSamePartOfTheUprightPictureWhateverTheSensorRotation() {
    List<Frame> frames = PhotoPanSequence.of(white(400, 300), 6);
    for (String engine : new String[] {"java", "tflite"}) {
      try (Recognizer r = Recognizer.open(RecognitionTask.DETECT, ModelSource.bytes(TinyModels.fixedBoxDetector()),
          TaskOptions.builder().engine(engine).build())) {
        assertEquals("fixed-box", r.modelName());
        for (Frame f : frames) {
          Recognition result = r.process(f);
          assertEquals(engine, result.engine());
          assertEquals(1, result.items().size(), result.describe());
          Annotation upright = result.onto(UprightView.of(f)).get(0);
          assertEquals("kite", upright.label());
          assertEquals(2, upright.classId());
          assertEquals(1f, upright.score(), 0.01f);
          float[] b = upright.box();
          String what = "rotation " + f.rotationDegrees() + ": " + upright;
          assertEquals(0.125f * PhotoPanSequence.WIDTH, b[0], 0.01f, what);
          assertEquals(0.25f * PhotoPanSequence.HEIGHT, b[1], 0.01f, what);
          assertEquals(0.75f * PhotoPanSequence.WIDTH, b[2], 0.01f, what);
          assertEquals(0.5f * PhotoPanSequence.HEIGHT, b[3], 0.01f, what);
          if (f.rotationDegrees() == 90) {
            // In the sensor buffer (240 wide, 320 high) the box is turned: sensor x is the upright y, sensor y runs
            // against the upright x.
            float[] source = result.items().get(0).box();
            assertEquals(0.25f * PhotoPanSequence.HEIGHT, source[0], 0.01f);
            assertEquals(PhotoPanSequence.WIDTH - 0.75f * PhotoPanSequence.WIDTH, source[1], 0.01f);
            assertEquals(0.5f * PhotoPanSequence.HEIGHT, source[2], 0.01f);
            assertEquals(PhotoPanSequence.WIDTH - 0.125f * PhotoPanSequence.WIDTH, source[3], 0.01f);
          }
        }
      }
    }
  }

  @Test
  void aModelOfTheOtherTaskIsAMetadataError() {
    ModelMetadataException e = assertThrows(ModelMetadataException.class, () -> Recognizer.open(
        RecognitionTask.DETECT, ModelSource.bytes(TinyModels.brightnessClassifier()), TaskOptions.defaults()));
    assertTrue(e.getMessage().contains("not a detect model"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Recognizer.open(RecognitionTask.SIGNS,
        ModelSource.bytes(TinyModels.brightnessClassifier()), TaskOptions.defaults()));
  }
}
