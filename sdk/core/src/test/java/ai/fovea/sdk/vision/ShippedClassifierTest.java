package ai.fovea.sdk.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.fovea.models.data.IdxArray;
import ai.fovea.models.data.IdxReader;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.model.InputColor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The bundled Fashion-MNIST int8 classifier (a class-path resource of the models jar) through the public API on
 * real test images, when Debian's dataset-fashion-mnist is installed (./fovea test installs it).
 */
class ShippedClassifierTest {
  private static final String MODEL = "ai/fovea/models/shipped/fashion-mnist/model-int8.tflite";
  private static final Path DATA = Paths.get("/usr/share/datasets/fashion-mnist");

  private static IdxArray read(String name) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(DATA.resolve(name)))) {
      return IdxReader.read(in);
    }
  }

  @Test
  void classifiesRealTestImagesAsTheTrainerReported() throws IOException {
    assumeTrue(Files.isDirectory(DATA), "dataset-fashion-mnist is not installed");
    IdxArray images = read("t10k-images-idx3-ubyte.gz");
    IdxArray labels = read("t10k-labels-idx1-ubyte.gz");
    int count = 1000;
    int correct = 0;
    try (Classifier classifier = Classifier.create(ModelSource.resource(MODEL), TaskOptions.builder().maxResults(1)
        .build())) {
      assertEquals(InputColor.GRAY, classifier.descriptor().inputColor());
      assertEquals("T-shirt/top", classifier.descriptor().labels().get(0));
      int[] argb = new int[28 * 28];
      for (int n = 0; n < count; n++) {
        for (int i = 0; i < argb.length; i++) {
          int v = images.unsignedByte(n * argb.length + i);
          argb[i] = 0xFF000000 | v << 16 | v << 8 | v;
        }
        Classification result = classifier.process(Frame.argb(argb, 28, 28).build());
        if (result.top().id() == labels.unsignedByte(n)) {
          correct++;
        }
      }
    }
    // The trainer measured 92.0 % on all 10,000 test images with its own int8 evaluation (summary.properties).
    double accuracy = correct / (double) count;
    assertTrue(accuracy >= 0.88, "accuracy " + accuracy + " on the first " + count + " test images");
  }
}
