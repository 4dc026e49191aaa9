package ai.fovea.kernels.autodiff;

import static ai.fovea.kernels.autodiff.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.conv.Conv2DFloat;
import ai.fovea.kernels.conv.ConvParams;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.op.Padding;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Conv2DTest {
  private static ConvParams params(Padding padding, int stride, int dilation) {
    return new ConvParams(padding, stride, stride, dilation, dilation, Activation.NONE);
  }

  private static void check(long seed, int[] input, int[] filter, ConvParams p) {
    Random r = new Random(seed);
    Variable x = uniform("x", r, input);
    Variable w = uniform("w", r, filter);
    Variable b = uniform("b", r, filter[0]);
    GradientCheck.assertGradients(t -> Conv2D.apply(t, x, w, b, p), x, w, b);
  }

  @Test
  void gradientsMatchWithSamePaddingStrideOne() {
    check(1, new int[] {2, 5, 4, 3}, new int[] {4, 3, 3, 3}, params(Padding.SAME, 1, 1));
  }

  @Test
  void gradientsMatchWithValidPaddingStrideTwo() {
    check(2, new int[] {1, 7, 6, 2}, new int[] {3, 3, 2, 2}, params(Padding.VALID, 2, 1));
  }

  @Test
  void gradientsMatchWithSamePaddingStrideTwoAndDilation() {
    check(3, new int[] {2, 6, 7, 2}, new int[] {2, 3, 3, 2}, params(Padding.SAME, 2, 2));
  }

  @Test
  void gradientsMatchForSingleChannelInput() {
    check(7, new int[] {2, 5, 5, 1}, new int[] {3, 3, 3, 1}, params(Padding.SAME, 1, 1));
    check(10, new int[] {2, 7, 6, 1}, new int[] {2, 3, 3, 1}, params(Padding.SAME, 2, 2));
    check(11, new int[] {1, 6, 7, 1}, new int[] {3, 2, 3, 1}, params(Padding.VALID, 1, 2));
  }

  @Test
  void gradientsMatchForOneByOneConvolution() {
    check(4, new int[] {2, 3, 3, 4}, new int[] {3, 1, 1, 4}, params(Padding.VALID, 1, 1));
  }

  @Test
  void gradientsMatchWhenTheInputGradientIsAConvolutionOfTheOutputGradient() {
    // 64 input channels: wide enough for the flipped-filter convolution under any kernel; odd, even and dilated windows
    check(7, new int[] {1, 5, 4, 64}, new int[] {2, 3, 3, 64}, params(Padding.SAME, 1, 1));
    check(8, new int[] {1, 4, 5, 64}, new int[] {2, 2, 2, 64}, params(Padding.SAME, 1, 1));
    check(9, new int[] {1, 6, 5, 64}, new int[] {2, 2, 3, 64}, params(Padding.VALID, 1, 2));
  }

  @Test
  void forwardMatchesTheInferenceKernel() {
    assertForwardMatchesInference(5, 3);
    assertForwardMatchesInference(8, 1);
  }

  private static void assertForwardMatchesInference(long seed, int channels) {
    Random r = new Random(seed);
    ConvParams p = params(Padding.SAME, 2, 1);
    Variable x = uniform("x", r, 2, 9, 8, channels);
    Variable w = uniform("w", r, 5, 3, 3, channels);
    Variable b = uniform("b", r, 5);
    float[] trained = Conv2D.apply(new Tape(GradientCheck.POOL), x, w, b, p).values();
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(0));
    Tensor[] inputs = {x.value(), w.value(), b.value()};
    Conv2DFloat inference = new Conv2DFloat(p, ComputePool.serial());
    inference.prepare(inputs, new Tensor[] {out});
    inference.runReference(inputs, new Tensor[] {out});
    assertArrayEquals(java.util.Arrays.copyOf(out.floats(), out.size()), trained, 1e-5f);
  }

  @Test
  void gradientsAreBitIdenticalForAnyThreadCount() {
    // 5 images of 9×7 outputs: image rows are not a multiple of the row block, and 3 threads split images unevenly.
    float[][] serial = gradients(ComputePool.serial());
    try (ComputePool three = new ComputePool(3)) {
      float[][] threaded = gradients(three);
      for (int i = 0; i < serial.length; i++) {
        assertArrayEquals(serial[i], threaded[i], 0f, "gradient " + i);
      }
    }
  }

  @Test
  void singleChannelGradientsAreBitIdenticalForAnyThreadCount() {
    // 8 images of 65×9 outputs: 19 blocks of pixels across rows and images, more than the filter gradient's
    // groups, the last one short.
    float[][] serial = gradients(ComputePool.serial(), 1, 8, 65, 9, 5);
    try (ComputePool three = new ComputePool(3)) {
      float[][] threaded = gradients(three, 1, 8, 65, 9, 5);
      for (int i = 0; i < serial.length; i++) {
        assertArrayEquals(serial[i], threaded[i], 0f, "gradient " + i);
      }
    }
  }

  private static float[][] gradients(ComputePool pool) {
    return gradients(pool, 6, 5, 9, 7, 3);
  }

  private static float[][] gradients(ComputePool pool, int channels, int batch, int height, int width, int window) {
    Random r = new Random(9);
    Variable x = uniform("x", r, batch, height, width, channels);
    Variable w = uniform("w", r, 20, window, window, channels);
    Variable b = uniform("b", r, 20);
    Tape tape = new Tape(pool);
    Variable y = Conv2D.apply(tape, x, w, b, params(Padding.SAME, 1, 1));
    float[] dy = new float[y.size()];
    for (int i = 0; i < dy.length; i++) {
      dy[i] = r.nextFloat() - 0.5f;
    }
    tape.backward(y, dy);
    return new float[][] {y.values(), x.grad(), w.grad(), b.grad()};
  }

  @Test
  void rejectsFusedActivations() {
    Random r = new Random(6);
    Variable x = uniform("x", r, 1, 3, 3, 1);
    Variable w = uniform("w", r, 1, 1, 1, 1);
    ConvParams relu = new ConvParams(Padding.SAME, 1, 1, 1, 1, Activation.RELU);
    assertThrows(OpPrepareException.class, () -> Conv2D.apply(new Tape(GradientCheck.POOL), x, w, null, relu));
  }
}
