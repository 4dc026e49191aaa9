package ai.fovea.kernels.autodiff;

import static ai.fovea.kernels.autodiff.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.OpPrepareException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AddTest {
  @Test
  void gradientsMatchForEqualShapes() {
    Random r = new Random(1);
    Variable a = uniform("a", r, 2, 3, 2);
    Variable b = uniform("b", r, 2, 3, 2);
    GradientCheck.assertGradients(t -> Add.apply(t, a, b), a, b);
  }

  @Test
  void gradientsMatchWhenBroadcastingABias() {
    Random r = new Random(2);
    Variable a = uniform("a", r, 2, 2, 3, 4);
    Variable b = uniform("b", r, 4);
    Variable plane = uniform("plane", r, 3, 4);
    GradientCheck.assertGradients(t -> Add.apply(t, a, b), a, b);
    GradientCheck.assertGradients(t -> Add.apply(t, a, plane), a, plane);
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    Random r = new Random(4);
    Variable a = uniform("a", r, 7, 60, 41);
    Variable b = uniform("b", r, 7, 60, 41);
    Variable plane = uniform("plane", r, 60, 41);
    GradientCheck.assertSameForAnyThreadCount(t -> Add.apply(t, a, b), a, b);
    // Chunks of the split do not start at a multiple of the plane's size.
    GradientCheck.assertSameForAnyThreadCount(t -> Add.apply(t, a, plane), a, plane);
  }

  @Test
  void rejectsShapesThatAreNotATrailingPart() {
    Random r = new Random(3);
    Variable a = uniform("a", r, 2, 3);
    Variable b = uniform("b", r, 2);
    assertThrows(OpPrepareException.class, () -> Add.apply(new Tape(GradientCheck.POOL), a, b));
  }
}
