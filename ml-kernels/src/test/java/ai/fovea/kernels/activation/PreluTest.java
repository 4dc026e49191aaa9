package ai.fovea.kernels.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.Op;
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

class PreluTest {
  private static final ComputePool POOL = new ComputePool(2);

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  private static Tensor run(Op op, Tensor in, Tensor alpha, Tensor out) {
    op.prepare(new Tensor[] {in, alpha}, new Tensor[] {out});
    op.run(new Tensor[] {in, alpha}, new Tensor[] {out});
    return out;
  }

  @Test
  void scalesNegativeValuesByTheirChannelsSlope() {
    Tensor in = Tensor.ofFloats("in", Shape.of(2, 2), new float[] {-2, 3, -1, 0});
    Tensor alpha = Tensor.ofFloats("alpha", Shape.of(2), new float[] {0.5f, 0.25f});
    Tensor out = run(new Prelu(POOL), in, alpha, Tensor.allocate("out", DataType.FLOAT32, Shape.of(1)));
    assertArrayEquals(new float[] {-1, 3, -0.5f, 0}, Arrays.copyOf(out.floats(), 4));
  }

  @Test
  void quantizedUsesTheIdentityAndSlopeMultipliers() {
    // Reals -2, 3, -1, 0 at scale 0.5; slopes 0.5, 0.25 at scale 0.25; output scale 0.25: the identity multiplier is
    // 2 and the slope multiplier 0.5 (applied to input times alpha, both centred).
    Tensor in = Tensor.ofBytes("in", DataType.INT8, Shape.of(2, 2), Quantization.perTensor(0.5f, 0),
        new byte[] {-4, 6, -2, 0});
    Tensor alpha = Tensor.ofBytes("alpha", DataType.INT8, Shape.of(2), Quantization.perTensor(0.25f, 0),
        new byte[] {2, 1});
    Tensor out = run(new Prelu(POOL), in, alpha,
        Tensor.allocate("out", DataType.INT8, Shape.of(1), Quantization.perTensor(0.25f, 0)));
    assertArrayEquals(new byte[] {-4, 12, -2, 0}, Arrays.copyOf(out.bytes(), 4));
  }

  @Test
  void optimizedMatchesReferenceForEveryTypeAndAlphaBroadcast() {
    Random random = new Random(3);
    for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8, DataType.UINT8}) {
      for (Shape input : new Shape[] {Shape.of(2, 5, 7, 6), Shape.of(2, 50, 70, 6)}) {
        int n = input.dim(0);
        int h = input.dim(1);
        int w = input.dim(2);
        int c = input.dim(3);
        Shape[] alphas = {Shape.of(c), Shape.of(1, 1, c), Shape.of(h, w, c), Shape.of(h, 1, c), Shape.of(1), input,
            Shape.of(n, 1, 1, 1), Shape.of(w, 1)};
        for (Shape alphaShape : alphas) {
          Tensor in = random(type, input, 0.05f, random);
          Tensor alpha = random(type, alphaShape, 0.02f, random);
          Quantization qout = type == DataType.FLOAT32 ? Quantization.none()
              : Quantization.perTensor(0.04f, type == DataType.UINT8 ? 125 : -3);
          Op op = new Prelu(POOL);
          Tensor fast = run(op, in, alpha, Tensor.allocate("f", type, Shape.of(1), qout));
          Tensor slow = Tensor.allocate("s", type, Shape.of(1), qout);
          op.prepare(new Tensor[] {in, alpha}, new Tensor[] {slow});
          op.runReference(new Tensor[] {in, alpha}, new Tensor[] {slow});
          String what = type + " " + input + " alpha " + alphaShape;
          if (type == DataType.FLOAT32) {
            assertArrayEquals(Arrays.copyOf(slow.floats(), in.size()), Arrays.copyOf(fast.floats(), in.size()), what);
          } else {
            assertArrayEquals(Arrays.copyOf(slow.bytes(), in.size()), Arrays.copyOf(fast.bytes(), in.size()), what);
          }
        }
      }
    }
  }

  private static Tensor random(DataType type, Shape shape, float scale, Random random) {
    Quantization q = type == DataType.FLOAT32 ? Quantization.none()
        : Quantization.perTensor(scale, type == DataType.UINT8 ? 130 : 4);
    Tensor t = Tensor.allocate("t", type, shape, q);
    if (type == DataType.FLOAT32) {
      for (int i = 0; i < t.size(); i++) {
        t.floats()[i] = (float) random.nextGaussian();
      }
    } else {
      random.nextBytes(t.bytes());
    }
    return t;
  }

  @Test
  void rejectsAlphaThatWouldGrowTheOutputOrTypesThatDiffer() {
    Op op = new Prelu(POOL);
    Tensor in = Tensor.allocate("in", DataType.FLOAT32, Shape.of(4, 3));
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    Tensor wide = Tensor.allocate("alpha", DataType.FLOAT32, Shape.of(2, 4, 3));
    assertThrows(OpPrepareException.class, () -> op.prepare(new Tensor[] {in, wide}, new Tensor[] {out}));
    Tensor int8 = Tensor.allocate("alpha", DataType.INT8, Shape.of(3), Quantization.perTensor(0.1f, 0));
    assertThrows(OpPrepareException.class, () -> op.prepare(new Tensor[] {in, int8}, new Tensor[] {out}));
  }

  @Test
  void quantizedBroadcastIsLimitedToFourDimensionsLikeTflite() {
    Quantization q = Quantization.perTensor(0.1f, 0);
    Shape five = Shape.of(1, 2, 1, 4, 3);
    Tensor in = Tensor.allocate("in", DataType.INT8, five, q);
    Tensor out = Tensor.allocate("out", DataType.INT8, Shape.of(1), q);
    Op op = new Prelu(POOL);
    Tensor perChannel = Tensor.allocate("alpha", DataType.INT8, Shape.of(3), q);
    assertThrows(OpPrepareException.class, () -> op.prepare(new Tensor[] {in, perChannel}, new Tensor[] {out}));
    op.prepare(new Tensor[] {in, Tensor.allocate("alpha", DataType.INT8, five, q)}, new Tensor[] {out});
    Tensor floatIn = Tensor.allocate("in", DataType.FLOAT32, five);
    op.prepare(new Tensor[] {floatIn, Tensor.allocate("alpha", DataType.FLOAT32, Shape.of(3))},
        new Tensor[] {Tensor.allocate("out", DataType.FLOAT32, Shape.of(1))});
  }
}
