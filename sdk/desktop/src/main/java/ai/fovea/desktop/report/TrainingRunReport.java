package ai.fovea.desktop.report;

import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.models.classic.BaselineResult;
import ai.fovea.models.classic.Baselines;
import ai.fovea.models.train.ImageSet;
import ai.fovea.models.train.Network;
import ai.fovea.models.train.Predictions;
import ai.fovea.models.train.TrainingConfig;
import ai.fovea.models.train.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report step of a training run (what {@code ./fovea train} calls at its end): runs the classic baselines on
 * the run's own training and test split with the given settings (or none), then writes the run's
 * {@link TrainingReport} into its output folder.
 */
public final class TrainingRunReport {
  private TrainingRunReport() {}

  /**
   * Writes {@code dir/report.md} and its pictures. {@code evaluations} are the run's test results by name, the
   * primary first (e.g. training graph, float .tflite, int8 .tflite); {@code source} says where the data came
   * from; {@code baselines} are the classic baselines' settings, null to skip them. Progress lines go to
   * {@code log}. Returns the markdown file.
   */
  public static Path write(Path dir, String dataset, String source, String command, Network network,
      TrainingResult result, ImageSet train, ImageSet validation, ImageSet test, List<String> classNames,
      Map<String, Predictions> evaluations, Baselines baselines, PrintStream log) throws IOException {
    TrainingConfig config = result.config();
    TrainingReport.Builder report = TrainingReport.builder(dataset + ", " + network.name()).command(command)
        .hyperParameter("network", network.name() + String.format(Locale.ROOT, " (%,d parameters)",
            network.parameterCount()));
    for (String line : config.toText().split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        report.hyperParameter(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    report.hyperParameter("schedule", "warm-up over the first epoch, then cosine decay to 0")
        .hyperParameter("loss", "softmax cross-entropy")
        .data("dataset", dataset + " (" + source + ")")
        .data("training images", train.count())
        .data("validation images", validation.count())
        .data("test images", test.count())
        .data("image", train.height() + "x" + train.width() + "x" + train.channels() + ", pixels in [0, 1]")
        .data("normalization", String.format(Locale.ROOT, "(pixel - %.4f) / %.4f (fitted on the training images)",
            result.normalization().mean(), result.normalization().std()))
        .data("augmentation", (config.shift == 0 ? "no shifts" : "random shifts up to " + config.shift + " px")
            + (config.flip ? ", left-right flips" : ""))
        .history(result.history()).classNames(classNames).testImages(test);
    evaluations.forEach(report::evaluation);
    if (baselines != null) {
      log.println("classic baselines on the same split...");
      List<BaselineResult> results;
      try (ComputePool pool = new ComputePool(Math.max(1, config.threads))) {
        results = baselines.run(pixels(train), labels(train), pixels(test), labels(test), train.imageSize(),
            classNames.size(), pool, line -> log.println("  " + line));
      }
      report.baselines(results);
    } else {
      report.note("Classic baselines were not run for this report.");
    }
    return TrainingReportWriter.write(report.build(), dir);
  }

  static float[] pixels(ImageSet images) {
    int size = images.imageSize();
    float[] out = new float[images.count() * size];
    for (int i = 0; i < images.count(); i++) {
      images.copyImage(i, out, i * size);
    }
    return out;
  }

  static int[] labels(ImageSet images) {
    int[] out = new int[images.count()];
    for (int i = 0; i < out.length; i++) {
      out[i] = images.label(i);
    }
    return out;
  }
}
