package ai.fovea.kernels.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.op.Padding;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class Conv2DTest {
  private static final ComputePool POOL = new ComputePool(3);

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  @Test
  void floatTapsSumWithBiasAndClamp() {
    // 1x2x2x1 input, one 2x2 filter of ones, VALID: a single output = sum + bias, clamped by RELU6.
    Tensor in = Tensor.ofFloats("in", Shape.of(1, 2, 2, 1), new float[] {1, 2, 3, 4});
    Tensor w = Tensor.ofFloats("w", Shape.of(1, 2, 2, 1), new float[] {1, 1, 1, 1});
    Tensor b = Tensor.ofFloats("b", Shape.of(1), new float[] {-5});
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    Conv2DFloat conv = new Conv2DFloat(new ConvParams(Padding.VALID, 1, 1, 1, 1, Activation.RELU6), POOL);
    conv.prepare(new Tensor[] {in, w, b}, new Tensor[] {out});
    conv.run(new Tensor[] {in, w, b}, new Tensor[] {out});
    assertEquals(Shape.of(1, 1, 1, 1), out.shape());
    assertEquals(5f, out.floats()[0]);
  }

  @Test
  void optimizedMatchesReferenceAcrossTheParameterSpace() {
    Random r = new Random(11);
    int cases = 0;
    for (int k : new int[] {1, 3}) {
      for (int stride = 1; stride <= 2; stride++) {
        for (int dilation = 1; dilation <= 2; dilation++) {
          for (Padding padding : Padding.values()) {
            for (Activation act : new Activation[] {Activation.NONE, Activation.RELU6}) {
              // a single-channel input takes im2col's own path
              for (int channels : new int[] {k == 1 ? 19 : 6, 1}) {
                ConvParams p = new ConvParams(padding, stride, stride, dilation, dilation, act);
                Shape in = Shape.of(2, 11, 7, channels);
                Shape filter = Shape.of(13, k, k, channels);
                compareFloat(r, p, in, filter);
                compareInt8(r, p, in, filter);
                compareUint8(r, p, in, filter);
                cases++;
              }
            }
          }
        }
      }
    }
    assertEquals(64, cases);
  }

  @Test
  void workSlotsCoverEveryOutputPixelOfALargeOutput() {
    // 2x30x29 = 1740 output pixels: 28 tiles over 12 slots on the 3-thread pool, the last tile partial.
    Random r = new Random(12);
    for (int k : new int[] {1, 3}) {
      ConvParams p = new ConvParams(Padding.SAME, 1, 1, 1, 1, Activation.RELU);
      Shape in = Shape.of(2, 30, 29, 4);
      Shape filter = Shape.of(7, k, k, 4);
      compareFloat(r, p, in, filter);
      compareInt8(r, p, in, filter);
    }
  }

  private static void compareFloat(Random r, ConvParams p, Shape inShape, Shape filterShape) {
    Tensor[] inputs = {KernelFixtures.floats(r, "in", inShape), KernelFixtures.floats(r, "w", filterShape),
        KernelFixtures.floats(r, "b", Shape.of(filterShape.dim(0)))};
    Tensor fast = Tensor.allocate("fast", DataType.FLOAT32, Shape.of(1));
    Tensor slow = Tensor.allocate("slow", DataType.FLOAT32, Shape.of(1));
    Conv2DFloat conv = new Conv2DFloat(p, POOL);
    conv.prepare(inputs, new Tensor[] {fast});
    conv.run(inputs, new Tensor[] {fast});
    conv.prepare(inputs, new Tensor[] {slow});
    conv.runReference(inputs, new Tensor[] {slow});
    for (int i = 0; i < fast.size(); i++) {
      assertEquals(slow.floats()[i], fast.floats()[i], 1e-5, p + " at " + i);
    }
  }

  private static void compareInt8(Random r, ConvParams p, Shape inShape, Shape filterShape) {
    int outC = filterShape.dim(0);
    Tensor[] inputs = {KernelFixtures.int8(r, "in", inShape, Quantization.perTensor(0.02f, 5)),
        KernelFixtures.int8(r, "w", filterShape, KernelFixtures.perChannel(r, outC, 0)), KernelFixtures.bias(r, outC)};
    Quantization qOut = Quantization.perTensor(0.05f, -7);
    Tensor fast = Tensor.allocate("fast", DataType.INT8, Shape.of(1), qOut);
    Tensor slow = Tensor.allocate("slow", DataType.INT8, Shape.of(1), qOut);
    Conv2DInt8 conv = new Conv2DInt8(p, POOL);
    conv.prepare(inputs, new Tensor[] {fast});
    conv.run(inputs, new Tensor[] {fast});
    conv.prepare(inputs, new Tensor[] {slow});
    conv.runReference(inputs, new Tensor[] {slow});
    assertArrayEquals(Arrays.copyOf(slow.bytes(), slow.size()), Arrays.copyOf(fast.bytes(), fast.size()), p.toString());
  }

  private static void compareUint8(Random r, ConvParams p, Shape inShape, Shape filterShape) {
    Tensor[] inputs = {KernelFixtures.uint8(r, "in", inShape, Quantization.perTensor(0.02f, 140)),
        KernelFixtures.uint8(r, "w", filterShape, Quantization.perTensor(0.004f, 131)),
        KernelFixtures.bias(r, filterShape.dim(0))};
    Quantization qOut = Quantization.perTensor(0.15f, 120);
    Tensor fast = Tensor.allocate("fast", DataType.UINT8, Shape.of(1), qOut);
    Tensor slow = Tensor.allocate("slow", DataType.UINT8, Shape.of(1), qOut);
    Conv2DInt8 conv = new Conv2DInt8(p, POOL);
    conv.prepare(inputs, new Tensor[] {fast});
    conv.run(inputs, new Tensor[] {fast});
    conv.prepare(inputs, new Tensor[] {slow});
    conv.runReference(inputs, new Tensor[] {slow});
    assertArrayEquals(Arrays.copyOf(slow.bytes(), slow.size()), Arrays.copyOf(fast.bytes(), fast.size()), p.toString());
  }

  @Test
  void uint8ReadsBytesUnsignedAndSubtractsBothZeroPoints() {
    // One 1x1 tap: (200 - 100) * (3 - 1) = 200 with scales 1 * 0.5 / 1 -> 100, plus output zero point 10.
    Tensor in = Tensor.ofBytes("in", DataType.UINT8, Shape.of(1, 1, 1, 1), Quantization.perTensor(1f, 100),
        new byte[] {(byte) 200});
    Tensor w = Tensor.ofBytes("w", DataType.UINT8, Shape.of(1, 1, 1, 1), Quantization.perTensor(0.5f, 1),
        new byte[] {3});
    Tensor out = Tensor.allocate("out", DataType.UINT8, Shape.of(1), Quantization.perTensor(1f, 10));
    Conv2DInt8 conv = new Conv2DInt8(new ConvParams(Padding.VALID, 1, 1, 1, 1, Activation.NONE), POOL);
    conv.prepare(new Tensor[] {in, w}, new Tensor[] {out});
    conv.run(new Tensor[] {in, w}, new Tensor[] {out});
    assertEquals(110, out.bytes()[0] & 0xFF);
    conv.runReference(new Tensor[] {in, w}, new Tensor[] {out});
    assertEquals(110, out.bytes()[0] & 0xFF);
  }

  @Test
  void rejectsAFilterWhoseDepthDiffersFromTheInput() {
    Tensor in = Tensor.allocate("in", DataType.FLOAT32, Shape.of(1, 4, 4, 3));
    Tensor w = Tensor.allocate("w", DataType.FLOAT32, Shape.of(2, 3, 3, 4));
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    Conv2DFloat conv = new Conv2DFloat(new ConvParams(Padding.SAME, 1, 1, 1, 1, Activation.NONE), POOL);
    assertThrows(OpPrepareException.class, () -> conv.prepare(new Tensor[] {in, w}, new Tensor[] {out}));
  }
}
