package ai.fovea.kernels.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.tensor.Shape;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each update rule against steps worked by hand from p = [1, −2] with gradient g = [0.5, 1]. */
class OptimizerTest {
  private static final float[] GRAD = {0.5f, 1f};
  private final Variable p = Variable.parameter("p", Shape.of(2), new float[] {1f, -2f});
  private final List<Variable> params = Collections.singletonList(p);

  private void stepWith(Optimizer optimizer, float... grad) {
    optimizer.zeroGrad();
    System.arraycopy(grad, 0, p.grad(), 0, grad.length);
    optimizer.step();
  }

  @Test
  void sgdStepsAgainstTheGradient() {
    stepWith(new Sgd(params, 0.1f), GRAD);
    assertArrayEquals(new float[] {0.95f, -2.1f}, p.values(), 1e-6f); // p − 0.1·g
  }

  @Test
  void sgdWeightDecayAddsAnL2Term() {
    stepWith(new Sgd(params, 0.1f, 0f, false, 0.1f), GRAD);
    // g + 0.1·p = [0.6, 0.8]
    assertArrayEquals(new float[] {0.94f, -2.08f}, p.values(), 1e-6f);
  }

  @Test
  void momentumAccumulatesVelocity() {
    Sgd sgd = new Sgd(params, 0.1f, 0.9f, false, 0f);
    stepWith(sgd, GRAD);
    stepWith(sgd, GRAD);
    // v1 = g, v2 = 1.9·g: p − 0.1·(1 + 1.9)·g = p − 0.29·g
    assertArrayEquals(new float[] {0.855f, -2.29f}, p.values(), 1e-6f);
  }

  @Test
  void nesterovLooksAhead() {
    Sgd sgd = new Sgd(params, 0.1f, 0.9f, true, 0f);
    stepWith(sgd, GRAD);
    stepWith(sgd, GRAD);
    // step 1: g + 0.9·g = 1.9·g; step 2: v = 1.9·g, g + 0.9·1.9·g = 2.71·g; total p − 0.461·g
    assertArrayEquals(new float[] {0.7695f, -2.461f}, p.values(), 1e-6f);
  }

  @Test
  void adamCorrectsTheMomentBias() {
    Adam adam = new Adam(params, 0.1f);
    stepWith(adam, GRAD);
    // step 1: m̂ = g, v̂ = g², so p − 0.1·sign(g)
    assertArrayEquals(new float[] {0.9f, -2.1f}, p.values(), 1e-6f);
    stepWith(adam, -1f, 1f);
    // element 0: m = 0.9·0.05 − 0.1 = −0.055, m̂ = −0.055/0.19 = −0.289474;
    // v = 0.999·0.00025 + 0.001 = 0.00124975, v̂ = v/0.001999 = 0.625188; p = 0.9 + 0.1·0.289474/0.790688
    assertArrayEquals(new float[] {0.936610f, -2.2f}, p.values(), 2e-6f);
  }

  @Test
  void adamWDecaysWeightsOutsideTheGradient() {
    stepWith(new Adam(params, 0.1f, 0.9f, 0.999f, 1e-8f, 0.1f), GRAD);
    // p·(1 − 0.1·0.1) − 0.1·sign(g)
    assertArrayEquals(new float[] {0.89f, -2.08f}, p.values(), 1e-6f);
  }

  @Test
  void rmsPropDividesByTheRunningRms() {
    stepWith(new RmsProp(params, 0.01f, 0.9f, 1e-8f), GRAD);
    // s = 0.1·g², so p − 0.01·sign(g)/√0.1
    assertArrayEquals(new float[] {0.968377f, -2.031623f}, p.values(), 1e-6f);
  }

  @Test
  void adadeltaScalesByTheRatioOfRunningRms() {
    stepWith(new Adadelta(params, 1f, 0.9f, 1e-6f), GRAD);
    // Δ = √1e-6 / √(0.1·g² + 1e-6) · g: 0.5·1e-3/√0.025001 = 0.0031622
    assertArrayEquals(new float[] {0.9968378f, -2.0031623f}, p.values(), 1e-6f);
  }

  @Test
  void clippingRescalesToTheGlobalNorm() {
    Variable q = Variable.parameter("q", Shape.of(1), new float[] {0f});
    p.grad()[0] = 3f;
    q.grad()[0] = 4f;
    float norm = GradientClipping.byGlobalNorm(List.of(p, q), 1f);
    assertEquals(5f, norm, 1e-6f);
    assertArrayEquals(new float[] {0.6f, 0f}, p.grad(), 1e-6f);
    assertArrayEquals(new float[] {0.8f}, q.grad(), 1e-6f);
    GradientClipping.byGlobalNorm(List.of(p, q), 2f);
    assertArrayEquals(new float[] {0.8f}, q.grad(), 1e-6f);
  }

  @Test
  void schedulesFollowTheirFormulas() {
    LearningRateSchedule step = LearningRateSchedule.stepDecay(1f, 0.5f, 10);
    assertEquals(1f, step.rate(9));
    assertEquals(0.25f, step.rate(20));
    LearningRateSchedule cosine = LearningRateSchedule.cosine(1f, 0.1f, 100);
    assertEquals(1f, cosine.rate(0), 1e-6f);
    assertEquals(0.55f, cosine.rate(50), 1e-6f);
    assertEquals(0.1f, cosine.rate(100), 1e-6f);
    LearningRateSchedule warm = LearningRateSchedule.warmup(4, cosine);
    assertEquals(0.25f, warm.rate(0), 1e-6f);
    assertEquals(1f, warm.rate(3), 1e-6f);
    assertEquals(0.55f, warm.rate(54), 1e-6f);
  }

  @Test
  void rejectsBadHyperParameters() {
    assertThrows(IllegalArgumentException.class, () -> new Sgd(params, -0.1f));
    assertThrows(IllegalArgumentException.class, () -> new Sgd(params, 0.1f, 0f, true, 0f));
    assertThrows(IllegalArgumentException.class, () -> new Adam(params, 0.1f, 1f, 0.999f, 1e-8f, 0f));
    assertThrows(IllegalArgumentException.class, () -> new RmsProp(params, 0.1f, 0.9f, 0f));
    Variable constant = Variable.constant("c", Shape.of(1), new float[1]);
    assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(constant), 0.1f));
  }
}
