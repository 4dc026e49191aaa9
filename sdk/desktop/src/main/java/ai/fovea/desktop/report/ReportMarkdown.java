package ai.fovea.desktop.report;

import ai.fovea.models.classic.BaselineResult;
import ai.fovea.models.train.EpochRecord;
import ai.fovea.models.train.Predictions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text of {@code report.md}: GitHub-flavoured markdown tables for hyper-parameters, data, the per-epoch
 * history, test accuracy of every evaluation, per-class accuracy, the primary evaluation's confusion matrix
 * and the baselines, with the pictures {@link TrainingReportWriter} writes beside it linked in.
 */
public final class ReportMarkdown {
  private ReportMarkdown() {}

  public static String render(TrainingReport report, int misclassifiedShown) {
    StringBuilder md = new StringBuilder();
    md.append("# Training report: ").append(report.title()).append("\n\n");
    if (report.command() != null) {
      md.append("Reproduce with:\n\n```\n").append(report.command()).append("\n```\n\n");
    }
    md.append("## Hyper-parameters\n\n");
    keyValues(md, "parameter", report.hyperParameters());
    md.append("## Data\n\n");
    keyValues(md, "item", report.data());
    history(md, report.history());
    testAccuracy(md, report);
    perClass(md, report);
    confusion(md, report);
    Predictions primary = report.evaluations().get(0).predictions();
    int[][] counts = primary.confusionMatrix();
    int wrong = primary.count();
    for (int c = 0; c < counts.length; c++) {
      wrong -= counts[c][c];
    }
    md.append("## Misclassified test images\n\n");
    md.append(String.format(Locale.ROOT, "The first %d of the %d test images the %s model gets wrong, in test-set "
        + "order (green: true class, red: prediction).%n%n![misclassified](%s)%n%n", misclassifiedShown, wrong,
        report.evaluations().get(0).name(), TrainingReportWriter.MISCLASSIFIED));
    baselines(md, report);
    if (!report.notes().isEmpty()) {
      md.append("## Notes\n\n");
      for (String note : report.notes()) {
        md.append("- ").append(cell(note)).append('\n');
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static void keyValues(StringBuilder md, String header, Map<String, String> rows) {
    table(md, List.of(header, "value"), "---|---");
    for (Map.Entry<String, String> e : rows.entrySet()) {
      row(md, List.of(e.getKey(), e.getValue()));
    }
    md.append('\n');
  }

  private static void history(StringBuilder md, List<EpochRecord> history) {
    md.append("## Training history\n\n");
    table(md, List.of("epoch", "train loss", "train acc %", "val loss", "val acc %", "learning rate", "seconds",
        "samples/s"), "---:|---:|---:|---:|---:|---:|---:|---:");
    for (EpochRecord r : history) {
      row(md, List.of(Integer.toString(r.epoch), f("%.4f", r.trainLoss), f("%.2f", 100 * r.trainAccuracy),
          f("%.4f", r.validationLoss), f("%.2f", 100 * r.validationAccuracy), f("%.3g", r.learningRate),
          f("%.1f", r.seconds), f("%.0f", r.samplesPerSecond)));
    }
    md.append("\nTraining loss and accuracy are means over the epoch's batches (training mode, augmented); "
        + "validation is one inference pass at the epoch's end.\n\n");
    md.append("![loss and accuracy curves](").append(TrainingReportWriter.CURVES).append(")\n\n");
  }

  private static void testAccuracy(StringBuilder md, TrainingReport report) {
    md.append("## Test accuracy\n\n");
    table(md, List.of("model", "test images", "accuracy %", "mean loss"), "---|---:|---:|---:");
    for (TrainingReport.Evaluation e : report.evaluations()) {
      Predictions p = e.predictions();
      row(md, List.of(e.name(), Integer.toString(p.count()), f("%.2f", 100 * p.accuracy()), f("%.4f", p.meanLoss())));
    }
    md.append('\n');
  }

  private static void perClass(StringBuilder md, TrainingReport report) {
    md.append("## Per-class test accuracy\n\n");
    List<String> header = new ArrayList<>(List.of("class", "images"));
    StringBuilder align = new StringBuilder("---|---:");
    for (TrainingReport.Evaluation e : report.evaluations()) {
      header.add(e.name() + " %");
      align.append("|---:");
    }
    table(md, header, align.toString());
    int[][] counts = report.evaluations().get(0).predictions().confusionMatrix();
    List<double[]> accuracies = new ArrayList<>();
    for (TrainingReport.Evaluation e : report.evaluations()) {
      accuracies.add(e.predictions().perClassAccuracy());
    }
    for (int c = 0; c < counts.length; c++) {
      List<String> cells = new ArrayList<>(List.of(report.classNames().get(c), Integer.toString(sum(counts[c]))));
      for (double[] a : accuracies) {
        cells.add(Double.isNaN(a[c]) ? "–" : f("%.2f", 100 * a[c]));
      }
      row(md, cells);
    }
    md.append('\n');
  }

  private static void confusion(StringBuilder md, TrainingReport report) {
    TrainingReport.Evaluation primary = report.evaluations().get(0);
    int[][] counts = primary.predictions().confusionMatrix();
    md.append("## Confusion matrix (").append(primary.name()).append(", test)\n\n");
    md.append("Rows: true class; columns: predicted class.\n\n");
    List<String> header = new ArrayList<>(List.of("true \\ predicted"));
    StringBuilder align = new StringBuilder("---");
    for (String name : report.classNames()) {
      header.add(name);
      align.append("|---:");
    }
    table(md, header, align.toString());
    for (int t = 0; t < counts.length; t++) {
      List<String> cells = new ArrayList<>(List.of(report.classNames().get(t)));
      for (int count : counts[t]) {
        cells.add(Integer.toString(count));
      }
      row(md, cells);
    }
    md.append("\n![confusion matrix](").append(TrainingReportWriter.CONFUSION).append(")\n\n");
  }

  private static void baselines(StringBuilder md, TrainingReport report) {
    md.append("## Classical baselines (same split)\n\n");
    if (report.baselines().isEmpty()) {
      md.append("Not run for this report.\n\n");
      return;
    }
    table(md, List.of("classifier", "accuracy %", "test images", "fit s", "predict s", "settings"),
        "---|---:|---:|---:|---:|---");
    for (BaselineResult b : report.baselines()) {
      row(md, List.of(b.name(), f("%.2f", 100 * b.accuracy()), Integer.toString(b.testRows()),
          f("%.1f", b.fitSeconds()), f("%.1f", b.predictSeconds()), b.description()));
    }
    TrainingReport.Evaluation primary = report.evaluations().get(0);
    row(md, List.of("CNN: " + primary.name(), f("%.2f", 100 * primary.predictions().accuracy()),
        Integer.toString(primary.predictions().count()), "–", "–", "this run"));
    md.append("\nAll on raw pixels in [0, 1]; the CNN row is this run's primary test evaluation.\n\n");
  }

  private static int sum(int[] row) {
    int s = 0;
    for (int v : row) {
      s += v;
    }
    return s;
  }

  private static void table(StringBuilder md, List<String> header, String align) {
    row(md, header);
    md.append('|').append(align).append("|\n");
  }

  private static void row(StringBuilder md, List<String> cells) {
    md.append('|');
    for (String c : cells) {
      md.append(' ').append(cell(c)).append(" |");
    }
    md.append('\n');
  }

  /** A table cell: pipes escaped, line breaks flattened. */
  static String cell(String text) {
    return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }

  private static String f(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }
}
