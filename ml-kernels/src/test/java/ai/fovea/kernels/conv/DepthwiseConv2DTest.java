package ai.fovea.kernels.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.op.Activation;
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

class DepthwiseConv2DTest {
  private static final ComputePool POOL = new ComputePool(3);

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  private static DepthwiseParams params(Padding padding, int stride, int dilation, Activation act, int mult) {
    return new DepthwiseParams(new ConvParams(padding, stride, stride, dilation, dilation, act), mult);
  }

  @Test
  void eachChannelSeesOnlyItsOwnInputChannel() {
    // 1x1x1x2 input (3, 5), multiplier 2, 1x1 filter (1, 2, 10, 20): outputs 3, 6, 50, 100.
    Tensor in = Tensor.ofFloats("in", Shape.of(1, 1, 1, 2), new float[] {3, 5});
    Tensor w = Tensor.ofFloats("w", Shape.of(1, 1, 1, 4), new float[] {1, 2, 10, 20});
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    DepthwiseConv2DFloat dw = new DepthwiseConv2DFloat(params(Padding.VALID, 1, 1, Activation.NONE, 2), POOL);
    dw.prepare(new Tensor[] {in, w}, new Tensor[] {out});
    dw.run(new Tensor[] {in, w}, new Tensor[] {out});
    assertArrayEquals(new float[] {3, 6, 50, 100}, Arrays.copyOf(out.floats(), 4));
  }

  @Test
  void samePaddingLeavesOutTheTapsOutsideTheImage() {
    // 3x3 single-channel input 1..9, 3x3 filter of ones, bias 0.5: each output is the sum of its in-image 3x3
    // neighbourhood plus 0.5 (corner 1+2+4+5 = 12, centre 45).
    float[] ones = new float[9];
    Arrays.fill(ones, 1f);
    Tensor[] in = {Tensor.ofFloats("in", Shape.of(1, 3, 3, 1), new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}),
        Tensor.ofFloats("w", Shape.of(1, 3, 3, 1), ones), Tensor.ofFloats("b", Shape.of(1), new float[] {0.5f})};
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    DepthwiseConv2DFloat dw = new DepthwiseConv2DFloat(params(Padding.SAME, 1, 1, Activation.NONE, 1), POOL);
    dw.prepare(in, new Tensor[] {out});
    dw.run(in, new Tensor[] {out});
    assertArrayEquals(new float[] {12.5f, 21.5f, 16.5f, 27.5f, 45.5f, 33.5f, 24.5f, 39.5f, 28.5f},
        Arrays.copyOf(out.floats(), 9));
  }

  @Test
  void int8AccumulatesAroundTheInputZeroPointAndRoundsTwice() {
    // One pixel, one channel: x = 10 with zero point 4, w = 3, bias 2 → acc = (10 - 4) * 3 + 2 = 20. Scales 0.5,
    // 0.25 and output 0.75 give a multiplier of 1/6: 20 / 6 = 3.33 → 3, plus output zero point -1 → 2.
    Tensor[] in = {
        Tensor.ofBytes("in", DataType.INT8, Shape.of(1, 1, 1, 1), Quantization.perTensor(0.5f, 4), new byte[] {10}),
        Tensor.ofBytes("w", DataType.INT8, Shape.of(1, 1, 1, 1), Quantization.perTensor(0.25f, 0), new byte[] {3}),
        Tensor.ofInts("b", Shape.of(1), Quantization.none(), new int[] {2})};
    Tensor out = Tensor.allocate("out", DataType.INT8, Shape.of(1), Quantization.perTensor(0.75f, -1));
    DepthwiseConv2DInt8 dw = new DepthwiseConv2DInt8(params(Padding.VALID, 1, 1, Activation.NONE, 1), POOL);
    dw.prepare(in, new Tensor[] {out});
    dw.run(in, new Tensor[] {out});
    assertEquals(2, out.bytes()[0]);
  }

  @Test
  void uint8SubtractsTheFilterZeroPointToo() {
    // x = 200 (zero point 128), w = 100 (zero point 98): acc = 72 * 2 = 144; multiplier 0.5 → 72, + 10 = 82.
    Tensor[] in = {
        Tensor.ofBytes("in", DataType.UINT8, Shape.of(1, 1, 1, 1), Quantization.perTensor(0.5f, 128),
            new byte[] {(byte) 200}),
        Tensor.ofBytes("w", DataType.UINT8, Shape.of(1, 1, 1, 1), Quantization.perTensor(0.5f, 98),
            new byte[] {100})};
    Tensor out = Tensor.allocate("out", DataType.UINT8, Shape.of(1), Quantization.perTensor(0.5f, 10));
    DepthwiseConv2DInt8 dw = new DepthwiseConv2DInt8(params(Padding.VALID, 1, 1, Activation.NONE, 1), POOL);
    dw.prepare(in, new Tensor[] {out});
    dw.run(in, new Tensor[] {out});
    assertEquals(82, out.bytes()[0] & 0xFF);
  }

  @Test
  void optimizedMatchesReferenceAcrossTheParameterSpace() {
    Random r = new Random(5);
    int[][] kernels = {{3, 3}, {5, 5}, {1, 1}, {2, 3}};
    int cases = 0;
    for (int[] k : kernels) {
      for (int mult = 1; mult <= 3; mult += 2) {
        for (int stride = 1; stride <= 2; stride++) {
          for (int dilation = 1; dilation <= 2; dilation++) {
            for (Padding padding : Padding.values()) {
              Activation act = Activation.values()[cases % 4];
              DepthwiseParams p = params(padding, stride, dilation, act, mult);
              int inC = 3 + cases % 5;
              Shape inShape = Shape.of(1 + cases % 2, 7 + cases % 4, 6 + cases % 3, inC);
              int extent = (Math.max(k[0], k[1]) - 1) * dilation + 1;
              if (padding == Padding.VALID && extent > Math.min(inShape.dim(1), inShape.dim(2))) {
                continue;
              }
              checkFloat(r, p, inShape, Shape.of(1, k[0], k[1], inC * mult), cases % 3 != 0);
              checkQuantized(r, p, inShape, Shape.of(1, k[0], k[1], inC * mult), cases % 3 != 1, cases % 2 == 0,
                  DataType.INT8);
              checkQuantized(r, p, inShape, Shape.of(1, k[0], k[1], inC * mult), true, false, DataType.UINT8);
              cases++;
            }
          }
        }
      }
    }
    assertTrue(cases > 50, "cases run: " + cases);
  }

  @Test
  void wideRowsSplitIntoSeveralSegments() {
    // 256 channels make segments of 4 pixels, so a 9-pixel row has three (4, 4, 1), with padding in the first
    // and last.
    Random r = new Random(9);
    for (int stride = 1; stride <= 2; stride++) {
      DepthwiseParams p = params(Padding.SAME, stride, 1, Activation.RELU6, 1);
      checkFloat(r, p, Shape.of(1, 5, 9, 256), Shape.of(1, 3, 3, 256), true);
      checkQuantized(r, p, Shape.of(1, 5, 9, 256), Shape.of(1, 3, 3, 256), true, true, DataType.INT8);
    }
  }

  private static void checkFloat(Random r, DepthwiseParams p, Shape inShape, Shape wShape, boolean bias) {
    int outC = wShape.dim(3);
    Tensor[] in = bias
        ? new Tensor[] {KernelFixtures.floats(r, "in", inShape), KernelFixtures.floats(r, "w", wShape),
            KernelFixtures.floats(r, "b", Shape.of(outC))}
        : new Tensor[] {KernelFixtures.floats(r, "in", inShape), KernelFixtures.floats(r, "w", wShape)};
    Tensor fast = Tensor.allocate("f", DataType.FLOAT32, Shape.of(1));
    Tensor slow = Tensor.allocate("s", DataType.FLOAT32, Shape.of(1));
    runBoth(new DepthwiseConv2DFloat(p, POOL), in, fast, slow);
    for (int i = 0; i < slow.size(); i++) {
      assertEquals(slow.floats()[i], fast.floats()[i], 0f, p + " " + inShape + " at " + i);
    }
  }

  private static void checkQuantized(Random r, DepthwiseParams p, Shape inShape, Shape wShape, boolean bias,
      boolean perChannel, DataType type) {
    int outC = wShape.dim(3);
    Quantization qw = type == DataType.UINT8 ? Quantization.perTensor(0.004f, 100 + r.nextInt(50))
        : perChannel ? KernelFixtures.perChannel(r, outC, 3) : Quantization.perTensor(0.006f, 0);
    Tensor input = bytes(r, "in", type, inShape, Quantization.perTensor(0.03f, type == DataType.UINT8 ? 131 : -4));
    Tensor filter = bytes(r, "w", type, wShape, qw);
    Tensor[] in = bias ? new Tensor[] {input, filter, KernelFixtures.bias(r, outC)} : new Tensor[] {input, filter};
    Quantization qOut = Quantization.perTensor(0.02f, type == DataType.UINT8 ? 120 : 3);
    Tensor fast = Tensor.allocate("f", type, Shape.of(1), qOut);
    Tensor slow = Tensor.allocate("s", type, Shape.of(1), qOut);
    runBoth(new DepthwiseConv2DInt8(p, POOL), in, fast, slow);
    assertArrayEquals(Arrays.copyOf(slow.bytes(), slow.size()), Arrays.copyOf(fast.bytes(), fast.size()),
        type + " " + p + " " + inShape + (perChannel ? " per-channel" : ""));
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
  void rejectsAFilterThatDoesNotMatchChannelsTimesMultiplier() {
    Tensor in = Tensor.allocate("in", DataType.FLOAT32, Shape.of(1, 4, 4, 3));
    Tensor w = Tensor.allocate("w", DataType.FLOAT32, Shape.of(1, 3, 3, 5));
    DepthwiseConv2DFloat dw = new DepthwiseConv2DFloat(params(Padding.SAME, 1, 1, Activation.NONE, 2), POOL);
    assertThrows(OpPrepareException.class,
        () -> dw.prepare(new Tensor[] {in, w}, new Tensor[] {Tensor.allocate("o", DataType.FLOAT32, Shape.of(1))}));
  }

  @Test
  void rejectsPerChannelUint8Filters() {
    Tensor in = Tensor.allocate("in", DataType.UINT8, Shape.of(1, 4, 4, 2), Quantization.perTensor(0.1f, 128));
    Tensor w = Tensor.allocate("w", DataType.UINT8, Shape.of(1, 3, 3, 2),
        Quantization.perChannel(3, new float[] {0.1f, 0.2f}, new int[] {128, 128}));
    Tensor out = Tensor.allocate("o", DataType.UINT8, Shape.of(1), Quantization.perTensor(0.1f, 128));
    DepthwiseConv2DInt8 dw = new DepthwiseConv2DInt8(params(Padding.SAME, 1, 1, Activation.NONE, 1), POOL);
    assertThrows(OpPrepareException.class, () -> dw.prepare(new Tensor[] {in, w}, new Tensor[] {out}));
  }

  @Test
  void rejectsANonClampFusedActivation() {
    Tensor in = Tensor.allocate("in", DataType.FLOAT32, Shape.of(1, 4, 4, 2));
    Tensor w = Tensor.allocate("w", DataType.FLOAT32, Shape.of(1, 3, 3, 2));
    DepthwiseConv2DFloat dw = new DepthwiseConv2DFloat(params(Padding.SAME, 1, 1, Activation.TANH, 1), POOL);
    assertThrows(OpPrepareException.class,
        () -> dw.prepare(new Tensor[] {in, w}, new Tensor[] {Tensor.allocate("o", DataType.FLOAT32, Shape.of(1))}));
  }
}
