package ai.fovea.desktop.report;

import ai.fovea.models.train.Predictions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes a {@link TrainingReport} as a folder: {@code report.md} plus three PNG pictures it links (training
 * curves, confusion-matrix heatmap, misclassified test images). Existing files of those names are replaced.
 */
public final class TrainingReportWriter {
  public static final String MARKDOWN = "report.md";
  public static final String CURVES = "curves.png";
  public static final String CONFUSION = "confusion.png";
  public static final String MISCLASSIFIED = "misclassified.png";
  /** Misclassified images shown: six rows of six. */
  public static final int MISCLASSIFIED_SHOWN = 36;

  private TrainingReportWriter() {}

  /** Writes the report into {@code directory} (created if missing); returns the markdown file. */
  public static Path write(TrainingReport report, Path directory) throws IOException {
    Files.createDirectories(directory);
    Predictions primary = report.evaluations().get(0).predictions();
    int[] labels = primary.labels();
    int[] predicted = primary.predicted();
    List<Integer> wrong = MisclassifiedGrid.pick(labels, predicted, MISCLASSIFIED_SHOWN);
    png(TrainingCurvesChart.render(report.history()), directory.resolve(CURVES));
    png(ConfusionHeatmap.render(primary.confusionMatrix(), report.classNames()), directory.resolve(CONFUSION));
    png(MisclassifiedGrid.render(report.testImages(), labels, predicted, wrong, report.classNames()),
        directory.resolve(MISCLASSIFIED));
    Path markdown = directory.resolve(MARKDOWN);
    Files.writeString(markdown, ReportMarkdown.render(report, wrong.size()), StandardCharsets.UTF_8);
    return markdown;
  }

  private static void png(BufferedImage image, Path file) throws IOException {
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer for " + file);
    }
  }
}
