package ai.fovea.desktop.bench;

import ai.fovea.models.data.LabeledImages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.models.train.Architecture;
import ai.fovea.models.train.Network;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TensorFlow Java runs the same networks as our trainer: same forward result from the same weights. */
class TensorflowTrainStepTest {
  private static final int BATCH = 4;

  @Test
  void lenet5LossFromOurWeightsMatchesOurLogits() {
    Network network = Architecture.LENET5.build(28, 28, 1, 10, 1f, 5);
    LabeledImages images = TrainBenchmark.noise(BATCH, 9);
    float[] pixels = new float[BATCH * 28 * 28];
    int[] labels = new int[BATCH];
    for (int i = 0; i < BATCH; i++) {
      images.copyImage(i, pixels, i * 28 * 28);
      labels[i] = images.label(i);
    }
    // Without batch norm or dropout, TensorFlow's training-mode forward equals our inference logits.
    float[] logits = network.logits(ComputePool.serial(), pixels, BATCH);
    double expected = 0;
    for (int i = 0; i < BATCH; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < 10; j++) {
        max = Math.max(max, logits[i * 10 + j]);
      }
      double sum = 0;
      for (int j = 0; j < 10; j++) {
        sum += Math.exp(logits[i * 10 + j] - max);
      }
      expected += Math.log(sum) + max - logits[i * 10 + labels[i]];
    }
    expected /= BATCH;
    try (TensorflowTrainStep tf = new TensorflowTrainStep(TrainingRecipe.lenet5(), network.parameters(), BATCH, 28,
        28, 1, 10, 1e-3f, 1)) {
      float first = tf.step(pixels, labels);
      assertEquals(expected, first, 1e-4 * Math.max(1, Math.abs(expected)));
      // The update happened: the same batch now has a lower loss.
      float second = tf.step(pixels, labels);
      assertNotEquals(first, second);
      assertTrue(second < first, first + " -> " + second);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"VGG", "MOBILENET", "RESNET"})
  void everyRecipeTakesEveryParameterInOrder(Architecture architecture) {
    // Batch norm runs on batch statistics in TensorFlow's training graph, so these cannot be compared with our
    // inference logits; building the graph checks every parameter is taken, in order, with the right rank.
    Network network = architecture.build(28, 28, 1, 10, 0.5f, 5);
    LabeledImages images = TrainBenchmark.noise(BATCH, 4);
    float[] pixels = new float[BATCH * 28 * 28];
    int[] labels = new int[BATCH];
    for (int i = 0; i < BATCH; i++) {
      images.copyImage(i, pixels, i * 28 * 28);
      labels[i] = images.label(i);
    }
    try (TensorflowTrainStep tf = new TensorflowTrainStep(TrainBenchmark.recipe(architecture), network.parameters(),
        BATCH, 28, 28, 1, 10, 1e-3f, 1)) {
      for (int s = 0; s < 3; s++) {
        float loss = tf.step(pixels, labels);
        assertTrue(Float.isFinite(loss) && loss > 0, architecture + " step " + s + ": " + loss);
      }
    }
  }

  @Test
  void rejectsARecipeThatDoesNotFitTheParameters() {
    Network vgg = Architecture.VGG.build(28, 28, 1, 10, 0.5f, 5);
    assertThrows(IllegalArgumentException.class, () -> new TensorflowTrainStep(TrainingRecipe.lenet5(),
        vgg.parameters(), BATCH, 28, 28, 1, 10, 0.01f, 1).close());
  }

  @Test
  void tinyBenchmarkRunReportsBothThroughputs() {
    TrainBenchRow row = new TrainBenchmark(1, 4, 2, line -> { }).measure(Architecture.LENET5);
    assertEquals("lenet5", row.network());
    assertTrue(row.oursSamplesPerSecond() > 0 && Double.isFinite(row.oursSamplesPerSecond()));
    assertTrue(row.referenceSamplesPerSecond() > 0 && Double.isFinite(row.referenceSamplesPerSecond()));
    TrainBenchReport report = new TrainBenchReport(MachineInfo.current(), 1, 2, List.of(row));
    assertTrue(report.toTable().contains("lenet5"));
    assertTrue(report.toJson().contains("\"ratio\": "));
  }
}
