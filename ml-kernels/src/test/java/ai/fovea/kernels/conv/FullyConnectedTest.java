package ai.fovea.kernels.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class FullyConnectedTest {
  private static final ComputePool POOL = new ComputePool(2);

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  @Test
  void flattensLeadingDimsOrKeepsThem() {
    Tensor in = Tensor.allocate("in", DataType.FLOAT32, Shape.of(2, 3, 4));
    Tensor w = Tensor.allocate("w", DataType.FLOAT32, Shape.of(5, 4));
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    new FullyConnectedFloat(new FullyConnectedParams(Activation.NONE, false), POOL)
        .prepare(new Tensor[] {in, w}, new Tensor[] {out});
    assertEquals(Shape.of(6, 5), out.shape());
    new FullyConnectedFloat(new FullyConnectedParams(Activation.NONE, true), POOL)
        .prepare(new Tensor[] {in, w}, new Tensor[] {out});
    assertEquals(Shape.of(2, 3, 5), out.shape());
  }

  @Test
  void optimizedMatchesReference() {
    Random r = new Random(8);
    for (int[] bdu : new int[][] {{1, 1000, 300}, {3, 17, 5}, {4, 64, 129}}) {
      FullyConnectedParams p = new FullyConnectedParams(Activation.RELU6, false);
      Shape inShape = Shape.of(bdu[0], bdu[1]);
      Shape wShape = Shape.of(bdu[2], bdu[1]);
      Tensor[] fin = {KernelFixtures.floats(r, "in", inShape), KernelFixtures.floats(r, "w", wShape),
          KernelFixtures.floats(r, "b", Shape.of(bdu[2]))};
      Tensor fast = Tensor.allocate("f", DataType.FLOAT32, Shape.of(1));
      Tensor slow = Tensor.allocate("s", DataType.FLOAT32, Shape.of(1));
      FullyConnectedFloat f = new FullyConnectedFloat(p, POOL);
      f.prepare(fin, new Tensor[] {fast});
      f.run(fin, new Tensor[] {fast});
      f.prepare(fin, new Tensor[] {slow});
      f.runReference(fin, new Tensor[] {slow});
      for (int i = 0; i < fast.size(); i++) {
        assertEquals(slow.floats()[i], fast.floats()[i], 1e-4, "at " + i);
      }
      Tensor[] qin = {KernelFixtures.int8(r, "in", inShape, Quantization.perTensor(0.03f, 9)),
          KernelFixtures.int8(r, "w", wShape, Quantization.perTensor(0.004f, 0)), KernelFixtures.bias(r, bdu[2])};
      Quantization qOut = Quantization.perTensor(0.3f, -2);
      Tensor qFast = Tensor.allocate("f", DataType.INT8, Shape.of(1), qOut);
      Tensor qSlow = Tensor.allocate("s", DataType.INT8, Shape.of(1), qOut);
      FullyConnectedInt8 q = new FullyConnectedInt8(p, POOL);
      q.prepare(qin, new Tensor[] {qFast});
      q.run(qin, new Tensor[] {qFast});
      q.prepare(qin, new Tensor[] {qSlow});
      q.runReference(qin, new Tensor[] {qSlow});
      assertArrayEquals(Arrays.copyOf(qSlow.bytes(), qSlow.size()), Arrays.copyOf(qFast.bytes(), qFast.size()));
      Tensor[] uin = {KernelFixtures.uint8(r, "in", inShape, Quantization.perTensor(0.03f, 130)),
          KernelFixtures.uint8(r, "w", wShape, Quantization.perTensor(0.004f, 119)), KernelFixtures.bias(r, bdu[2])};
      Quantization uOut = Quantization.perTensor(0.3f, 127);
      Tensor uFast = Tensor.allocate("f", DataType.UINT8, Shape.of(1), uOut);
      Tensor uSlow = Tensor.allocate("s", DataType.UINT8, Shape.of(1), uOut);
      FullyConnectedInt8 u = new FullyConnectedInt8(p, POOL);
      u.prepare(uin, new Tensor[] {uFast});
      u.run(uin, new Tensor[] {uFast});
      u.prepare(uin, new Tensor[] {uSlow});
      u.runReference(uin, new Tensor[] {uSlow});
      assertArrayEquals(Arrays.copyOf(uSlow.bytes(), uSlow.size()), Arrays.copyOf(uFast.bytes(), uFast.size()));
    }
  }

  @Test
  void rejectsPerChannelInt8FiltersLikeTflite26() {
    Random r = new Random(1);
    Tensor in = KernelFixtures.int8(r, "in", Shape.of(1, 4), Quantization.perTensor(0.1f, 0));
    Tensor w = KernelFixtures.int8(r, "w", Shape.of(3, 4), KernelFixtures.perChannel(r, 3, 0));
    Tensor out = Tensor.allocate("out", DataType.INT8, Shape.of(1), Quantization.perTensor(0.1f, 0));
    assertThrows(OpPrepareException.class, () -> new FullyConnectedInt8(
        new FullyConnectedParams(Activation.NONE, false), POOL).prepare(new Tensor[] {in, w}, new Tensor[] {out}));
  }
}
