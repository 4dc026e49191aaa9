package ai.fovea.sdk.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteWriter;
import ai.fovea.models.train.Architecture;
import ai.fovea.models.train.ClassifierExport;
import ai.fovea.models.data.Normalization;
import ai.fovea.sdk.convert.ScaleMode;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.model.InputColor;
import ai.fovea.sdk.model.OutputLayout;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract between the trainer's exporter and the SDK: a model exported by {@link ClassifierExport} (metadata
 * included) classifies a gray frame exactly as its graph does on the pixels normalized the way it was trained.
 */
class TrainerExportContractTest {
  private static final List<String> LABELS = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
      "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  @Test
  void anExportedClassifierReadsItsMetadataAndMatchesItsGraph() {
    Normalization normalization = Normalization.of(new float[] {0.2860f}, new float[] {0.3530f});
    TfliteModel model = new ClassifierExport("fashion-lenet5", "1", LABELS, "./fovea train --dataset fashion")
        .floatModel(Architecture.LENET5.build(28, 28, 1, 10, 1f, 7), normalization);
    Random random = new Random(2);
    try (Classifier classifier = Classifier.create(ModelSource.bytes(TfliteWriter.write(model)),
        TaskOptions.builder().maxResults(10).build());
        GraphRunner graph = GraphRunner.builder(model).build()) {
      assertEquals(InputColor.GRAY, classifier.descriptor().inputColor());
      assertEquals(ScaleMode.STRETCH, classifier.descriptor().resize());
      assertEquals(OutputLayout.SCORES, classifier.descriptor().outputLayout());
      assertEquals(LABELS, classifier.descriptor().labels());
      assertEquals("./fovea train --dataset fashion", classifier.descriptor().source());
      for (int n = 0; n < 5; n++) {
        int[] argb = new int[28 * 28];
        float[] normalized = new float[28 * 28];
        for (int i = 0; i < argb.length; i++) {
          int v = random.nextInt(256);
          argb[i] = 0xFF000000 | v << 16 | v << 8 | v; // gray: its BT.601 luma is v
          normalized[i] = v / 255f;
        }
        normalization.applyInPlace(normalized, 0, normalized.length);
        Tensor input = graph.input(0);
        System.arraycopy(normalized, 0, input.floats(), 0, normalized.length);
        graph.run();
        float[] logits = graph.output(0).floats();
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
          max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
          sum += Math.exp(l - max);
        }
        for (Category c : classifier.process(Frame.argb(argb, 28, 28).build()).categories()) {
          assertEquals(Math.exp(logits[c.id()] - max) / sum, c.score(), 1e-4, "class " + c.label());
        }
      }
      assertEquals(Shape.of(1, 28, 28, 1), graph.input(0).shape());
    }
  }
}
