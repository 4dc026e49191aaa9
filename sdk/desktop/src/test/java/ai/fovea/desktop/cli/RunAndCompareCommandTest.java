package ai.fovea.desktop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.desktop.bench.RandomInputs;
import ai.fovea.desktop.tflite.TfliteInterpreter;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.npy.NpyArray;
import ai.fovea.models.npy.NpyDtype;
import ai.fovea.models.npy.NpyReader;
import ai.fovea.models.npy.NpyWriter;
import ai.fovea.models.quantize.CalibrationSamples;
import ai.fovea.models.quantize.PostTrainingQuantizer;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteWriter;
import ai.fovea.models.zoo.NetworkBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `./fovea run` and `./fovea compare` driven through the CLI on small models built here (float with two
 * outputs, its int8 quantization, a per-channel DEQUANTIZE on which TFLite 2.6.2 really disagrees with us) and
 * on files that are not models or not usable inputs.
 */
class RunAndCompareCommandTest {
  @TempDir
  static Path dir;
  private static TfliteModel floatNet;
  private static TfliteModel int8Net;
  private static Path floatFile;
  private static Path int8File;
  private String out;
  private String err;

  @BeforeAll
  static void buildModels() throws IOException {
    NetworkBuilder net = new NetworkBuilder("run test", 5);
    int x = net.input("image", Shape.of(1, 8, 8, 3));
    int features = net.conv(x, 6, 3, 2, Activation.RELU);
    floatNet = net.output(features).output(net.softmax(net.fullyConnected(net.reshape(net.globalAveragePool(features), 1, 6), 4,
        Activation.NONE))).build();
    int8Net = PostTrainingQuantizer.builder().build().quantize(floatNet,
        CalibrationSamples.uniform(floatNet, 4, -1f, 1f, 9));
    floatFile = Files.write(dir.resolve("float.tflite"), TfliteWriter.write(floatNet));
    int8File = Files.write(dir.resolve("int8.tflite"), TfliteWriter.write(int8Net));
  }

  private int cli(Object... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = new FoveaCli().run(Arrays.stream(args).map(String::valueOf).toArray(String[]::new),
        new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  @Test
  void runWritesEveryOutputWithItsDtypeAndShapeAsOurKernelsComputeIt() throws IOException {
    Path outDir = dir.resolve("java-out/nested");
    assertEquals(0, cli("run", floatFile, "--engine", "java", "--random", 3, "--output-dir", outDir, "--threads", 1,
        "--runs", 3), err);
    try (GraphRunner runner = GraphRunner.builder(floatNet).threads(1).build()) {
      RandomInputs.feed(RandomInputs.of(floatNet, 3), runner);
      runner.run();
      for (int i = 0; i < 2; i++) {
        NpyArray written = NpyReader.read(Files.readAllBytes(outDir.resolve("output_" + i + ".npy")));
        assertEquals(NpyDtype.FLOAT32, written.dtype());
        assertEquals(runner.output(i).shape(), written.shape());
        assertArrayEquals(Arrays.copyOf(runner.output(i).floats(), runner.output(i).size()),
            written.toTensor("o", Quantization.none()).floats(), "output " + i);
      }
    }
    assertTrue(out.contains("engine  java\n"), out);
    assertTrue(out.contains("input   0  image") && out.contains("float32  [1,8,8,3]") && out.contains("random, seed 3"),
        out);
    assertTrue(out.contains("output  1") && out.contains("[1,4]") && out.contains("output_1.npy"), out);
    assertTrue(out.matches("(?s).*\\(median of 3, fastest [0-9.]+ ms, wall clock, 1 thread\\)\n"), out);
  }

  @Test
  void runReadsNpyInputsAndMatchesTheRealInterpreter() throws IOException {
    Tensor input = RandomInputs.of(int8Net, 21)[0];
    Path npy = Files.write(dir.resolve("image.npy"), NpyWriter.write(NpyArray.of(input)));
    Path outDir = dir.resolve("tflite-out");
    assertEquals(0, cli("run", int8File, "--engine", "tflite", "--input", npy, "--output-dir", outDir,
        "--threads", 1), err);
    try (TfliteInterpreter tflite = TfliteInterpreter.builder(TfliteWriter.write(int8Net)).build()) {
      tflite.run(input);
      for (int i = 0; i < 2; i++) {
        Tensor expected = tflite.output(i);
        NpyArray written = NpyReader.read(Files.readAllBytes(outDir.resolve("output_" + i + ".npy")));
        assertEquals(NpyDtype.INT8, written.dtype());
        assertEquals(expected.shape(), written.shape());
        assertArrayEquals(expected.bytes(), written.toTensor("o", Quantization.none()).bytes());
      }
    }
    assertTrue(out.contains("from " + npy), out);
  }

  @Test
  void autoPicksAnEngineAndSaysWhichWhenOneCannotTakeTheModel() throws IOException {
    assertEquals(0, cli("run", expModel(), "--engine", "java,tflite", "--random", 1, "--output-dir",
        dir.resolve("exp-out")), err);
    assertTrue(out.contains("engine  tflite (fell back: java: unsupported op:"), out);
    assertEquals(0, cli("run", int8File, "--random", 1, "--output-dir", dir.resolve("auto-out")), err);
    assertTrue(out.contains("engine  java\n"), out); // the automatic order puts our int8 kernels first
  }

  @Test
  void compareAgreesOnFloatAndBitExactInt8() {
    assertEquals(0, cli("compare", floatFile, "--engines", "java,tflite", "--random", 4), out + err);
    assertTrue(out.contains("java vs tflite (reference)"), out);
    assertTrue(out.contains("agree: every output within tolerance"), out);
    assertEquals(0, cli("compare", int8File), out + err);
    assertTrue(out.lines().anyMatch(l -> l.matches("0 +conv1 +int8 +\\[1,4,4,6] +0 +- +0/96  ok")), out);
  }

  @Test
  void compareExitsOneWhereTheEnginesReallyDisagree() throws IOException {
    // TFLite 2.6.2 dequantizes a per-channel int8 tensor with the legacy per-tensor scale (0): all zeros.
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("q", DataType.INT8, Shape.of(1, 2, 2, 2),
        Quantization.perChannel(3, new float[] {0.5f, 0.25f}, new int[] {0, 0}));
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(1, 2, 2, 2));
    b.addOperator(BuiltinOperator.DEQUANTIZE, new int[] {x}, new int[] {y});
    b.markOutput(y);
    Path model = Files.write(dir.resolve("dequantize.tflite"), b.build());
    assertEquals(1, cli("compare", model, "--random", 2), out + err);
    assertTrue(out.contains("BEYOND TOLERANCE") && out.contains("DISAGREE"), out);
  }

  @Test
  void badInputIsOneUsageLineWithExitTwo() throws IOException {
    Path corrupt = Files.write(dir.resolve("corrupt.tflite"), Arrays.copyOf(TfliteWriter.write(floatNet), 200));
    Path text = Files.writeString(dir.resolve("notes.npy"), "not numpy at all");
    Path f64 = Files.write(dir.resolve("f64.npy"), NpyWriter.write(NpyArray.of(NpyDtype.INT64, Shape.of(1, 8, 8, 3),
        new byte[8 * 192])));
    Path wrongShape = Files.write(dir.resolve("shape.npy"),
        NpyWriter.write(NpyArray.of(Tensor.allocate("x", DataType.FLOAT32, Shape.of(1, 8, 8, 4)))));
    Path good = Files.write(dir.resolve("good.npy"),
        NpyWriter.write(NpyArray.of(Tensor.allocate("x", DataType.FLOAT32, Shape.of(1, 8, 8, 3)))));
    Path o = dir.resolve("o");
    assertUsage("fovea run: " + corrupt + " is not a valid .tflite model: ",
        "run", corrupt, "--random", 1, "--output-dir", o);
    assertUsage("fovea compare: cannot read " + dir.resolve("missing.tflite"),
        "compare", dir.resolve("missing.tflite"));
    assertUsage("fovea run: " + text + " is not a usable .npy file: not a .npy file",
        "run", floatFile, "--input", text, "--output-dir", o);
    assertUsage("fovea run: " + f64 + " holds <i8[1,8,8,3]; input 0 'image' needs <f4[1,8,8,3]",
        "run", floatFile, "--input", f64, "--output-dir", o);
    assertUsage("fovea compare: " + wrongShape + " holds <f4[1,8,8,4]; input 0 'image' needs <f4[1,8,8,3]",
        "compare", floatFile, "--input", wrongShape);
    assertUsage("fovea run: the model has 1 input (image <f4[1,8,8,3]), got 2 .npy files",
        "run", floatFile, "--input", good, "--input", good, "--output-dir", o);
    assertUsage("fovea run: cannot read " + dir.resolve("none.npy"),
        "run", floatFile, "--input", dir.resolve("none.npy"), "--output-dir", o);
    assertUsage("fovea run: unknown engine 'cuda'; choose auto or java, tflite, gpu",
        "run", floatFile, "--engine", "cuda", "--random", 1, "--output-dir", o);
    assertUsage("fovea run: engine gpu is not available in this build (installed: java, tflite)",
        "run", floatFile, "--engine", "gpu", "--random", 1, "--output-dir", o);
    assertUsage("fovea compare: engine gpu is not available in this build", "compare", floatFile, "--engines",
        "java,gpu");
    assertUsage("fovea compare: --engines needs at least two engines", "compare", floatFile, "--engines", "java");
    assertUsage("fovea run: give either --input files or --random SEED, not both",
        "run", floatFile, "--input", good, "--random", 1, "--output-dir", o);
    assertUsage("fovea run: needs --input FILE.npy (once per model input) or --random SEED",
        "run", floatFile, "--output-dir", o);
    assertUsage("fovea run: needs --output-dir DIR", "run", floatFile, "--random", 1);
    assertUsage("fovea run: expects one model file, got " + floatFile + " " + good,
        "run", floatFile, good, "--output-dir", o);
    assertUsage("fovea run: no engine can run this model: java: unsupported op:",
        "run", expModel(), "--engine", "java", "--random", 1, "--output-dir", o);
  }

  private void assertUsage(String prefix, Object... args) {
    assertEquals(2, cli(args), out + err);
    assertTrue(err.startsWith(prefix), () -> "expected '" + prefix + "...', got " + err);
    assertEquals(1, err.lines().count(), err);
  }

  /** y = exp(x): TFLite has EXP, our kernels do not. */
  private static Path expModel() throws IOException {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 4), Quantization.none());
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(1, 4));
    b.addOperator(BuiltinOperator.EXP, OperatorOptions.builder("ExpOptions").build(), new int[] {x}, new int[] {y});
    b.markOutput(y);
    return Files.write(dir.resolve("exp.tflite"), b.build());
  }
}
