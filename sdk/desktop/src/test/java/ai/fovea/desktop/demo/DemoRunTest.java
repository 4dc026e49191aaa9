package ai.fovea.desktop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.desktop.data.Datasets;
import ai.fovea.desktop.image.ImageFiles;
import ai.fovea.desktop.recognize.DefaultModel;
import ai.fovea.desktop.recognize.DefaultModels;
import ai.fovea.desktop.recognize.ModelUnavailableException;
import ai.fovea.desktop.recognize.RecognitionTask;
import ai.fovea.desktop.recognize.Recognizer;
import ai.fovea.desktop.recognize.TinyModels;
import ai.fovea.sdk.vision.ModelSource;
import ai.fovea.sdk.vision.TaskOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoRunTest {
  @TempDir
  Path dir;

  static BufferedImage filled(int w, int h, int gray) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, gray << 16 | gray << 8 | gray);
      }
    }
    return image;
  }

  /** Every {@code src} of the report, checked to exist beside it. */
  static List<String> checkedSources(Path report) throws Exception {
    String html = Files.readString(report);
    Matcher m = Pattern.compile("src=\"([^\"]+)\"").matcher(html);
    List<String> sources = new ArrayList<>();
    while (m.find()) {
      Path png = report.getParent().resolve(m.group(1));
      assertTrue(Files.isRegularFile(png), m.group(1));
      ImageFiles.read(png);
      sources.add(m.group(1));
    }
    return sources;
  }

  @Test
  void classifiesEachPictureWritesAnnotatedPngsAndAReportThatShowsThem() throws Exception {
    DefaultModel brightness = DefaultModel.of("brightness", ModelSource.bytes(TinyModels.brightnessClassifier()));
    DemoRun demo = DemoRun.builder().engine("java").threads(1)
        .classifier(brightness, List.of(new DemoPicture("white", filled(28, 28, 250), "bright"),
            new DemoPicture("black", filled(28, 28, 5), "dark")))
        .detectorMissing("no detector in this test").build();
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    Path report = demo.run(dir.resolve("out"), new PrintStream(text, true, StandardCharsets.UTF_8));
    String out = text.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("[ 1/2] white              java   total "), out);
    assertTrue(Pattern.compile("white .* bright 1\\.00, dark 0\\.00  \\(shows: bright\\)").matcher(out).find(), out);
    assertTrue(Pattern.compile("black .* dark 1\\.00, bright 0\\.00  \\(shows: dark\\)").matcher(out).find(), out);
    assertTrue(out.contains("== detection\nskipped: no detector in this test\n"), out);
    assertTrue(out.contains("2 frames, median "), out);
    assertEquals(List.of("classify/white.png", "classify/black.png"), checkedSources(report));
    String html = Files.readString(report);
    assertTrue(html.contains("Not run: no detector in this test."), html);
    assertTrue(html.contains("<svg "), html);
    assertTrue(html.contains("<th>engines that ran</th><td>java</td>"), html);
  }

  @Test
  void detectsOnPhotosAndOnTheSynthesizedSequenceAndDrawsBoxesUpright() throws Exception {
    DefaultModel fixedBox = DefaultModel.of("fixed-box", ModelSource.bytes(TinyModels.fixedBoxDetector()));
    BufferedImage photo = filled(300, 200, 230);
    DemoRun demo = DemoRun.builder().engine("auto").threads(2).classifierMissing("not in this test")
        .detector(fixedBox, List.of(new DemoPicture("gray", photo, "a kite")), new DemoPicture("gray", photo, null), 6)
        .build();
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    Path report = demo.run(dir, new PrintStream(text, true, StandardCharsets.UTF_8));
    String out = text.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("== classification\nskipped: not in this test\n"), out);
    assertTrue(Pattern.compile("\\[ 1/1\\] gray .* kite 0\\.90 \\[38,50 - 225,100\\]  \\(shows: a kite\\)")
        .matcher(out).find(), out);
    assertTrue(out.contains("frame sequence: 6 camera-like YUV_420_888 frames synthesized from the photo gray"), out);
    assertTrue(out.contains("[ 3/6] frame_03_rot90 "), out);
    assertTrue(out.contains("6 frames, median "), out);
    List<String> sources = checkedSources(report);
    assertEquals(7, sources.size());
    assertEquals("sequence/frame_06_rot270.png", sources.get(6));
    // The box is drawn where it is on the upright picture, also for a frame that came rotated.
    BufferedImage rotated = ImageFiles.read(dir.resolve("sequence/frame_03_rot90.png"));
    assertEquals(320, rotated.getWidth());
    int edge = rotated.getRGB(40, 90);
    int inside = rotated.getRGB(120, 90);
    assertTrue((edge & 0xFFFFFF) != (inside & 0xFFFFFF), Integer.toHexString(edge) + " " + Integer.toHexString(inside));
    assertTrue(Files.readString(report).contains("Synthesized from one still photograph (gray), not recorded"));
  }

  @Test
  void theShippedFashionClassifierNamesMostOfTheDemoPicturesRight() throws Exception {
    DefaultModel shipped;
    try {
      shipped = DefaultModels.shipped(DefaultModels.FASHION_MNIST);
    } catch (ModelUnavailableException e) {
      Assumptions.assumeTrue(false, e.getMessage() + ": skipped");
      return;
    }
    Path images = Datasets.DEBIAN_FASHION_MNIST.resolve("t10k-images-idx3-ubyte.gz");
    Path labels = Datasets.DEBIAN_FASHION_MNIST.resolve("t10k-labels-idx1-ubyte.gz");
    Assumptions.assumeTrue(Files.isRegularFile(images) && Files.isRegularFile(labels),
        "Fashion-MNIST not installed: skipped");
    List<DemoPicture> pictures = DatasetSamples.firstOfEachClass(images, labels, Datasets.FASHION_MNIST_CLASSES,
        "fashion", 10);
    assertEquals(10, pictures.size());
    int right = 0;
    try (Recognizer r = Recognizer.open(RecognitionTask.CLASSIFY, shipped.source(), TaskOptions.defaults())) {
      for (DemoPicture p : pictures) {
        right += r.process(ImageFiles.toFrame(p.image())).items().get(0).label().equals(p.truth()) ? 1 : 0;
      }
    }
    // The model is above 92 % on the whole test set; on these ten pictures at least eight is expected.
    assertTrue(right >= 8, right + " of 10 right");
  }
}
