package ai.fovea.kernels.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

class PoolTest {
  private static final ComputePool POOL = new ComputePool(2);

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  @Test
  void quantizedAverageRoundsHalfAwayFromZeroAndExcludesPadding() {
    // 1x1x2x1 input (-3, -4) with a 1x2 SAME window: first output averages both (-3.5 -> -4),
    // the second sees only -4 (the padded tap is not counted).
    Quantization q = Quantization.perTensor(1f, 0);
    Tensor in = Tensor.ofBytes("in", DataType.INT8, Shape.of(1, 1, 2, 1), q, new byte[] {-3, -4});
    Tensor out = Tensor.allocate("out", DataType.INT8, Shape.of(1), q);
    Op avg = new AveragePool2D(new PoolParams(Padding.SAME, 1, 2, 1, 1, Activation.NONE), POOL);
    avg.prepare(new Tensor[] {in}, new Tensor[] {out});
    avg.run(new Tensor[] {in}, new Tensor[] {out});
    assertArrayEquals(new byte[] {-4, -4}, Arrays.copyOf(out.bytes(), 2));
  }

  @Test
  void optimizedMatchesReferenceForEveryType() {
    Random r = new Random(2);
    for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8, DataType.UINT8}) {
      for (Padding padding : Padding.values()) {
        PoolParams p = new PoolParams(padding, 3, 2, 2, 1, Activation.RELU6);
        Quantization q = type == DataType.FLOAT32 ? Quantization.none() : Quantization.perTensor(0.05f, 3);
        Tensor in = Tensor.allocate("in", type, Shape.of(2, 7, 6, 9), q);
        if (type == DataType.FLOAT32) {
          for (int i = 0; i < in.size(); i++) {
            in.floats()[i] = r.nextFloat() * 10 - 5;
          }
        } else {
          r.nextBytes(in.bytes());
        }
        for (Op op : new Op[] {new MaxPool2D(p, POOL), new AveragePool2D(p, POOL)}) {
          Tensor fast = Tensor.allocate("f", type, Shape.of(1), q);
          Tensor slow = Tensor.allocate("s", type, Shape.of(1), q);
          op.prepare(new Tensor[] {in}, new Tensor[] {fast});
          op.run(new Tensor[] {in}, new Tensor[] {fast});
          op.prepare(new Tensor[] {in}, new Tensor[] {slow});
          op.runReference(new Tensor[] {in}, new Tensor[] {slow});
          if (type == DataType.FLOAT32) {
            for (int i = 0; i < fast.size(); i++) {
              assertEquals(slow.floats()[i], fast.floats()[i], 1e-5);
            }
          } else {
            assertArrayEquals(Arrays.copyOf(slow.bytes(), slow.size()), Arrays.copyOf(fast.bytes(), fast.size()));
          }
        }
      }
    }
  }

  @Test
  void rejectsQuantizedPoolingThatWouldNeedRequantization() {
    Tensor in = Tensor.allocate("in", DataType.INT8, Shape.of(1, 4, 4, 1), Quantization.perTensor(0.1f, 0));
    Tensor out = Tensor.allocate("out", DataType.INT8, Shape.of(1), Quantization.perTensor(0.2f, 0));
    Op max = new MaxPool2D(new PoolParams(Padding.VALID, 2, 2, 2, 2, Activation.NONE), POOL);
    assertThrows(OpPrepareException.class, () -> max.prepare(new Tensor[] {in}, new Tensor[] {out}));
  }
}
