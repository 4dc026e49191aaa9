package ai.fovea.desktop.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import org.junit.jupiter.api.Test;

class ConformanceRunnerTest {
  @Test
  void anOpWeCannotRunIsAFailedCaseNotACrash() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 4), Quantization.none());
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(1, 4));
    b.addCustomOperator("NoSuchCustomOp", new byte[0], new int[] {x}, new int[] {y});
    b.markOutput(y);
    try (ConformanceRunner runner = new ConformanceRunner(1)) {
      ConformanceResult r = runner.run(ConformanceCase.of("custom", b.build(), Tolerance.float32()));
      assertFalse(r.passed());
    }
  }

  @Test
  void comparisonJudgesFloatsRelativeToTheOutputScaleAndIntegersByLsb() {
    Tensor e = Tensor.ofFloats("e", Shape.of(3), new float[] {100f, 1e-6f, -50f});
    Tensor close = Tensor.ofFloats("a", Shape.of(3), new float[] {100.0005f, 2e-6f, -50f});
    Tensor far = Tensor.ofFloats("a", Shape.of(3), new float[] {100.01f, 1e-6f, -50f});
    assertTrue(OutputComparison.of(e, close, Tolerance.float32()).withinTolerance);
    assertFalse(OutputComparison.of(e, far, Tolerance.float32()).withinTolerance);
    Quantization q = Quantization.perTensor(1f, 0);
    Tensor qe = Tensor.ofBytes("e", DataType.INT8, Shape.of(2), q, new byte[] {5, -7});
    Tensor qa = Tensor.ofBytes("a", DataType.INT8, Shape.of(2), q, new byte[] {6, -7});
    assertFalse(OutputComparison.of(qe, qa, Tolerance.exact()).withinTolerance);
    assertTrue(OutputComparison.of(qe, qa, Tolerance.lsb(1)).withinTolerance);
  }

  @Test
  void randomInputsAreReproducibleFromTheSeed() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.INT8, Shape.of(2, 3), Quantization.perTensor(0.1f, 0));
    b.markOutput(x);
    ConformanceCase c = ConformanceCase.of("seeded", b.build(), Tolerance.exact());
    Tensor[] first = ConformanceRunner.randomInputs(ai.fovea.models.tflite.TfliteReader.read(c.model()), c);
    Tensor[] second = ConformanceRunner.randomInputs(ai.fovea.models.tflite.TfliteReader.read(c.model()), c);
    assertTrue(java.util.Arrays.equals(first[0].bytes(), second[0].bytes()));
  }
}
