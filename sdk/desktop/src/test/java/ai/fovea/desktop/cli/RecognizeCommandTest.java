package ai.fovea.desktop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.desktop.assets.Asset;
import ai.fovea.desktop.assets.Assets;
import ai.fovea.desktop.image.ImageFiles;
import ai.fovea.desktop.recognize.TinyModels;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecognizeCommandTest extends CliTest {
  @TempDir
  Path dir;
  private Path model;
  private Path images;
  private static BufferedImage filled(int rgb) {
    BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 30; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    return image;
  }

  @BeforeEach
  void files() throws Exception {
    model = Files.write(dir.resolve("brightness.tflite"), TinyModels.brightnessClassifier());
    images = Files.createDirectory(dir.resolve("images"));
    ImageFiles.writePng(filled(0xF0F0F0), images.resolve("snow.png"));
    ImageFiles.writePng(filled(0x101010), images.resolve("night.png"));
  }

  @Test
  void classifiesEveryImageOfADirectoryAndWritesAnnotatedPngs() throws Exception {
    Path annotated = dir.resolve("annotated");
    assertEquals(0, run("recognize", "--task", "classify", "--image", images.toString(), "--model", model.toString(),
        "--engine", "java", "--out", annotated.toString()), err);
    String[] blocks = out.split("\n(?=\\S)");
    assertTrue(blocks[1].startsWith(images.resolve("night.png") + "  30x20  engine java  total "), out);
    assertTrue(blocks[1].contains("\n  dark 1.00\n"), out);
    assertTrue(blocks[2].startsWith(images.resolve("snow.png").toString()) && blocks[2].contains("\n  bright 1.00\n"),
        out);
    BufferedImage png = ImageFiles.read(annotated.resolve("snow.png"));
    assertTrue(png.getWidth() >= 30 && png.getHeight() > 20);
  }

  @Test
  void detectsWithBoxesInImagePixels() throws Exception {
    Path detector = Files.write(dir.resolve("fixed-box.tflite"), TinyModels.fixedBoxDetector());
    assertEquals(0, run("recognize", "--task", "detect", "--image", images.resolve("snow.png").toString(), "--model",
        detector.toString(), "--json"), err);
    // 30x20 picture, box at x 0.125..0.75, y 0.25..0.5 of it.
    assertTrue(out.contains("{\"label\": \"kite\", \"class_id\": 2, \"score\": 0.94118, \"box\": [3.75, 5.00, 22.50, "
        + "10.00], \"keypoints\": []}"), out);
  }

  @Test
  void findsTheMotorcycleWithThePublishedSsdWhenItIsCached() throws Exception {
    Assets cache = Assets.standard();
    Assumptions.assumeTrue(cache.isCached(Asset.COCO_SSD) && cache.isCached(Asset.COCO_LABELS)
        && cache.isCached(Asset.PHOTO_MOTORCYCLE), "published COCO SSD or photo not in the asset cache: skipped");
    Path annotated = dir.resolve("annotated");
    assertEquals(0, run("recognize", "--task", "detect", "--image", cache.path(Asset.PHOTO_MOTORCYCLE).toString(),
        "--engine", "tflite", "--out", annotated.toString()), err);
    assertTrue(out.contains("detect with COCO SSD MobileNet v2 (uint8)"), out);
    assertTrue(out.contains("\n  motorcycle 0.9"), out);
    assertEquals(741, ImageFiles.read(annotated.resolve("motorcycle_left.png")).getWidth());
  }

  @Test
  void findsTheAstronautsFaceWithThePublishedFaceModelWhenItIsCached() {
    Assets cache = Assets.standard();
    Assumptions.assumeTrue(cache.isCached(Asset.FACE_DETECTION_SHORT_RANGE) && cache.isCached(Asset.PHOTO_ASTRONAUT),
        "published face model or photo not in the asset cache: skipped");
    assertEquals(0, run("recognize", "--task", "detect", "--model", "face", "--image",
        cache.path(Asset.PHOTO_ASTRONAUT).toString(), "--json"), err);
    // One face with six landmarks, in the upper middle of the 512x512 photo.
    assertTrue(out.contains("\"model\": \"MediaPipe face detection, short range\""), out);
    assertEquals(1, out.split("\"label\": \"face\"", -1).length - 1, out);
    assertTrue(out.matches("(?s).*\"box\": \\[(1[5-9]\\d|2\\d\\d)\\.\\d+, \\d+\\.\\d+, .*\"keypoints\": \\[[^\\]]+(, [^,\\]]+){11}\\].*"), out);
  }

  @Test
  void printsJsonOnRequest() {
    assertEquals(0, run("recognize", "--task", "classify", "--image", images.resolve("snow.png").toString(),
        "--model", model.toString(), "--json", "--max-results", "1"), err);
    assertTrue(out.startsWith("{\"task\": \"classify\", \"model\": \"" + model + "\", \"images\": [\n"), out);
    assertTrue(out.contains("\"results\": [{\"label\": \"bright\", \"class_id\": 1, \"score\": 0.99985}]"), out);
    assertTrue(out.contains("\"engine_attempts\": [{\"engine\": "), out);
    assertTrue(out.endsWith("]}\n"), out);
  }

  @Test
  void userErrorsAreOneLineWithExitCode2() throws Exception {
    String image = images.resolve("snow.png").toString();
    assertEquals(2, run("recognize", "--task", "segment", "--image", image));
    assertEquals("fovea recognize: unknown task 'segment'; choose classify, detect, signs\n", err);
    assertEquals(2, run("recognize", "--task", "signs", "--image", image));
    assertTrue(err.startsWith("fovea recognize: traffic-sign recognition is not available yet"), err);
    Path broken = Files.writeString(dir.resolve("broken.png"), "no pixels here");
    assertEquals(2, run("recognize", "--task", "classify", "--image", broken.toString(), "--model", model.toString()));
    assertEquals("fovea recognize: cannot read image " + broken + ": not a PNG or JPEG file\n", err);
    assertEquals(2, run("recognize", "--task", "classify", "--image", image, "--model", model.toString(),
        "--engine", "gpu"));
    assertTrue(err.startsWith("fovea recognize: engine gpu is not available in this build"), err);
    assertEquals(2, run("recognize", "--task", "classify", "--image", image, "--model", dir.resolve("none").toString()));
    assertTrue(err.startsWith("fovea recognize: cannot read model from file "), err);
    assertEquals(2, run("recognize", "--task", "detect", "--image", image, "--model", model.toString()));
    assertTrue(err.startsWith("fovea recognize: " + model + " cannot be used for detect: "), err);
    assertEquals(2, run("recognize", "--task", "classify", "--image", dir.resolve("nowhere.png").toString(), "--model",
        model.toString()));
    assertEquals("", out, "the image is checked before the model is opened");
    assertEquals(2, run("recognize", "--image", image));
    for (String e : new String[] {err}) {
      assertEquals(1, e.lines().count(), e);
    }
  }
}
