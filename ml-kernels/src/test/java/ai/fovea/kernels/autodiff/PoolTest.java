package ai.fovea.kernels.autodiff;

import static ai.fovea.kernels.autodiff.GradientCheck.spaced;
import static ai.fovea.kernels.autodiff.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Padding;
import ai.fovea.kernels.pool.PoolParams;
import ai.fovea.kernels.tensor.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PoolTest {
  private static PoolParams window(Padding padding, int size, int stride) {
    return new PoolParams(padding, size, size, stride, stride, Activation.NONE);
  }

  @Test
  void maxPoolGradientsMatch() {
    // Distinct values 0.05 apart (> 2h) so no window's winner changes under the finite-difference step.
    Variable x = spaced("x", new Random(1), 0.05f, 2, 5, 6, 3);
    GradientCheck.assertGradients(t -> MaxPool.apply(t, x, window(Padding.VALID, 2, 2)), x);
    GradientCheck.assertGradients(t -> MaxPool.apply(t, x, window(Padding.SAME, 3, 2)), x);
    GradientCheck.assertGradients(t -> MaxPool.apply(t, x, window(Padding.SAME, 3, 1)), x);
  }

  @Test
  void maxPoolRoutesTiesToTheFirstMaximumOnly() {
    Variable x = Variable.parameter("x", Shape.of(1, 2, 2, 2), new float[] {1, -0f, 3, 0f, 3, 5, 2, 5});
    Tape tape = new Tape(GradientCheck.POOL);
    Variable y = MaxPool.apply(tape, x, window(Padding.VALID, 2, 2));
    assertArrayEquals(new float[] {3, 5}, y.values());
    tape.backward(y, new float[] {10, 20});
    assertArrayEquals(new float[] {0, 0, 10, 0, 0, 20, 0, 0}, x.grad());
  }

  @Test
  void maxPoolResultsDoNotDependOnTheThreadCount() {
    Variable x = uniform("x", new Random(6), 9, 7, 8, 5);
    GradientCheck.assertSameForAnyThreadCount(t -> MaxPool.apply(t, x, window(Padding.SAME, 3, 1)), x);
    GradientCheck.assertSameForAnyThreadCount(t -> MaxPool.apply(t, x, window(Padding.SAME, 2, 2)), x);
  }

  @Test
  void averagePoolResultsDoNotDependOnTheThreadCount() {
    Variable x = uniform("x", new Random(7), 9, 7, 8, 5);
    GradientCheck.assertSameForAnyThreadCount(t -> AveragePool.apply(t, x, window(Padding.SAME, 3, 1)), x);
  }

  @Test
  void averagePoolGradientsMatchIncludingPartialWindows() {
    Variable x = uniform("x", new Random(2), 2, 5, 6, 3);
    GradientCheck.assertGradients(t -> AveragePool.apply(t, x, window(Padding.VALID, 2, 2)), x);
    GradientCheck.assertGradients(t -> AveragePool.apply(t, x, window(Padding.SAME, 3, 2)), x);
    GradientCheck.assertGradients(t -> AveragePool.apply(t, x, window(Padding.SAME, 3, 1)), x);
  }

  @Test
  void averagePoolCountsOnlyInBoundsTaps() {
    Variable x = Variable.constant("x", Shape.of(1, 2, 2, 1), new float[] {1, 2, 3, 4});
    float[] y = AveragePool.apply(new Tape(GradientCheck.POOL), x, window(Padding.SAME, 3, 1)).values();
    assertArrayEquals(new float[] {2.5f, 2.5f, 2.5f, 2.5f}, y);
  }

  @Test
  void globalAveragePoolGradientsMatch() {
    Variable x = uniform("x", new Random(3), 2, 3, 4, 5);
    GradientCheck.assertGradients(t -> GlobalAveragePool.apply(t, x), x);
    Variable large = uniform("large", new Random(4), 9, 5, 6, 7);
    GradientCheck.assertSameForAnyThreadCount(t -> GlobalAveragePool.apply(t, large), large);
  }

  @Test
  void maxoutGradientsMatch() {
    Variable x = spaced("x", new Random(5), 0.05f, 2, 3, 6);
    GradientCheck.assertGradients(t -> Maxout.apply(t, x, 3), x);
    GradientCheck.assertGradients(t -> Maxout.apply(t, x, 2), x);
  }

  @Test
  void reshapeAndFlattenGradientsMatch() {
    Variable x = uniform("x", new Random(4), 2, 3, 2, 2);
    GradientCheck.assertGradients(t -> Reshape.flatten(t, x), x);
    GradientCheck.assertGradients(t -> Reshape.apply(t, x, Shape.of(4, 6)), x);
  }
}
