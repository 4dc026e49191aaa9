package ai.fovea.kernels.autodiff;

import static ai.fovea.kernels.autodiff.GradientCheck.spaced;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.tensor.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ActivationsTest {
  /** 40 values from −9.75 to 9.75 in steps of 0.5: both sides of every kink (0, ±3, 6), none within 0.25. */
  private static Variable input() {
    return spaced("x", new Random(1), 0.5f, 5, 8);
  }

  @Test
  void reluFamilyGradientsMatch() {
    Variable x = input();
    GradientCheck.assertGradients(t -> Activations.relu(t, x), x);
    GradientCheck.assertGradients(t -> Activations.relu6(t, x), x);
    GradientCheck.assertGradients(t -> Activations.leakyRelu(t, x, 0.1f), x);
    GradientCheck.assertGradients(t -> Activations.hardSwish(t, x), x);
  }

  @Test
  void smoothActivationGradientsMatch() {
    Variable x = spaced("x", new Random(2), 0.2f, 4, 5);
    GradientCheck.assertGradients(t -> Activations.sigmoid(t, x), x);
    GradientCheck.assertGradients(t -> Activations.tanh(t, x), x);
    GradientCheck.assertGradients(t -> Activations.elu(t, x, 1.5f), x);
  }

  @Test
  void valuesFollowTheDefinitions() {
    Variable x = Variable.constant("x", Shape.of(4), new float[] {-4f, -1f, 1f, 7f});
    Tape t = new Tape(GradientCheck.POOL);
    assertArrayEquals(new float[] {0f, 0f, 1f, 7f}, Activations.relu(t, x).values());
    assertArrayEquals(new float[] {0f, 0f, 1f, 6f}, Activations.relu6(t, x).values());
    assertArrayEquals(new float[] {-0.8f, -0.2f, 1f, 7f}, Activations.leakyRelu(t, x, 0.2f).values(), 1e-6f);
    assertArrayEquals(new float[] {0f, -1f / 3f, 4f / 6f, 7f}, Activations.hardSwish(t, x).values(), 1e-6f);
    assertArrayEquals(new float[] {(float) Math.expm1(-4), (float) Math.expm1(-1), 1f, 7f},
        Activations.elu(t, x, 1f).values(), 1e-6f);
  }

  @Test
  void reluFamilyPassesNoGradientAtTheLowerKinkNorAtSix() {
    Variable x = Variable.parameter("x", Shape.of(5), new float[] {-0f, 0f, 1e-30f, 5.999f, 6f});
    Tape t = new Tape(GradientCheck.POOL);
    t.backward(Activations.relu(t, x), new float[] {1f, 1f, 1f, 1f, 1f});
    assertArrayEquals(new float[] {0f, 0f, 1f, 1f, 1f}, x.grad());
    x.zeroGrad();
    t.backward(Activations.relu6(t, x), new float[] {1f, 1f, 1f, 1f, 1f});
    assertArrayEquals(new float[] {0f, 0f, 1f, 1f, 0f}, x.grad());
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    Variable x = GradientCheck.uniform("x", new Random(3), 5, 100, 70);
    GradientCheck.assertSameForAnyThreadCount(t -> Activations.relu(t, x), x);
    GradientCheck.assertSameForAnyThreadCount(t -> Activations.relu6(t, Activations.leakyRelu(t, x, 8f)), x);
    GradientCheck.assertSameForAnyThreadCount(t -> Activations.hardSwish(t, x), x);
  }

  @Test
  void rejectsANonFiniteSlope() {
    Variable x = input();
    assertThrows(IllegalArgumentException.class,
        () -> Activations.leakyRelu(new Tape(GradientCheck.POOL), x, Float.NaN));
  }
}
