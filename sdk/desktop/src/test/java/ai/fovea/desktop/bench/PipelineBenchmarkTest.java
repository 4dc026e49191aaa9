package ai.fovea.desktop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.desktop.image.ImageFiles;
import ai.fovea.desktop.recognize.DefaultModel;
import ai.fovea.desktop.recognize.RecognitionTask;
import ai.fovea.desktop.recognize.TinyModels;
import ai.fovea.sdk.engine.EngineRegistry;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.vision.ModelSource;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineBenchmarkTest {
  private static Frame frame(int w, int h, int gray) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, gray << 16 | gray << 8 | gray);
    return ImageFiles.toFrame(image);
  }

  @Test
  void measuresEveryEngineAgainstTheTfliteEngineOfTheSameRun() {
    PipelineCase brightness = new PipelineCase(RecognitionTask.CLASSIFY,
        DefaultModel.of("brightness", ModelSource.bytes(TinyModels.brightnessClassifier())),
        List.of(frame(64, 48, 200), frame(48, 64, 10)), "two frames");
    PipelineBenchmark benchmark = new PipelineBenchmark(EngineRegistry.installed(), 1, 6, null);
    assertEquals("tflite", benchmark.engines().get(0));
    List<PipelineRow> rows = benchmark.run(List.of(brightness));
    assertEquals(benchmark.engines().size(), rows.size());
    PipelineRow tflite = rows.get(0);
    assertEquals("tflite", tflite.engine());
    assertEquals(1.0, tflite.ratio(), 1e-12);
    for (PipelineRow r : rows) {
      assertTrue(r.available(), r.toString());
      assertTrue(r.inferenceP50() > 0 && r.inferenceP90() >= r.inferenceP50(), r.toString());
      assertTrue(r.totalP50() >= r.inferenceP50() && r.totalP90() >= r.totalP50(), r.toString());
      assertTrue(r.prePostShare() > 0 && r.fps() > 0, r.toString());
      assertEquals(tflite.totalP50(), r.referenceTotalP50(), 0);
      assertTrue(r.note().contains("pre+post goal <= 10%"), r.note());
    }
    PipelineRow java = rows.stream().filter(r -> r.engine().equals("java")).findFirst().orElseThrow();
    assertEquals(java.totalP50() / tflite.totalP50(), java.ratio(), 1e-12);
    assertTrue(java.note().contains("goal <= 1.5x TFLite"), java.note());

    PipelineBenchReport report = new PipelineBenchReport(MachineInfo.current(), 1, 6, List.of("brightness: two frames"),
        rows, List.of());
    String table = report.toTable();
    assertTrue(table.contains("brightness  tflite "), table);
    String json = report.toJson();
    assertTrue(json.contains("\"model\": \"brightness\", \"engine\": \"java\", \"inference_p50_ms\": "), json);
    assertTrue(json.contains("\"ratio_to_reference\": 1.0000"), json);
    assertTrue(json.contains("\"frames\": [\"brightness: two frames\"]"), json);
  }
}
