package ai.fovea.kernels.loss;

import static ai.fovea.kernels.autodiff.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.autodiff.GradientCheck;
import ai.fovea.kernels.autodiff.Tape;
import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LossTest {
  private static final int[] LABELS = {2, 0, 3, 1, 2};

  @Test
  void softmaxCrossEntropyGradientsMatch() {
    Variable logits = uniform("logits", new Random(1), 5, 4);
    GradientCheck.assertGradients(t -> SoftmaxCrossEntropy.apply(t, logits, LABELS), logits);
  }

  @Test
  void softmaxCrossEntropyIsStableForHugeLogits() {
    Variable logits = Variable.constant("z", Shape.of(1, 3), new float[] {1000f, 0f, -1000f});
    Tape t = new Tape(GradientCheck.POOL);
    assertEquals(0f, SoftmaxCrossEntropy.apply(t, logits, new int[] {0}).values()[0], 1e-6f);
    assertEquals(1000f, SoftmaxCrossEntropy.apply(t, logits, new int[] {1}).values()[0], 1e-3f);
  }

  @Test
  void uniformLogitsCostLogOfTheClassCount() {
    Variable logits = Variable.constant("z", Shape.of(2, 4), new float[8]);
    float loss = SoftmaxCrossEntropy.apply(new Tape(GradientCheck.POOL), logits, new int[] {1, 3}).values()[0];
    assertEquals((float) Math.log(4), loss, 1e-6f);
  }

  @Test
  void meanSquaredErrorGradientsMatch() {
    Variable p = uniform("p", new Random(2), 3, 4);
    float[] target = uniform("t", new Random(3), 12).values();
    GradientCheck.assertGradients(t -> MeanSquaredError.apply(t, p, target), p);
  }

  @Test
  void hingeGradientsMatchAwayFromTheMargin() {
    // Scores on a 0.1 grid, margin 1.05: every slack is a multiple of 0.1 plus 0.05, never within a step of 0.
    Variable s = GradientCheck.spaced("s", new Random(4), 0.1f, 5, 4);
    GradientCheck.assertGradients(t -> MulticlassHinge.apply(t, s, LABELS, 1.05f), s);
  }

  @Test
  void hingeValueMatchesAHandExample() {
    // CS231n example: scores [3.2, 5.1, −1.7], label 0: max(0, 5.1 − 3.2 + 1) + max(0, −1.7 − 3.2 + 1) = 2.9
    Variable s = Variable.constant("s", Shape.of(1, 3), new float[] {3.2f, 5.1f, -1.7f});
    assertEquals(2.9f, MulticlassHinge.apply(new Tape(GradientCheck.POOL), s, new int[] {0}, 1f).values()[0], 1e-5f);
  }

  @Test
  void rejectsLabelsOutOfRange() {
    Variable logits = uniform("z", new Random(5), 2, 3);
    Tape t = new Tape(GradientCheck.POOL);
    assertThrows(OpPrepareException.class, () -> SoftmaxCrossEntropy.apply(t, logits, new int[] {0, 3}));
    assertThrows(OpPrepareException.class, () -> MulticlassHinge.apply(t, logits, new int[] {0}, 1f));
  }
}
