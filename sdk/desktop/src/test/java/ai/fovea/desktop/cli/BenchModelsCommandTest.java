package ai.fovea.desktop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.tflite.TfliteWriter;
import ai.fovea.models.zoo.NetworkBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `./fovea bench models --model FILE`: a table and JSON for a model built here; bad files are usage errors. */
class BenchModelsCommandTest {
  @Test
  void benchmarksGivenModelsOnEveryEngineAndWritesJson(@TempDir Path dir) throws Exception {
    NetworkBuilder net = new NetworkBuilder("bench cli", 3);
    Path model = Files.write(dir.resolve("tiny.tflite"), TfliteWriter.write(
        net.output(net.conv(net.input("x", Shape.of(1, 12, 12, 3)), 4, 3, 1, Activation.RELU)).build()));
    Path json = dir.resolve("bench.json");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    FoveaCli cli = new FoveaCli();
    int code = cli.run(new String[] {"bench", "models", "--model", model.toString(), "--runs", "1", "--threads", "1",
        "--json", json.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, table + err);
    assertTrue(table.lines().anyMatch(l -> l.startsWith("tiny.tflite") && l.contains("tflite")
        && l.contains("1.00x")), table);
    assertTrue(table.lines().anyMatch(l -> l.trim().startsWith("java") && l.contains("  goal <= 2.0x")), table);
    assertTrue(Files.readString(json).contains("\"model\": \"tiny.tflite\", \"engine\": \"java\""));

    code = cli.run(new String[] {"bench", "models", "--model", json.toString()}, new PrintStream(out),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("fovea bench: " + json + " is not a valid .tflite model"),
        err.toString(StandardCharsets.UTF_8));
  }
}
