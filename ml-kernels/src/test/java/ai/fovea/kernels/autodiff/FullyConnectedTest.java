package ai.fovea.kernels.autodiff;

import static ai.fovea.kernels.autodiff.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.OpPrepareException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FullyConnectedTest {
  @Test
  void computesXTimesWeightsTransposedPlusBias() {
    Variable x = Variable.constant("x", ai.fovea.kernels.tensor.Shape.of(1, 2), new float[] {1, 2});
    Variable w = Variable.constant("w", ai.fovea.kernels.tensor.Shape.of(3, 2), new float[] {1, 0, 0, 1, 1, 1});
    Variable b = Variable.constant("b", ai.fovea.kernels.tensor.Shape.of(3), new float[] {0.5f, 0, -1});
    float[] y = FullyConnected.apply(new Tape(GradientCheck.POOL), x, w, b).values();
    assertEquals(1.5f, y[0]);
    assertEquals(2f, y[1]);
    assertEquals(2f, y[2]);
  }

  @Test
  void gradientsMatchCentralDifferences() {
    Random r = new Random(1);
    Variable x = uniform("x", r, 5, 7);
    Variable w = uniform("w", r, 3, 7);
    Variable b = uniform("b", r, 3);
    GradientCheck.assertGradients(t -> FullyConnected.apply(t, x, w, b), x, w, b);
    GradientCheck.assertGradients(t -> FullyConnected.apply(t, x, w, null), x, w);
  }

  @Test
  void gradientsMatchOnLargeParallelProducts() {
    Random r = new Random(2);
    Variable x = uniform("x", r, 40, 30);
    Variable w = uniform("w", r, 36, 30);
    GradientCheck.assertGradients(t -> FullyConnected.apply(t, x, w, null), w);
  }

  @Test
  void rejectsWeightsOfTheWrongWidth() {
    Random r = new Random(3);
    Variable x = uniform("x", r, 2, 4);
    Variable w = uniform("w", r, 3, 5);
    assertThrows(OpPrepareException.class, () -> FullyConnected.apply(new Tape(GradientCheck.POOL), x, w, null));
  }
}
