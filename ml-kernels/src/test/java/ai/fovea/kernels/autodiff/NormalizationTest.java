package ai.fovea.kernels.autodiff;

import static ai.fovea.kernels.autodiff.GradientCheck.spaced;
import static ai.fovea.kernels.autodiff.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Batch norm and dropout: the ops that behave differently in training and inference. */
class NormalizationTest {
  private static BatchNorm batchNorm(Random r) {
    BatchNorm bn = new BatchNorm("bn", 3, 0.1f, 1e-3f);
    for (int i = 0; i < 3; i++) {
      bn.gamma().values()[i] = 0.5f + r.nextFloat();
      bn.beta().values()[i] = r.nextFloat() - 0.5f;
    }
    return bn;
  }

  @Test
  void batchNormTrainingGradientsMatchThroughTheBatchStatistics() {
    Random r = new Random(1);
    BatchNorm bn = batchNorm(r);
    Variable x = uniform("x", r, 2, 3, 2, 3);
    GradientCheck.assertGradients(t -> bn.apply(t, x, true), x, bn.gamma(), bn.beta());
    // 300 rows of 2 channels: three segments of 128 rows, the last one partial.
    BatchNorm two = new BatchNorm("two", 2, 0.1f, 1e-3f);
    Variable wide = uniform("wide", r, 3, 10, 10, 2);
    GradientCheck.assertGradients(t -> two.apply(t, wide, true), wide, two.gamma(), two.beta());
  }

  @Test
  void batchNormInferenceGradientsMatch() {
    Random r = new Random(2);
    BatchNorm bn = batchNorm(r);
    bn.runningMean()[1] = 0.3f;
    bn.runningVariance()[2] = 2f;
    Variable x = uniform("x", r, 4, 3);
    GradientCheck.assertGradients(t -> bn.apply(t, x, false), x, bn.gamma(), bn.beta());
  }

  @Test
  void batchNormResultsDoNotDependOnTheThreadCount() {
    Random r = new Random(3);
    // 5 channels: segments of 51 rows, several blocks, a partial last segment; 300 channels: one row each.
    for (int[] dims : new int[][] {{40, 10, 10, 5}, {7, 11, 300}}) {
      Variable x = uniform("x", r, dims);
      BatchNorm bn = new BatchNorm("bn", dims[dims.length - 1], 0.1f, 1e-3f);
      GradientCheck.assertSameForAnyThreadCount(t -> bn.apply(t, x, true), x, bn.gamma(), bn.beta());
    }
  }

  @Test
  void batchNormFusedActivationGradientsMatch() {
    Random r = new Random(5);
    BatchNorm bn = batchNorm(r);
    // Spaced inputs keep every normalized value clear of the kinks at 0 and (with γ ≈ 4) at 6.
    Variable x = spaced("x", r, 0.1f, 2, 3, 2, 3);
    GradientCheck.assertGradients(t -> bn.apply(t, x, true, Activation.RELU), x, bn.gamma(), bn.beta());
    for (int ch = 0; ch < 3; ch++) {
      bn.gamma().values()[ch] *= 4f;
    }
    bn.beta().values()[0] = 3f;
    GradientCheck.assertGradients(t -> bn.apply(t, x, true, Activation.RELU6), x, bn.gamma(), bn.beta());
  }

  @Test
  void batchNormFusedActivationEqualsTheSeparateActivationBitForBit() {
    for (Activation activation : new Activation[] {Activation.RELU, Activation.RELU6}) {
      Random r = new Random(6);
      BatchNorm bn = batchNorm(r);
      bn.gamma().values()[1] = 5f;
      Variable x = uniform("x", r, 5, 6, 7, 3);
      List<float[]> fused = valueAndGradients(t -> bn.apply(t, x, true, activation), x, bn.gamma(), bn.beta());
      List<float[]> separate = valueAndGradients(t -> activation == Activation.RELU
          ? Activations.relu(t, bn.apply(t, x, true)) : Activations.relu6(t, bn.apply(t, x, true)),
          x, bn.gamma(), bn.beta());
      for (int i = 0; i < fused.size(); i++) {
        assertArrayEquals(separate.get(i), fused.get(i), activation + " array " + i);
      }
    }
  }

  private static List<float[]> valueAndGradients(GradientCheck.Graph graph, Variable... inputs) {
    for (Variable v : inputs) {
      v.zeroGrad();
    }
    Tape tape = new Tape(GradientCheck.POOL);
    Variable y = graph.build(tape);
    float[] weights = uniform("w", new Random(8), y.size()).values();
    tape.backward(y, weights);
    List<float[]> result = new ArrayList<>(List.of(y.values().clone()));
    for (Variable v : inputs) {
      result.add(v.grad().clone());
    }
    return result;
  }

  @Test
  void batchNormFusedActivationResultsDoNotDependOnTheThreadCount() {
    Random r = new Random(7);
    Variable x = uniform("x", r, 40, 10, 10, 5);
    BatchNorm bn = new BatchNorm("bn", 5, 0.1f, 1e-3f);
    GradientCheck.assertSameForAnyThreadCount(t -> bn.apply(t, x, true, Activation.RELU6), x, bn.gamma(),
        bn.beta());
  }

  @Test
  void batchNormRejectsAnActivationItDoesNotDifferentiate() {
    BatchNorm bn = new BatchNorm("bn", 3, 0.1f, 1e-3f);
    Variable x = uniform("x", new Random(8), 4, 3);
    assertThrows(OpPrepareException.class, () -> bn.apply(new Tape(GradientCheck.POOL), x, true, Activation.TANH));
  }

  @Test
  void batchNormMovesRunningStatisticsTowardTheBatch() {
    BatchNorm bn = new BatchNorm("bn", 1, 0.1f, 1e-3f);
    Variable x = Variable.constant("x", Shape.of(4, 1), new float[] {1, 2, 3, 6});
    float[] y = bn.apply(new Tape(GradientCheck.POOL), x, true).values();
    // batch mean 3, biased variance 3.5, unbiased 14/3
    assertEquals(0.3f, bn.runningMean()[0], 1e-6f);
    assertEquals(0.9f + 0.1f * 14f / 3f, bn.runningVariance()[0], 1e-6f);
    assertEquals((float) (-2 / Math.sqrt(3.5 + 1e-3)), y[0], 1e-6f);
  }

  @Test
  void dropoutGradientsMatchForAFixedMask() {
    Variable x = uniform("x", new Random(3), 4, 5);
    GradientCheck.assertGradients(t -> Dropout.apply(t, x, 0.4f, new Random(9), true), x);
  }

  @Test
  void dropoutKeepsTheExpectedValueAndIsTheIdentityInInference() {
    float[] ones = new float[20000];
    java.util.Arrays.fill(ones, 1f);
    Variable x = Variable.constant("x", Shape.of(ones.length), ones);
    Tape tape = new Tape(GradientCheck.POOL);
    float[] y = Dropout.apply(tape, x, 0.25f, new Random(4), true).values();
    double mean = 0;
    int zeros = 0;
    for (float v : y) {
      mean += v / y.length;
      zeros += v == 0f ? 1 : 0;
    }
    assertEquals(1.0, mean, 0.02);
    assertEquals(0.25, zeros / (double) y.length, 0.01);
    assertSame(x, Dropout.apply(tape, x, 0.25f, new Random(4), false));
  }

  @Test
  void concatGradientsMatchOnEveryAxis() {
    Random r = new Random(5);
    Variable a = uniform("a", r, 2, 3, 2);
    Variable b = uniform("b", r, 2, 1, 2);
    Variable c = uniform("c", r, 2, 3, 4);
    GradientCheck.assertGradients(t -> Concat.apply(t, 1, a, b), a, b);
    GradientCheck.assertGradients(t -> Concat.apply(t, -1, a, c), a, c);
    GradientCheck.assertGradients(t -> Concat.apply(t, 0, a, a), a);
  }

  @Test
  void concatInterleavesBlocks() {
    Variable a = Variable.constant("a", Shape.of(2, 1), new float[] {1, 2});
    Variable b = Variable.constant("b", Shape.of(2, 2), new float[] {3, 4, 5, 6});
    assertArrayEquals(new float[] {1, 3, 4, 2, 5, 6}, Concat.apply(new Tape(GradientCheck.POOL), 1, a, b).values());
  }

  @Test
  void preluGradientsMatchForInputAndSlope() {
    Random r = new Random(6);
    Variable x = GradientCheck.spaced("x", r, 0.1f, 2, 3, 4);
    Variable alpha = uniform("alpha", r, 4);
    GradientCheck.assertGradients(t -> PRelu.apply(t, x, alpha), x, alpha);
  }
}
