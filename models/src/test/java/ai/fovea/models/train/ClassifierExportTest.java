package ai.fovea.models.train;

import ai.fovea.models.data.LabeledImages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteReader;
import ai.fovea.models.tflite.TfliteWriter;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ClassifierExportTest {
  private static final LabeledImages TRAIN = SyntheticImages.make(128, 11);
  private static final LabeledImages TEST = SyntheticImages.make(48, 12);
  private static final ClassifierExport EXPORT = new ClassifierExport("quadrants", "1",
      List.of("top-left", "top-right", "bottom-left", "bottom-right"), "./fovea train synthetic");

  /** Trains briefly so batch-norm statistics and weights are not at their initial values. */
  private static TrainingResult trained(Architecture architecture, float width) {
    Network network = architecture.build(12, 12, 1, 4, width, 1);
    TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(16).seed(2).threads(2).build();
    return Trainer.builder(config).build().train(network, TRAIN, TEST);
  }

  @Test
  void floatExportMatchesTheTrainingGraphForEveryArchitecture() {
    for (Architecture architecture : Architecture.values()) {
      TrainingResult result = trained(architecture, architecture == Architecture.LENET5 ? 1f : 0.5f);
      TfliteModel model = TfliteReader.read(TfliteWriter.write(EXPORT.floatModel(result.network(),
          result.normalization())));
      try (ComputePool pool = new ComputePool(2); GraphRunner runner = GraphRunner.builder(model).pool(pool).build()) {
        float worst = 0;
        for (int i = 0; i < TEST.count(); i++) {
          float[] pixels = new float[TEST.imageSize()];
          TEST.copyImage(i, pixels, 0);
          result.normalization().applyInPlace(pixels, 0, pixels.length);
          float[] expected = result.network().logits(pool, pixels, 1);
          Predictions.writeInput(runner.input(0), pixels);
          runner.run();
          float[] actual = runner.output(0).floats();
          for (int c = 0; c < expected.length; c++) {
            worst = Math.max(worst, Math.abs(expected[c] - actual[c]) / Math.max(1f, Math.abs(expected[c])));
          }
        }
        assertTrue(worst < 1e-4f, architecture + ": max error " + worst);
      }
    }
  }

  @Test
  void int8ExportKeepsAccuracyAndMetadata() throws IOException {
    TrainingResult result = trained(Architecture.VGG, 0.5f);
    TfliteModel floatModel = EXPORT.floatModel(result.network(), result.normalization());
    TfliteModel int8 = TfliteReader.read(TfliteWriter.write(
        ClassifierExport.int8Model(floatModel, TRAIN, result.normalization(), 32, 2)));
    assertEquals(DataType.INT8, int8.mainSubgraph().tensors().get(int8.mainSubgraph().inputs()[0]).type());
    try (ComputePool pool = new ComputePool(2)) {
      double floatAccuracy = Predictions.of(floatModel, TEST, result.normalization(), pool).accuracy();
      double int8Accuracy = Predictions.of(int8, TEST, result.normalization(), pool).accuracy();
      double trainingGraph = Predictions.of(result.network(), TEST, result.normalization(), pool).accuracy();
      assertEquals(trainingGraph, floatAccuracy, 1e-9);
      assertTrue(Math.abs(int8Accuracy - floatAccuracy) <= 2.0 / TEST.count() + 1e-9,
          "float " + floatAccuracy + " int8 " + int8Accuracy);
    }
    Properties meta = new Properties();
    meta.load(new StringReader(new String(int8.metadata(ClassifierExport.MODEL_METADATA), StandardCharsets.UTF_8)));
    assertEquals("classify", meta.getProperty("task"));
    assertEquals("gray", meta.getProperty("input.color"));
    assertEquals("scores", meta.getProperty("output.layout"));
    assertEquals(String.format(Locale.ROOT, "%.6f", result.normalization().mean()[0] * 255f),
        meta.getProperty("input.mean"));
    assertEquals(String.format(Locale.ROOT, "%.6f", result.normalization().std()[0] * 255f),
        meta.getProperty("input.std"));
    assertEquals("./fovea train synthetic", meta.getProperty("source"));
    assertEquals("top-left\ntop-right\nbottom-left\nbottom-right\n",
        new String(int8.metadata(ClassifierExport.LABELS_METADATA), StandardCharsets.UTF_8));
  }
}
