package ai.fovea.desktop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoveaCliTest extends CliTest {
  @TempDir Path dir;

  @Test
  void helpListsEverySubcommandAndEachHasItsOwnHelp() {
    assertEquals(0, run("--help"));
    String top = out;
    assertEquals(0, run());
    assertEquals(top, out, "no arguments prints the same help");
    for (String name : new String[] {"inspect", "verify", "test"}) {
      assertTrue(top.contains("  " + name + " "), name + " missing from:\n" + top);
    }
    for (String name : new String[] {"inspect", "verify"}) {
      assertEquals(0, run(name, "--help"));
      assertTrue(out.startsWith("Usage: ./fovea " + name), out);
      assertEquals("", err);
    }
  }

  @Test
  void userErrorsAreOneLineOnStderrWithExitCode2() {
    assertEquals(2, run("frobnicate"));
    assertEquals("fovea: unknown command 'frobnicate'. Run ./fovea --help for the list.\n", err);
    assertEquals(2, run("verify", "--fast"));
    assertEquals("fovea verify: unknown option --fast\n", err);
    assertEquals(2, run("verify", "--threads", "zero"));
    assertEquals("fovea verify: --threads takes a whole number, got 'zero'\n", err);
    assertEquals(2, run("verify", "--quick", "--filter", "no case is called this"));
    assertEquals("fovea verify: no QUICK conformance case matches 'no case is called this'\n", err);
    assertEquals(2, run("inspect"));
    assertEquals(1, err.lines().count(), err);
    assertEquals(2, run("inspect", dir.resolve("absent.tflite").toString()));
    assertTrue(err.startsWith("fovea inspect: cannot read ") && err.lines().count() == 1, err);
    assertEquals("", out);
  }

  @Test
  void inspectPrintsTheSummaryOfAWriterMadeModel() throws IOException {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("pixels", DataType.INT8, Shape.of(1, 8, 8, 3), Quantization.perTensor(0.5f, -1));
    int y = b.addTensor("pooled", DataType.INT8, Shape.of(1, 4, 4, 3), Quantization.perTensor(0.5f, -1));
    b.addOperator(BuiltinOperator.MAX_POOL_2D, ai.fovea.models.tflite.OperatorOptions.builder("Pool2DOptions")
        .set("padding", 1).set("stride_w", 2).set("stride_h", 2).set("filter_width", 2).set("filter_height", 2)
        .build(), new int[] {x}, new int[] {y});
    b.markOutput(y);
    Path model = dir.resolve("pool.tflite");
    Files.write(model, b.build());
    assertEquals(0, run("inspect", model.toString()), err);
    assertTrue(out.contains("MAX_POOL_2D") && out.contains("pixels") && out.contains("pooled"), out);
  }

  @Test
  void inspectRejectsAFileThatIsNotAModel() throws IOException {
    Path garbage = dir.resolve("garbage.tflite");
    Files.write(garbage, new byte[100]);
    assertEquals(2, run("inspect", garbage.toString()));
    assertTrue(err.startsWith("fovea inspect: " + garbage + " is not a valid .tflite model: "), err);
    assertEquals(1, err.lines().count(), err);
  }

  @Test
  void verifyPrintsOneRowPerCaseAndEndsWithTheTally() {
    assertEquals(0, run("verify", "--quick", "--threads", "1"), out + err);
    String[] lines = out.split("\n");
    Matcher tally = Pattern.compile("conformance: (\\d+) passed, 0 failed").matcher(lines[lines.length - 1]);
    assertTrue(tally.matches(), lines[lines.length - 1]);
    int passed = Integer.parseInt(tally.group(1));
    long rows = out.lines().filter(l -> l.matches("\\[ *\\d+/\\d+] PASS .* ms .*")).count();
    assertEquals(passed, rows);
    assertTrue(passed > 0);
  }
}
