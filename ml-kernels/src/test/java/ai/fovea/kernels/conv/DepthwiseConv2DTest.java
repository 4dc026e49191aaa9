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

class DepthwiseConv2DTest {
  private static final ComputePool POOL = new ComputePool(2);

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  @Test
  void eachChannelSeesOnlyItsOwnInputChannel() {
    // 1x1x1x2 input (3, 5), multiplier 2, 1x1 filter (1, 2, 10, 20): outputs 3, 6, 50, 100.
    Tensor in = Tensor.ofFloats("in", Shape.of(1, 1, 1, 2), new float[] {3, 5});
    Tensor w = Tensor.ofFloats("w", Shape.of(1, 1, 1, 4), new float[] {1, 2, 10, 20});
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    DepthwiseConv2DFloat dw = new DepthwiseConv2DFloat(
        new DepthwiseParams(new ConvParams(Padding.VALID, 1, 1, 1, 1, Activation.NONE), 2), POOL);
    dw.prepare(new Tensor[] {in, w}, new Tensor[] {out});
    dw.run(new Tensor[] {in, w}, new Tensor[] {out});
    assertArrayEquals(new float[] {3, 6, 50, 100}, Arrays.copyOf(out.floats(), 4));
  }

  @Test
  void optimizedMatchesReference() {
    Random r = new Random(5);
    for (int mult = 1; mult <= 3; mult++) {
      for (int stride = 1; stride <= 2; stride++) {
        for (Padding padding : Padding.values()) {
          DepthwiseParams p = new DepthwiseParams(new ConvParams(padding, stride, stride, 3 - stride, 3 - stride,
              Activation.RELU), mult);
          int outC = 7 * mult;
          Shape inShape = Shape.of(2, 9, 8, 7);
          Shape wShape = Shape.of(1, 3, 3, outC);
          Tensor[] fin = {KernelFixtures.floats(r, "in", inShape), KernelFixtures.floats(r, "w", wShape),
              KernelFixtures.floats(r, "b", Shape.of(outC))};
          Tensor fast = Tensor.allocate("f", DataType.FLOAT32, Shape.of(1));
          Tensor slow = Tensor.allocate("s", DataType.FLOAT32, Shape.of(1));
          DepthwiseConv2DFloat f = new DepthwiseConv2DFloat(p, POOL);
          f.prepare(fin, new Tensor[] {fast});
          f.run(fin, new Tensor[] {fast});
          f.prepare(fin, new Tensor[] {slow});
          f.runReference(fin, new Tensor[] {slow});
          for (int i = 0; i < fast.size(); i++) {
            assertEquals(slow.floats()[i], fast.floats()[i], 1e-5, p + " at " + i);
          }
          Tensor[] qin = {KernelFixtures.int8(r, "in", inShape, Quantization.perTensor(0.03f, -4)),
              KernelFixtures.int8(r, "w", wShape, KernelFixtures.perChannel(r, outC, 3)), KernelFixtures.bias(r, outC)};
          Quantization qOut = Quantization.perTensor(0.02f, 3);
          Tensor qFast = Tensor.allocate("f", DataType.INT8, Shape.of(1), qOut);
          Tensor qSlow = Tensor.allocate("s", DataType.INT8, Shape.of(1), qOut);
          DepthwiseConv2DInt8 q = new DepthwiseConv2DInt8(p, POOL);
          q.prepare(qin, new Tensor[] {qFast});
          q.run(qin, new Tensor[] {qFast});
          q.prepare(qin, new Tensor[] {qSlow});
          q.runReference(qin, new Tensor[] {qSlow});
          assertArrayEquals(Arrays.copyOf(qSlow.bytes(), qSlow.size()), Arrays.copyOf(qFast.bytes(), qFast.size()),
              p.toString());
        }
      }
    }
  }

  @Test
  void rejectsAFilterThatDoesNotMatchChannelsTimesMultiplier() {
    Tensor in = Tensor.allocate("in", DataType.FLOAT32, Shape.of(1, 4, 4, 3));
    Tensor w = Tensor.allocate("w", DataType.FLOAT32, Shape.of(1, 3, 3, 5));
    DepthwiseConv2DFloat dw = new DepthwiseConv2DFloat(
        new DepthwiseParams(new ConvParams(Padding.SAME, 1, 1, 1, 1, Activation.NONE), 2), POOL);
    assertThrows(OpPrepareException.class,
        () -> dw.prepare(new Tensor[] {in, w}, new Tensor[] {Tensor.allocate("o", DataType.FLOAT32, Shape.of(1))}));
  }
}
