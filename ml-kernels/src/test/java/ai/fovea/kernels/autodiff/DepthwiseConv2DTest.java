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
  void resultsDoNotDependOnTheThreadCount() {
    Random r = new Random(5);
    Variable x = uniform("x", r, 17, 9, 8, 6);
    Variable w = uniform("w", r, 1, 3, 3, 12);
    Variable b = uniform("b", r, 12);
    GradientCheck.assertSameForAnyThreadCount(t -> DepthwiseConv2D.apply(t, x, w, b, params(Padding.SAME, 2, 1, 2)),
        x, w, b);
    Variable w1 = uniform("w1", r, 1, 3, 3, 6);
    GradientCheck.assertSameForAnyThreadCount(t -> DepthwiseConv2D.apply(t, x, w1, null, params(Padding.SAME, 1, 1, 1)),
        x, w1);
  }

  @Test
  void forwardMatchesTheInferenceKernel() {
    Random r = new Random(4);
    assertMatchesInference(r, 2, 7, 8, 3, params(Padding.SAME, 2, 1, 2));
    for (DepthwiseParams p : new DepthwiseParams[] {params(Padding.SAME, 1, 1, 1), params(Padding.SAME, 2, 1, 1),
        params(Padding.VALID, 2, 2, 1), params(Padding.SAME, 3, 1, 1)}) {
      assertMatchesInference(r, 2, 9, 8, 5, p);
    }
  }

  private static void assertMatchesInference(Random r, int n, int h, int w, int c, DepthwiseParams p) {
    int outC = c * p.depthMultiplier;
    Variable x = uniform("x", r, n, h, w, c);
    Variable filter = uniform("w", r, 1, 3, 3, outC);
    Variable b = uniform("b", r, outC);
    float[] trained = DepthwiseConv2D.apply(new Tape(GradientCheck.POOL), x, filter, b, p).values();
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(0));
    Tensor[] inputs = {x.value(), filter.value(), b.value()};
    DepthwiseConv2DFloat inference = new DepthwiseConv2DFloat(p, ComputePool.serial());
    inference.prepare(inputs, new Tensor[] {out});
    inference.runReference(inputs, new Tensor[] {out});
    assertArrayEquals(java.util.Arrays.copyOf(out.floats(), out.size()), trained, 1e-5f);
  }
}
