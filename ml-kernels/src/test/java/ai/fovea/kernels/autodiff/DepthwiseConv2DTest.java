package ai.fovea.kernels.autodiff;

import static ai.fovea.kernels.autodiff.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.fovea.kernels.conv.ConvParams;
import ai.fovea.kernels.conv.DepthwiseConv2DFloat;
import ai.fovea.kernels.conv.DepthwiseParams;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Padding;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DepthwiseConv2DTest {
  private static DepthwiseParams params(Padding padding, int stride, int dilation, int multiplier) {
    ConvParams conv = new ConvParams(padding, stride, stride, dilation, dilation, Activation.NONE);
    return new DepthwiseParams(conv, multiplier);
  }

  private static void check(long seed, int[] input, int k, DepthwiseParams p) {
    Random r = new Random(seed);
    Variable x = uniform("x", r, input);
    int outC = input[3] * p.depthMultiplier;
    Variable w = uniform("w", r, 1, k, k, outC);
    Variable b = uniform("b", r, outC);
    GradientCheck.assertGradients(t -> DepthwiseConv2D.apply(t, x, w, b, p), x, w, b);
  }

  @Test
  void gradientsMatchWithSamePadding() {
    check(1, new int[] {2, 5, 4, 3}, 3, params(Padding.SAME, 1, 1, 1));
  }

  @Test
  void gradientsMatchWithStrideDilationAndMultiplier() {
    check(2, new int[] {1, 7, 6, 2}, 3, params(Padding.SAME, 2, 2, 2));
    check(3, new int[] {2, 6, 5, 2}, 2, params(Padding.VALID, 2, 1, 3));
  }

  @Test
  void filterGradientIsBitIdenticalForAnyThreadCount() {
    float[] serial = filterGradient(ComputePool.serial());
    try (ComputePool three = new ComputePool(3)) {
      assertArrayEquals(serial, filterGradient(three), 0f);
    }
  }

  private static float[] filterGradient(ComputePool pool) {
    Random r = new Random(5);
    Variable x = uniform("x", r, 7, 6, 5, 4);
    Variable w = uniform("w", r, 1, 3, 3, 4);
    Tape tape = new Tape(pool);
    Variable y = DepthwiseConv2D.apply(tape, x, w, null, params(Padding.SAME, 1, 1, 1));
    float[] dy = new float[y.size()];
    for (int i = 0; i < dy.length; i++) {
      dy[i] = r.nextFloat() - 0.5f;
    }
    tape.backward(y, dy);
    return w.grad();
  }

  @Test
  void forwardMatchesTheInferenceKernel() {
    Random r = new Random(4);
    DepthwiseParams p = params(Padding.SAME, 2, 1, 2);
    Variable x = uniform("x", r, 2, 7, 8, 3);
    Variable w = uniform("w", r, 1, 3, 3, 6);
    Variable b = uniform("b", r, 6);
    float[] trained = DepthwiseConv2D.apply(new Tape(GradientCheck.POOL), x, w, b, p).values();
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(0));
    Tensor[] inputs = {x.value(), w.value(), b.value()};
    DepthwiseConv2DFloat inference = new DepthwiseConv2DFloat(p, ComputePool.serial());
    inference.prepare(inputs, new Tensor[] {out});
    inference.runReference(inputs, new Tensor[] {out});
    assertArrayEquals(java.util.Arrays.copyOf(out.floats(), out.size()), trained, 1e-5f);
  }
}
