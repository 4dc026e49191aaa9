package ai.fovea.kernels.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.op.Padding;
import ai.fovea.kernels.op.ReferenceCheck;
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
  private static final ComputePool POOL = new ComputePool(3);
  private static final DataType[] TYPES = {DataType.FLOAT32, DataType.INT8, DataType.UINT8};

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  private static Tensor pool(Op op, Tensor in) {
    Tensor out = Tensor.allocate("out", in.dataType(), Shape.of(1), in.quantization());
    op.prepare(new Tensor[] {in}, new Tensor[] {out});
    op.run(new Tensor[] {in}, new Tensor[] {out});
    return out;
  }

  @Test
  void quantizedAverageRoundsHalfAwayFromZeroAndExcludesPadding() {
    // 1x1x2x1 input (-3, -4) with a 1x2 SAME window: the first output averages both (-3.5 -> -4), the second
    // sees only -4 (the padded tap is not counted).
    Quantization q = Quantization.perTensor(1f, 0);
    Tensor in = Tensor.ofBytes("in", DataType.INT8, Shape.of(1, 1, 2, 1), q, new byte[] {-3, -4});
    Tensor out = pool(new AveragePool2DInt8(new PoolParams(Padding.SAME, 1, 2, 1, 1, Activation.NONE), POOL), in);
    assertArrayEquals(new byte[] {-4, -4}, Arrays.copyOf(out.bytes(), 2));
  }

  @Test
  void paddingNeverWinsAMaximumOfNegativeValues() {
    Tensor in = Tensor.ofFloats("in", Shape.of(1, 2, 2, 1), new float[] {-5, -3, -2, -7});
    Tensor out = pool(new MaxPool2DFloat(new PoolParams(Padding.SAME, 3, 3, 1, 1, Activation.NONE), POOL), in);
    assertArrayEquals(new float[] {-2, -2, -2, -2}, Arrays.copyOf(out.floats(), 4));
  }

  @Test
  void uint8MaximumComparesUnsignedValues() {
    Quantization q = Quantization.perTensor(0.1f, 128);
    Tensor in = Tensor.ofBytes("in", DataType.UINT8, Shape.of(1, 1, 2, 1), q, new byte[] {(byte) 200, 100});
    Tensor out = pool(new MaxPool2DInt8(new PoolParams(Padding.VALID, 1, 2, 1, 1, Activation.NONE), POOL), in);
    assertEquals(200, out.bytes()[0] & 0xFF);
  }

  @Test
  void optimizedMatchesReferenceOverWindowsStridesPaddingsAndActivations() {
    Random r = new Random(2);
    int[][] windows = {{1, 1}, {2, 2}, {3, 3}, {3, 2}, {2, 5}, {5, 5}, {7, 7}};
    Activation[] acts = {Activation.NONE, Activation.RELU, Activation.RELU6, Activation.RELU_N1_TO_1};
    for (DataType type : TYPES) {
      Quantization q = type == DataType.FLOAT32 ? Quantization.none()
          : Quantization.perTensor(0.03f, type == DataType.UINT8 ? 140 : -7);
      Tensor in = ReferenceCheck.random(r, "in", type, Shape.of(2, 9, 11, 5), q);
      for (int[] window : windows) {
        for (int stride = 1; stride <= 3; stride++) {
          for (Padding padding : Padding.values()) {
            Activation act = acts[r.nextInt(acts.length)];
            PoolParams p = new PoolParams(padding, window[0], window[1], stride, stride == 3 ? 1 : stride, act);
            for (Op op : ops(type, p)) {
              ReferenceCheck.assertFormsAgree(op, new Tensor[] {in}, type, q, 1e-6, r, op.getClass().getSimpleName()
                  + " " + type + " " + Arrays.toString(window) + " s" + stride + " " + padding + " " + act);
            }
          }
        }
      }
    }
  }

  @Test
  void largeOverlappingWindowsMatchReferenceAcrossThreads() {
    // 13x13 at stride 1 takes the separable path; 3 threads split 2x20 output rows mid-image.
    Random r = new Random(5);
    for (DataType type : TYPES) {
      Quantization q = type == DataType.FLOAT32 ? Quantization.none() : Quantization.perTensor(0.05f, 3);
      Tensor in = ReferenceCheck.random(r, "in", type, Shape.of(2, 20, 17, 16), q);
      for (int[] window : new int[][] {{13, 13}, {5, 9}, {3, 3}}) {
        PoolParams p = new PoolParams(Padding.SAME, window[0], window[1], 1, 1, Activation.RELU6);
        for (Op op : ops(type, p)) {
          ReferenceCheck.assertFormsAgree(op, new Tensor[] {in}, type, q, 1e-6, r,
              op.getClass().getSimpleName() + " " + type + " " + Arrays.toString(window));
        }
      }
    }
  }

  private static Op[] ops(DataType type, PoolParams p) {
    return type == DataType.FLOAT32 ? new Op[] {new MaxPool2DFloat(p, POOL), new AveragePool2DFloat(p, POOL)}
        : new Op[] {new MaxPool2DInt8(p, POOL), new AveragePool2DInt8(p, POOL)};
  }

  @Test
  void rejectsQuantizedPoolingThatWouldNeedRequantization() {
    Tensor in = Tensor.allocate("in", DataType.INT8, Shape.of(1, 4, 4, 1), Quantization.perTensor(0.1f, 0));
    Tensor out = Tensor.allocate("out", DataType.INT8, Shape.of(1), Quantization.perTensor(0.2f, 0));
    Op max = new MaxPool2DInt8(new PoolParams(Padding.VALID, 2, 2, 2, 2, Activation.NONE), POOL);
    assertThrows(OpPrepareException.class, () -> max.prepare(new Tensor[] {in}, new Tensor[] {out}));
  }

  @Test
  void rejectsWindowsThatDoNotFitAndBadParameters() {
    Tensor in = Tensor.allocate("in", DataType.FLOAT32, Shape.of(1, 2, 2, 1));
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    Op avg = new AveragePool2DFloat(new PoolParams(Padding.VALID, 3, 3, 1, 1, Activation.NONE), POOL);
    assertThrows(OpPrepareException.class, () -> avg.prepare(new Tensor[] {in}, new Tensor[] {out}));
    assertThrows(IllegalArgumentException.class, () -> new PoolParams(Padding.VALID, 0, 3, 1, 1, Activation.NONE));
    assertThrows(IllegalArgumentException.class, () -> new PoolParams(Padding.VALID, 2, 2, 1, 1, Activation.TANH));
  }
}
