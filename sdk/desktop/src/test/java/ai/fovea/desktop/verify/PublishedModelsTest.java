package ai.fovea.desktop.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.desktop.assets.Asset;
import ai.fovea.desktop.assets.AssetUnavailableException;
import ai.fovea.desktop.assets.Assets;
import ai.fovea.desktop.assets.Photos;
import ai.fovea.desktop.tflite.TfliteInterpreter;
import ai.fovea.desktop.verify.cases.PublishedModelCases;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.tflite.TfliteReader;
import ai.fovea.models.tflite.TfliteWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published COCO SSD (uint8) on the five real photographs, each stretched bilinearly to 300×300 through the
 * SDK's converter: on our kernels and on TFLite 2.6.2 the raw network outputs are bit-exact and the
 * post-processed detections identical, and the top detection is the object in the photo. Skipped, saying why,
 * when the assets can be neither found in the cache nor fetched.
 */
class PublishedModelsTest {
  private static final Map<Asset, String> EXPECTED = new LinkedHashMap<>();
  private static Assets assets;

  static {
    EXPECTED.put(Asset.PHOTO_ASTRONAUT, "person");
    EXPECTED.put(Asset.PHOTO_CHELSEA, "cat");
    EXPECTED.put(Asset.PHOTO_COFFEE, "cup");
    EXPECTED.put(Asset.PHOTO_MOTORCYCLE, "motorcycle");
    EXPECTED.put(Asset.PHOTO_CAMERA, "person");
  }

  @BeforeAll
  static void fetch() {
    assets = Assets.standard();
    try {
      assets.path(Asset.COCO_SSD);
      assets.path(Asset.COCO_LABELS);
      for (Asset photo : EXPECTED.keySet()) {
        assets.path(photo);
      }
    } catch (AssetUnavailableException e) {
      Assumptions.abort("published assets unavailable: " + e.getMessage());
    }
  }

  @Test
  void cocoSsdFindsTheExpectedObjectsOnOurKernelsAndOnTfliteBitExact() {
    Map<Integer, String> labels = labels(new String(assets.read(Asset.COCO_LABELS), StandardCharsets.UTF_8));
    byte[] model = TfliteWriter.write(PublishedModelCases.withPostprocessInputs(
        TfliteReader.read(assets.read(Asset.COCO_SSD))));
    try (TfliteInterpreter tflite = TfliteInterpreter.builder(model).threads(2).build();
        GraphRunner java = GraphRunner.builder(TfliteReader.read(model)).threads(2).build()) {
      for (Map.Entry<Asset, String> e : EXPECTED.entrySet()) {
        Tensor input = Photos.uint8Input(assets.path(e.getKey()), 300, 300);
        tflite.run(input);
        System.arraycopy(input.bytes(), 0, java.input(0).bytes(), 0, input.size());
        java.run();
        String photo = e.getKey().fileName();
        assertArrayEquals(tflite.output(4).bytes(), java.output(4).bytes(), photo + ": raw box encodings");
        assertArrayEquals(tflite.output(5).bytes(), java.output(5).bytes(), photo + ": raw class scores");
        int count = (int) tflite.output(3).floats()[0];
        assertEquals(count, (int) java.output(3).floats()[0], photo + ": detection count");
        for (int o = 0; o < 3; o++) {
          int perDetection = o == 0 ? 4 : 1;
          for (int i = 0; i < count * perDetection; i++) {
            assertEquals(tflite.output(o).floats()[i], java.output(o).floats()[i], photo + ": output " + o);
          }
        }
        String top = labels.get((int) java.output(1).floats()[0]);
        float score = java.output(2).floats()[0];
        assertEquals(e.getValue(), top, photo + ": top detection (score " + score + ")");
        assertTrue(score > 0.5f, photo + ": top score " + score);
      }
    }
  }

  /** coco_labels.txt: one {@code <id>  <name>} a line. */
  private static Map<Integer, String> labels(String text) {
    Map<Integer, String> labels = new HashMap<>();
    for (String line : text.split("\n")) {
      String[] parts = line.strip().split("\\s+", 2);
      if (parts.length == 2) {
        labels.put(Integer.parseInt(parts[0]), parts[1]);
      }
    }
    return labels;
  }
}
