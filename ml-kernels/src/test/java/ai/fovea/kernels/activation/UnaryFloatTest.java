package ai.fovea.kernels.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class UnaryFloatTest {
  private static final ComputePool POOL = new ComputePool(2);

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  private static float[] apply(UnaryFunction f, float alpha, float... x) {
    Op op = new UnaryFloat(f, alpha, POOL);
    Tensor in = Tensor.ofFloats("in", Shape.of(x.length), x);
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    op.prepare(new Tensor[] {in}, new Tensor[] {out});
    op.run(new Tensor[] {in}, new Tensor[] {out});
    return Arrays.copyOf(out.floats(), x.length);
  }

  @Test
  void hardSwishIsZeroBelowMinusThreeAndIdentityAboveThree() {
    assertArrayEquals(new float[] {-0f, -1f / 3, 0f, 2f / 3, 3f, 7f},
        apply(UnaryFunction.HARD_SWISH, 0f, -4f, -1f, 0f, 1f, 3f, 7f), 1e-7f);
  }

  @Test
  void eluUsesExpm1SoSmallNegativesKeepTheirPrecision() {
    float[] out = apply(UnaryFunction.ELU, 0f, -1e-6f, -1f, 2f);
    assertEquals(Math.expm1(-1e-6), out[0], 1e-13);
    assertEquals(Math.expm1(-1), out[1], 1e-7);
    assertEquals(2f, out[2]);
  }

  @Test
  void leakyReluKeepsPositivesAndScalesTheRest() {
    assertArrayEquals(new float[] {2f, 1f, -0f}, apply(UnaryFunction.LEAKY_RELU, -0.5f, 2f, -2f, 0f));
  }

  @Test
  void optimizedMatchesReferenceForEveryFunctionOnLargeTensors() {
    Random random = new Random(9);
    Tensor in = Tensor.allocate("in", DataType.FLOAT32, Shape.of(3, 200, 300));
    for (int i = 0; i < in.size(); i++) {
      in.floats()[i] = (float) random.nextGaussian() * 5;
    }
    for (UnaryFunction f : UnaryFunction.values()) {
      Op op = new UnaryFloat(f, 0.3f, POOL);
      Tensor fast = Tensor.allocate("f", DataType.FLOAT32, Shape.of(1));
      Tensor slow = Tensor.allocate("s", DataType.FLOAT32, Shape.of(1));
      op.prepare(new Tensor[] {in}, new Tensor[] {fast});
      op.run(new Tensor[] {in}, new Tensor[] {fast});
      op.prepare(new Tensor[] {in}, new Tensor[] {slow});
      op.runReference(new Tensor[] {in}, new Tensor[] {slow});
      assertArrayEquals(Arrays.copyOf(slow.floats(), in.size()), Arrays.copyOf(fast.floats(), in.size()), f.name());
    }
  }
}
