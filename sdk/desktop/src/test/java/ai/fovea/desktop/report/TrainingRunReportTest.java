package ai.fovea.desktop.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.models.classic.Baselines;
import ai.fovea.models.train.Architecture;
import ai.fovea.models.train.ImageSet;
import ai.fovea.models.train.Network;
import ai.fovea.models.train.OptimizerKind;
import ai.fovea.models.train.Predictions;
import ai.fovea.models.train.Trainer;
import ai.fovea.models.train.TrainingConfig;
import ai.fovea.models.train.TrainingResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real (tiny) training run through the report step: baselines on the same split, every file written. */
class TrainingRunReportTest {
  /** Images whose class sets the brightness of one row band, so every classifier can learn them. */
  private static ImageSet bands(int count, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[count * 28 * 28];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % 4;
      for (int p = 0; p < 28 * 28; p++) {
        int band = (p / 28) / 7;
        pixels[i * 784 + p] = (band == labels[i] ? 0.8f : 0.1f) + 0.1f * random.nextFloat();
      }
    }
    return ImageSet.of(28, 28, 1, pixels, labels);
  }

  @Test
  void writesTheReportWithBaselinesOnTheRunsSplit(@TempDir Path dir) throws Exception {
    ImageSet train = bands(128, 1);
    ImageSet validation = bands(32, 2);
    ImageSet test = bands(40, 3);
    Network network = Architecture.LENET5.build(28, 28, 1, 4, 1f, 1);
    TrainingConfig config = TrainingConfig.builder().epochs(2).batchSize(32).learningRate(0.01f)
        .optimizer(OptimizerKind.ADAM).weightDecay(0f).threads(1).augmentation(0, false).build();
    TrainingResult result = Trainer.builder(config).build().train(network, train, validation);
    Predictions predictions = Predictions.of(result.network(), test, result.normalization(), ComputePool.serial());
    Map<String, Predictions> evaluations = new LinkedHashMap<>();
    evaluations.put("training graph (float)", predictions);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Path md = TrainingRunReport.write(dir, "bands", "synthetic", "./fovea train bands", network, result, train,
        validation, test, List.of("top", "upper", "lower", "bottom"), evaluations, Baselines.defaults(),
        new PrintStream(log, true, StandardCharsets.UTF_8));
    String text = Files.readString(md);
    assertTrue(text.contains("| epochs | 2 |"), text);
    assertTrue(text.contains("| training images | 128 |"), text);
    assertTrue(text.contains("| k-NN |") && text.contains("| naive Bayes |") && text.contains("| linear SVM |"), text);
    assertTrue(text.contains("k-NN (k=5, L2, 128 training rows)"), text);
    for (String png : List.of("curves.png", "confusion.png", "misclassified.png")) {
      assertTrue(Files.size(dir.resolve(png)) > 0, png);
    }
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("classic baselines"));
    assertEquals(2, result.history().size());

    Path without = TrainingRunReport.write(dir.resolve("no-baselines"), "bands", "synthetic", "x", network, result,
        train, validation, test, List.of("top", "upper", "lower", "bottom"), evaluations, null,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertTrue(Files.readString(without).contains("Classic baselines were not run"));
  }
}
