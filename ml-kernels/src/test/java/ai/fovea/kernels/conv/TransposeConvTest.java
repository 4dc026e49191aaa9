package ai.fovea.kernels.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.op.Op;
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

class TransposeConvTest {
  private static final ComputePool POOL = new ComputePool(3);

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  private static Tensor outputShape(int... dims) {
    return Tensor.ofInts("output_shape", Shape.of(4), Quantization.none(), dims);
  }

  @Test
  void eachInputPixelStampsTheKernelScaledByItsValue() {
    // One pixel of value 2, 2x2 kernel (1, 2, 3, 4), stride 2, VALID, bias 0.5: the output is 2 * kernel + 0.5.
    Tensor[] in = {outputShape(1, 2, 2, 1), Tensor.ofFloats("w", Shape.of(1, 2, 2, 1), new float[] {1, 2, 3, 4}),
        Tensor.ofFloats("in", Shape.of(1, 1, 1, 1), new float[] {2}),
        Tensor.ofFloats("b", Shape.of(1), new float[] {0.5f})};
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    TransposeConvFloat op = new TransposeConvFloat(new TransposeConvParams(Padding.VALID, 2, 2), POOL);
    op.prepare(in, new Tensor[] {out});
    op.run(in, new Tensor[] {out});
    assertEquals(Shape.of(1, 2, 2, 1), out.shape());
    assertArrayEquals(new float[] {2.5f, 4.5f, 6.5f, 8.5f}, Arrays.copyOf(out.floats(), 4));
  }

  @Test
  void overlappingStampsAddUp() {
    // Input row (1, 10), 1x3 kernel of ones, stride 2, width 5: 1 lands on 0..2, 10 on 2..4 → 1 1 11 10 10.
    float[] ones = {1, 1, 1};
    Tensor[] in = {outputShape(1, 1, 5, 1), Tensor.ofFloats("w", Shape.of(1, 1, 3, 1), ones),
        Tensor.ofFloats("in", Shape.of(1, 1, 2, 1), new float[] {1, 10})};
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    TransposeConvFloat op = new TransposeConvFloat(new TransposeConvParams(Padding.VALID, 1, 2), POOL);
    op.prepare(in, new Tensor[] {out});
    op.run(in, new Tensor[] {out});
    assertArrayEquals(new float[] {1, 1, 11, 10, 10}, Arrays.copyOf(out.floats(), 5));
  }

  @Test
  void samePaddingCentresTheKernelAsAForwardConvolutionOverTheOutputWould() {
    // Width 3, 3-wide kernel (1, 2, 3), stride 1: SAME pads 1 before, so input column i lands on i-1 .. i+1.
    // Inputs (1, 10, 100): out0 = 1·2 + 10·1, out1 = 1·3 + 10·2 + 100·1, out2 = 10·3 + 100·2.
    Tensor[] in = {outputShape(1, 1, 3, 1), Tensor.ofFloats("w", Shape.of(1, 1, 3, 1), new float[] {1, 2, 3}),
        Tensor.ofFloats("in", Shape.of(1, 1, 3, 1), new float[] {1, 10, 100})};
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    TransposeConvFloat op = new TransposeConvFloat(new TransposeConvParams(Padding.SAME, 1, 1), POOL);
    op.prepare(in, new Tensor[] {out});
    op.run(in, new Tensor[] {out});
    assertArrayEquals(new float[] {12, 123, 230}, Arrays.copyOf(out.floats(), 3));
  }

  @Test
  void int8RequantizesWithTheInputZeroPointRemoved() {
    // x = 7 with zero point 3, w = 5, bias 4: acc = 4 * 5 + 4 = 24; scales 0.5 * 0.25 / 1.0 → 3, zero point 2 → 5.
    Tensor[] in = {outputShape(1, 1, 1, 1),
        Tensor.ofBytes("w", DataType.INT8, Shape.of(1, 1, 1, 1), Quantization.perTensor(0.25f, 0), new byte[] {5}),
        Tensor.ofBytes("in", DataType.INT8, Shape.of(1, 1, 1, 1), Quantization.perTensor(0.5f, 3), new byte[] {7}),
        Tensor.ofInts("b", Shape.of(1), Quantization.none(), new int[] {4})};
    Tensor out = Tensor.allocate("out", DataType.INT8, Shape.of(1), Quantization.perTensor(1f, 2));
    TransposeConvInt8 op = new TransposeConvInt8(new TransposeConvParams(Padding.VALID, 1, 1), POOL);
    op.prepare(in, new Tensor[] {out});
    op.run(in, new Tensor[] {out});
    assertEquals(5, out.bytes()[0]);
  }

  @Test
  void optimizedMatchesReferenceAcrossTheParameterSpace() {
    Random r = new Random(17);
    int[][] kernels = {{3, 3}, {2, 2}, {4, 4}, {1, 1}, {5, 3}};
    int cases = 0;
    for (int[] k : kernels) {
      for (int stride = 1; stride <= 3; stride++) {
        for (Padding padding : Padding.values()) {
          for (int extra = 0; extra <= 1; extra++) {
            TransposeConvParams p = new TransposeConvParams(padding, stride, stride == 3 ? 2 : stride);
            int batch = 1 + cases % 2;
            int inH = 3 + cases % 4;
            int inW = 4 + cases % 3;
            int inC = 2 + cases % 5;
            int outC = 1 + cases % 6;
            // The natural size, or one more (TFLite takes any output_shape and drops what falls outside).
            int outH = natural(inH, k[0], p.strideH, padding) + extra;
            int outW = natural(inW, k[1], p.strideW, padding) + extra;
            int[] shape = {batch, outH, outW, outC};
            Shape inShape = Shape.of(batch, inH, inW, inC);
            Shape wShape = Shape.of(outC, k[0], k[1], inC);
            checkFloat(r, p, shape, inShape, wShape, cases % 3 != 0);
            checkQuantized(r, p, shape, inShape, wShape, cases % 3 != 1, cases % 2 == 0, DataType.INT8);
            checkQuantized(r, p, shape, inShape, wShape, cases % 3 != 2, false, DataType.UINT8);
            cases++;
          }
        }
      }
    }
    assertTrue(cases >= 60, "cases run: " + cases);
  }

  @Test
  void manyInputPixelsSpanSeveralColumnBlocks() {
    Random r = new Random(23);
    TransposeConvParams p = new TransposeConvParams(Padding.SAME, 2, 2);
    int[] shape = {2, 22, 18, 5};
    checkFloat(r, p, shape, Shape.of(2, 11, 9, 4), Shape.of(5, 3, 3, 4), true);
    checkQuantized(r, p, shape, Shape.of(2, 11, 9, 4), Shape.of(5, 3, 3, 4), true, true, DataType.INT8);
  }

  private static int natural(int in, int k, int stride, Padding padding) {
    return padding == Padding.SAME ? in * stride : (in - 1) * stride + k;
  }

  private static void checkFloat(Random r, TransposeConvParams p, int[] shape, Shape inShape, Shape wShape,
      boolean bias) {
    Tensor[] in = {outputShape(shape), KernelFixtures.floats(r, "w", wShape), KernelFixtures.floats(r, "in", inShape),
        KernelFixtures.floats(r, "b", Shape.of(shape[3]))};
    Tensor fast = Tensor.allocate("f", DataType.FLOAT32, Shape.of(1));
    Tensor slow = Tensor.allocate("s", DataType.FLOAT32, Shape.of(1));
    runBoth(new TransposeConvFloat(p, POOL), bias ? in : Arrays.copyOf(in, 3), fast, slow);
    for (int i = 0; i < slow.size(); i++) {
      assertEquals(slow.floats()[i], fast.floats()[i], 1e-5, p + " " + Arrays.toString(shape) + " at " + i);
    }
  }

  private static void checkQuantized(Random r, TransposeConvParams p, int[] shape, Shape inShape, Shape wShape,
      boolean bias, boolean perChannel, DataType type) {
    int outC = shape[3];
    Quantization qw = type == DataType.UINT8 ? Quantization.perTensor(0.004f, 100 + r.nextInt(50))
        : perChannel ? KernelFixtures.perChannel(r, outC, 0) : Quantization.perTensor(0.006f, 0);
    Tensor[] in = {outputShape(shape), bytes(r, "w", type, wShape, qw),
        bytes(r, "in", type, inShape, Quantization.perTensor(0.03f, type == DataType.UINT8 ? 126 : 5)),
        KernelFixtures.bias(r, outC)};
    Quantization qOut = Quantization.perTensor(0.05f, type == DataType.UINT8 ? 131 : -7);
    Tensor fast = Tensor.allocate("f", type, Shape.of(1), qOut);
    Tensor slow = Tensor.allocate("s", type, Shape.of(1), qOut);
    runBoth(new TransposeConvInt8(p, POOL), bias ? in : Arrays.copyOf(in, 3), fast, slow);
    assertArrayEquals(Arrays.copyOf(slow.bytes(), slow.size()), Arrays.copyOf(fast.bytes(), fast.size()),
        type + " " + p + " " + Arrays.toString(shape));
  }

  private static Tensor bytes(Random r, String name, DataType type, Shape shape, Quantization q) {
    byte[] d = new byte[shape.size()];
    r.nextBytes(d);
    return Tensor.ofBytes(name, type, shape, q, d);
  }

  private static void runBoth(Op op, Tensor[] in, Tensor fast, Tensor slow) {
    op.prepare(in, new Tensor[] {fast});
    op.run(in, new Tensor[] {fast});
    op.prepare(in, new Tensor[] {slow});
    op.runReference(in, new Tensor[] {slow});
  }

  @Test
  void rejectsAnOutputShapeWhoseChannelsDifferFromTheWeights() {
    Tensor[] in = {outputShape(1, 4, 4, 3), Tensor.allocate("w", DataType.FLOAT32, Shape.of(2, 3, 3, 1)),
        Tensor.allocate("in", DataType.FLOAT32, Shape.of(1, 2, 2, 1))};
    TransposeConvFloat op = new TransposeConvFloat(new TransposeConvParams(Padding.SAME, 2, 2), POOL);
    assertThrows(OpPrepareException.class,
        () -> op.prepare(in, new Tensor[] {Tensor.allocate("o", DataType.FLOAT32, Shape.of(1))}));
  }

  @Test
  void rejectsWeightsWhoseDepthDiffersFromTheInput() {
    Tensor[] in = {outputShape(1, 4, 4, 2), Tensor.allocate("w", DataType.FLOAT32, Shape.of(2, 3, 3, 3)),
        Tensor.allocate("in", DataType.FLOAT32, Shape.of(1, 2, 2, 1))};
    TransposeConvFloat op = new TransposeConvFloat(new TransposeConvParams(Padding.SAME, 2, 2), POOL);
    assertThrows(OpPrepareException.class,
        () -> op.prepare(in, new Tensor[] {Tensor.allocate("o", DataType.FLOAT32, Shape.of(1))}));
  }
}
