package ai.fovea.desktop.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.desktop.assets.Asset;
import ai.fovea.desktop.assets.Assets;
import ai.fovea.sdk.model.ModelDescriptor;
import ai.fovea.sdk.model.OutputLayout;
import ai.fovea.sdk.model.Task;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultModelsTest {
  @TempDir
  Path dir;

  @Test
  void cocoLabelsKeepTheirIdsAndNameTheGaps() {
    ModelDescriptor d = DefaultModels.cocoSsd("0  person\n1  bicycle\n3  motorcycle\n\n");
    assertEquals(List.of("person", "bicycle", "unused 2", "motorcycle"), d.labels());
    assertEquals(Task.DETECT, d.task());
    assertEquals(OutputLayout.SSD_POSTPROCESS, d.outputLayout());
    assertEquals(128f, d.mean(0));
    assertEquals(128f, d.std(2));
  }

  @Test
  void theRealLabelFileGivesNinetyIds() {
    Assets cache = Assets.standard();
    Assumptions.assumeTrue(cache.isCached(Asset.COCO_LABELS), "COCO labels not in the asset cache: skipped");
    List<String> labels = DefaultModels.cocoSsd(new String(cache.read(Asset.COCO_LABELS))).labels();
    assertEquals(90, labels.size());
    assertEquals("person", labels.get(0));
    assertEquals("motorcycle", labels.get(3));
    assertEquals("unused 11", labels.get(11));
    assertEquals("toothbrush", labels.get(89));
  }

  @Test
  void modelsThatAreNotInThisBuildSayWhy() {
    Assets empty = new Assets(dir, new PrintStream(OutputStream.nullOutputStream()));
    ModelUnavailableException e = assertThrows(ModelUnavailableException.class,
        () -> DefaultModels.forTask(RecognitionTask.SIGNS, empty));
    assertEquals(DefaultModels.SIGNS_NOT_AVAILABLE, e.getMessage());
    e = assertThrows(ModelUnavailableException.class, () -> DefaultModels.shipped("no-such-dataset"));
    assertEquals("the shipped no-such-dataset classifier is not in this build (no "
        + "ai/fovea/models/shipped/no-such-dataset/model-int8.tflite on the class path)", e.getMessage());
  }
}
