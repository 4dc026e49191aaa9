package ai.fovea.desktop.report;

import ai.fovea.models.data.LabeledImages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.models.classic.BaselineResult;
import ai.fovea.models.data.Normalization;
import ai.fovea.models.train.Architecture;
import ai.fovea.models.train.EpochRecord;
import ai.fovea.models.train.Network;
import ai.fovea.models.train.Predictions;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report for a small random LeNet-5 on 40 random 28×28 images: files, picture sizes and table contents. */
class TrainingReportWriterTest {
  private static final List<String> NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
      "Shirt", "Sneaker", "Bag", "Ankle boot");
  private static LabeledImages test;
  private static Predictions predictions;

  @BeforeAll
  static void evaluateRandomNetwork() {
    Random random = new Random(3);
    int n = 40;
    float[] pixels = new float[n * 28 * 28];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat();
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 10;
    }
    test = LabeledImages.of(28, 28, 1, pixels, labels);
    Network network = Architecture.LENET5.build(28, 28, 1, 10, 1f, 7);
    predictions = Predictions.of(network, test, Normalization.of(new float[] {0.5f}, new float[] {0.25f}),
        ComputePool.serial());
  }

  private static TrainingReport report(int epochs) {
    List<EpochRecord> history = new ArrayList<>();
    for (int e = 1; e <= epochs; e++) {
      history.add(new EpochRecord(e, 1.0 / e, 0.5 + 0.04 * e, 1.1 / e, 0.48 + 0.04 * e, 0.01 / e, 12.5, 4400));
    }
    return TrainingReport.builder("lenet5 on random images").command("./fovea train fashion-mnist --arch lenet5")
        .hyperParameter("architecture", "lenet5").hyperParameter("batch", 64)
        .data("test images", 40)
        .history(history).classNames(NAMES)
        .evaluation("float (ours)", predictions).evaluation("int8 (ours)", predictions)
        .testImages(test)
        .baselines(List.of(new BaselineResult("k-NN", "k-NN (k=5, L2, 100 training rows)", 40, 9, 0.1, 0.2)))
        .note("a note with a | pipe")
        .build();
  }

  @Test
  void writesMarkdownAndPicturesOfTheRightSize(@TempDir Path dir) throws Exception {
    Path md = TrainingReportWriter.write(report(3), dir);
    assertEquals(dir.resolve("report.md"), md);
    BufferedImage curves = ImageIO.read(dir.resolve("curves.png").toFile());
    assertEquals(TrainingCurvesChart.WIDTH, curves.getWidth());
    assertEquals(TrainingCurvesChart.HEIGHT, curves.getHeight());
    BufferedImage confusion = ImageIO.read(dir.resolve("confusion.png").toFile());
    assertEquals(ConfusionHeatmap.width(10), confusion.getWidth());
    assertEquals(ConfusionHeatmap.height(10), confusion.getHeight());
    int wrong = (int) Math.round((1 - predictions.accuracy()) * 40);
    int shown = Math.min(wrong, TrainingReportWriter.MISCLASSIFIED_SHOWN);
    BufferedImage grid = ImageIO.read(dir.resolve("misclassified.png").toFile());
    assertEquals(MisclassifiedGrid.width(test, shown), grid.getWidth());
    assertEquals(MisclassifiedGrid.height(test, shown), grid.getHeight());
    assertTrue(Files.readString(md).contains("![misclassified](misclassified.png)"));
  }

  @Test
  void tablesHoldOneRowPerEpochClassAndBaseline() {
    String md = ReportMarkdown.render(report(4), 5);
    List<String> history = section(md, "## Training history");
    assertEquals(2 + 4, history.size());
    assertTrue(history.get(2).startsWith("| 1 | 1.0000 | 54.00 | 1.1000 | 52.00 |"), history.get(2));
    List<String> perClass = section(md, "## Per-class test accuracy");
    assertEquals(2 + 10, perClass.size());
    assertEquals("| class | images | float (ours) % | int8 (ours) % |", perClass.get(0));
    assertTrue(perClass.get(3).startsWith("| Trouser | 4 |"), perClass.get(3));
    List<String> confusion = section(md, "## Confusion matrix");
    assertEquals(2 + 10, confusion.size());
    int sum = 0;
    int[][] counts = predictions.confusionMatrix();
    for (int t = 0; t < 10; t++) {
      String[] cells = confusion.get(2 + t).split(" \\| ");
      List<Integer> values = Arrays.stream(cells).skip(1)
          .map(c -> Integer.parseInt(c.replace("|", "").trim())).collect(Collectors.toList());
      assertEquals(10, values.size());
      for (int p = 0; p < 10; p++) {
        assertEquals(counts[t][p], values.get(p));
        sum += values.get(p);
      }
    }
    assertEquals(40, sum);
    List<String> baselines = section(md, "## Classical baselines");
    assertEquals(2 + 2, baselines.size());
    assertTrue(baselines.get(2).startsWith("| k-NN | 22.50 | 40 |"), baselines.get(2));
    assertTrue(md.contains("- a note with a \\| pipe"));
    assertTrue(md.contains("| T-shirt/top |"));
  }

  @Test
  void refusesReportsThatDoNotFitTogether() {
    assertThrows(IllegalStateException.class, () -> TrainingReport.builder("x").classNames(NAMES)
        .evaluation("float", predictions).testImages(test).build());
    List<EpochRecord> one = List.of(new EpochRecord(1, 1, 0.5, 1, 0.5, 0.1, 1, 1));
    assertThrows(IllegalStateException.class, () -> TrainingReport.builder("x").history(one)
        .classNames(NAMES.subList(0, 9)).evaluation("float", predictions).testImages(test).build());
    assertThrows(IllegalStateException.class, () -> TrainingReport.builder("x").history(one).classNames(NAMES)
        .evaluation("float", predictions).testImages(test.range(0, 10)).build());
  }

  @Test
  void laterEvaluationsMayCoverTheFirstTestImagesOnly() {
    Predictions firstTen = Predictions.of(Architecture.LENET5.build(28, 28, 1, 10, 1f, 7), test.range(0, 10),
        Normalization.of(new float[] {0.5f}, new float[] {0.25f}), ComputePool.serial());
    List<EpochRecord> one = List.of(new EpochRecord(1, 1, 0.5, 1, 0.5, 0.1, 1, 1));
    String md = ReportMarkdown.render(TrainingReport.builder("x").history(one).classNames(NAMES)
        .evaluation("float", predictions).evaluation("int8 (first 10 test images)", firstTen).testImages(test)
        .build(), 0);
    assertTrue(md.contains("| int8 (first 10 test images) | 10 |"), md);
    assertThrows(IllegalStateException.class, () -> TrainingReport.builder("x").history(one).classNames(NAMES)
        .evaluation("int8 (first 10)", firstTen).evaluation("float", predictions).testImages(test).build());
  }

  @Test
  void plotsASingleEpochAndAnEmptyGrid() {
    BufferedImage curves = TrainingCurvesChart.render(List.of(new EpochRecord(1, 1, 0.5, 1, 0.5, 0.1, 1, 1)));
    assertEquals(TrainingCurvesChart.WIDTH, curves.getWidth());
    BufferedImage none = MisclassifiedGrid.render(test, new int[40], new int[40], List.of(), NAMES);
    assertEquals(MisclassifiedGrid.width(test, 0), none.getWidth());
  }

  /** The table lines right after {@code heading} (header, alignment, rows). */
  private static List<String> section(String md, String heading) {
    String[] lines = md.substring(md.indexOf(heading)).split("\n");
    List<String> table = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].startsWith("|")) {
        table.add(lines[i]);
      } else if (!table.isEmpty()) {
        break;
      }
    }
    return table;
  }
}
