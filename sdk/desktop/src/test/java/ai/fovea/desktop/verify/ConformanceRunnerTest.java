package ai.fovea.desktop.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.TfliteReader;
import org.junit.jupiter.api.Test;

class ConformanceRunnerTest {
  /** z = x + y over float32 [4, 64], or int8 with the given quantization. */
  private static byte[] addModel(DataType type, Quantization q) {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", type, Shape.of(4, 64), q);
    int y = b.addInput("y", type, Shape.of(4, 64), q);
    int z = b.addTensor("z", type, Shape.of(4, 64), q);
    b.addOperator(BuiltinOperator.ADD, new int[] {x, y}, new int[] {z});
    b.markOutput(z);
    return b.build();
  }

  @Test
  void runsAFloatAndAnInt8SingleOpModelAndFindsThemWithinTolerance() {
    try (ConformanceRunner runner = new ConformanceRunner(2)) {
      for (ConformanceCase c : new ConformanceCase[] {
        ConformanceCase.of("add float", addModel(DataType.FLOAT32, Quantization.none()), Tolerance.float32()),
        ConformanceCase.of("add int8", addModel(DataType.INT8, Quantization.perTensor(0.05f, 3)), Tolerance.exact())}) {
        ConformanceResult r = runner.run(c);
        assertTrue(r.passed(), r.toString());
        assertEquals(256, r.optimized().compared());
        assertEquals(256, r.reference().compared());
      }
    }
  }

  @Test
  void aModelThatCannotRunIsAFailedCaseNamingTheErrorNotACrash() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 4), Quantization.none());
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(1, 4));
    b.addCustomOperator("NoSuchCustomOp", new byte[0], new int[] {x}, new int[] {y});
    b.markOutput(y);
    try (ConformanceRunner runner = new ConformanceRunner(1)) {
      ConformanceResult r = runner.run(ConformanceCase.of("custom", b.build(), Tolerance.float32()));
      assertFalse(r.passed());
      assertNotNull(r.error());
      assertTrue(r.detail().contains("NoSuchCustomOp"), r.detail());
    }
  }

  @Test
  void randomInputsAreSeededAndDrawnFromEachInputsRange() {
    ConformanceCase c = ConformanceCase.of("ranges", addModel(DataType.FLOAT32, Quantization.none()), Tolerance.float32())
        .withInputRange(-4f, 4f).withInputRange(1, 10f, 20f);
    Tensor[] first = ConformanceRunner.randomInputs(TfliteReader.read(c.model()), c);
    Tensor[] second = ConformanceRunner.randomInputs(TfliteReader.read(c.model()), c);
    assertArrayEquals(first[0].floats(), second[0].floats());
    float[] x = first[0].floats();
    float[] y = first[1].floats();
    for (int i = 0; i < x.length; i++) {
      assertTrue(x[i] >= -4f && x[i] < 4f, "x " + x[i]);
      assertTrue(y[i] >= 10f && y[i] < 20f, "y " + y[i]);
    }
    assertTrue(min(x) < -3.5f && max(x) > 3.5f, "x spreads over its range");
    Tensor[] reseeded = ConformanceRunner.randomInputs(TfliteReader.read(c.model()), c.withSeed(7));
    assertFalse(java.util.Arrays.equals(first[0].floats(), reseeded[0].floats()));
  }

  @Test
  void int8InputsCoverTheWholeTypeRange() {
    ConformanceCase c = ConformanceCase.of("int8", addModel(DataType.INT8, Quantization.perTensor(0.1f, 0)),
        Tolerance.exact());
    byte[] x = ConformanceRunner.randomInputs(TfliteReader.read(c.model()), c)[0].bytes();
    int lo = 0;
    int hi = 0;
    for (byte v : x) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    assertTrue(lo <= -120 && hi >= 120, "int8 inputs span " + lo + ".." + hi);
  }

  @Test
  void casesRejectBadArguments() {
    byte[] model = addModel(DataType.FLOAT32, Quantization.none());
    assertThrows(IllegalArgumentException.class, () -> ConformanceCase.of("", model, Tolerance.exact()));
    assertThrows(IllegalArgumentException.class, () -> ConformanceCase.of("x", new byte[0], Tolerance.exact()));
    assertThrows(IllegalArgumentException.class, () -> ConformanceCase.of("x", model, null));
    ConformanceCase c = ConformanceCase.of("x", model, Tolerance.exact());
    assertThrows(IllegalArgumentException.class, () -> c.withInputRange(1f, 1f));
    assertThrows(IllegalArgumentException.class, () -> c.withInputRange(-1, 0f, 1f));
    assertThrows(IllegalArgumentException.class, () -> new ConformanceRunner(0));
  }

  private static float min(float[] a) {
    float m = Float.MAX_VALUE;
    for (float v : a) {
      m = Math.min(m, v);
    }
    return m;
  }

  private static float max(float[] a) {
    float m = -Float.MAX_VALUE;
    for (float v : a) {
      m = Math.max(m, v);
    }
    return m;
  }
}
