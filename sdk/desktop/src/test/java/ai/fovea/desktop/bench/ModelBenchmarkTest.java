package ai.fovea.desktop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import ai.fovea.models.zoo.NetworkBuilder;
import ai.fovea.sdk.engine.EngineModel;
import ai.fovea.sdk.engine.EngineRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every model on every installed engine, TFLite first as the reference; engines that cannot take a model say why. */
class ModelBenchmarkTest {
  @Test
  void timesEachModelOnEachEngineAgainstTfliteInTheSameRun() {
    NetworkBuilder net = new NetworkBuilder("bench test", 2);
    BenchModel conv = new BenchModel("conv 16x16", EngineModel.of(
        net.output(net.conv(net.input("x", Shape.of(1, 16, 16, 3)), 8, 3, 1, Activation.RELU)).build()));
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 4), Quantization.none());
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(1, 4));
    b.addOperator(BuiltinOperator.EXP, OperatorOptions.builder("ExpOptions").build(), new int[] {x}, new int[] {y});
    BenchModel exp = new BenchModel("exp", EngineModel.of(b.markOutput(y).toModel()));
    List<String> progress = new ArrayList<>();
    ModelBenchmark benchmark = new ModelBenchmark(EngineRegistry.installed(), 1, 2, progress::add);
    assertEquals(List.of("tflite", "java"), benchmark.engines());
    List<ModelBenchRow> rows = benchmark.run(List.of(conv, exp));

    assertEquals(4, rows.size());
    ModelBenchRow tflite = rows.get(0);
    assertEquals("tflite", tflite.engine());
    assertEquals(1.0, tflite.ratio());
    assertEquals("reference (XNNPACK)", tflite.note());
    ModelBenchRow java = rows.get(1);
    assertTrue(java.medianMs() > 0 && Double.isFinite(java.ratio()), java.toString());
    assertTrue(java.fastestMs() > 0 && java.fastestMs() <= java.medianMs(), java.toString());
    assertEquals(tflite.medianMs(), java.referenceMs());
    assertEquals(java.ratio() <= 2.0 ? "goal <= 2.0x: met" : "goal <= 2.0x: not met", java.note());
    ModelBenchRow javaExp = rows.get(3);
    assertFalse(javaExp.available());
    assertTrue(javaExp.note().startsWith("unavailable: does not implement EXP"), javaExp.note());
    assertEquals(4, progress.size());

    ModelBenchReport report = new ModelBenchReport(MachineInfo.current(), 1, 2, rows, List.of("gpu"));
    String table = report.toTable();
    assertTrue(table.lines().anyMatch(l -> l.startsWith("conv 16x16") && l.contains("tflite") && l.contains("1.00x")),
        table);
    assertTrue(table.contains("gpu: not available in this build"), table);
    String json = report.toJson();
    assertTrue(json.contains("{\"model\": \"exp\", \"engine\": \"java\", \"median_ms\": null, \"fastest_ms\": null, "
        + "\"reference\": \"tflite\", \"reference_ms\": "), json);
    assertTrue(json.contains("\"machine\": {\"cpu\": ") && json.contains("\"runs\": 2"), json);
  }
}
