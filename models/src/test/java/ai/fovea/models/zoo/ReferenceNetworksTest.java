package ai.fovea.models.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.tflite.ModelSummary;
import ai.fovea.models.tflite.TensorInfo;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteWriter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReferenceNetworksTest {
  @Test
  void mobileNetAtFullWidthHasMobileNetV1sCost() {
    TfliteModel model = ReferenceNetworks.mobileNetV1(224, 1.0f, 1000, 1);
    ModelSummary summary = ModelSummary.of(model);
    // Howard et al. report 569 M mult-adds and 4.2 M parameters for 1.0 MobileNet-224.
    assertEquals(569e6, summary.totalMacs(), 2e6);
    assertEquals(4.2e6, summary.parameters(), 0.05e6);
    TensorInfo output = model.mainSubgraph().tensors().get(model.mainSubgraph().outputs()[0]);
    assertEquals(Shape.of(1, 1000), output.shape());
  }

  @Test
  void widthMultiplierScalesChannelsWithAFloorOfEight() {
    assertEquals(8, ReferenceNetworks.depth(32, 0.25f));
    assertEquals(16, ReferenceNetworks.depth(64, 0.25f));
    assertEquals(256, ReferenceNetworks.depth(1024, 0.25f));
    assertEquals(8, ReferenceNetworks.depth(32, 0.1f));
  }

  @Test
  void activationsNeitherVanishNorExplode() {
    for (TfliteModel model : new TfliteModel[] {ReferenceNetworks.mobileNetV1(96, 0.25f, 100, 3),
        ReferenceNetworks.residualStack(32, new int[] {8, 16, 32}, 2, 10, 3)}) {
      try (GraphRunner runner = GraphRunner.builder(model).build()) {
        fillUniform(runner.input(0), new Random(5));
        runner.run();
        for (int t = 0; t < runner.tensorCount(); t++) {
          TensorInfo info = model.mainSubgraph().tensors().get(t);
          if (info.buffer() != 0 || info.type() != DataType.FLOAT32 || info.name().startsWith("softmax")) {
            continue;
          }
          double rms = rms(runner.tensor(t));
          // Inputs in [-1, 1] have RMS 0.58; every layer stays within a factor of ~6 of it.
          assertTrue(rms > 0.1 && rms < 4, model.description() + ": " + info.name() + " RMS " + rms);
        }
        float sum = 0;
        for (int k = 0; k < runner.output(0).size(); k++) {
          sum += runner.output(0).floats()[k];
        }
        assertEquals(1f, sum, 1e-4f);
      }
    }
  }

  @Test
  void sameSeedGivesTheSameModelAndAnotherSeedAnother() {
    byte[] a = TfliteWriter.write(ReferenceNetworks.residualStack(32, new int[] {8, 16}, 1, 10, 42));
    byte[] b = TfliteWriter.write(ReferenceNetworks.residualStack(32, new int[] {8, 16}, 1, 10, 42));
    byte[] c = TfliteWriter.write(ReferenceNetworks.residualStack(32, new int[] {8, 16}, 1, 10, 43));
    assertArrayEquals(a, b);
    assertFalse(java.util.Arrays.equals(a, c));
  }

  @Test
  void residualStackDownsamplesOncePerStageAfterTheStem() {
    TfliteModel model = ReferenceNetworks.residualStack(64, new int[] {16, 32, 64}, 2, 10, 1);
    boolean sawFinalStage = model.mainSubgraph().tensors().stream()
        .anyMatch(t -> t.shape().equals(Shape.of(1, 8, 8, 64)));
    assertTrue(sawFinalStage, "64x64 input: stem /2, two stride-2 stages -> 8x8x64");
  }

  @Test
  void rejectsSizesAndWidthsItCannotBuild() {
    assertThrows(IllegalArgumentException.class, () -> ReferenceNetworks.mobileNetV1(16, 1f, 1000, 1));
    assertThrows(IllegalArgumentException.class, () -> ReferenceNetworks.mobileNetV1(224, 0f, 1000, 1));
    assertThrows(IllegalArgumentException.class, () -> ReferenceNetworks.mobileNetV1(224, 1f, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> ReferenceNetworks.residualStack(4, new int[] {8, 16, 32}, 1, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> ReferenceNetworks.residualStack(32, new int[0], 1, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> ReferenceNetworks.residualStack(32, new int[] {8}, 0, 10, 1));
  }

  static void fillUniform(Tensor t, Random random) {
    for (int k = 0; k < t.size(); k++) {
      t.floats()[k] = random.nextFloat() * 2 - 1;
    }
  }

  private static double rms(Tensor t) {
    double ss = 0;
    for (int k = 0; k < t.size(); k++) {
      ss += (double) t.floats()[k] * t.floats()[k];
    }
    return Math.sqrt(ss / t.size());
  }
}
