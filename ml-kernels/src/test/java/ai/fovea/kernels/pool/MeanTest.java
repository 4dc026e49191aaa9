package ai.fovea.kernels.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
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

class MeanTest {
  private static final ComputePool POOL = new ComputePool(3);

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  private static Tensor axes(int... axes) {
    return Tensor.ofInts("axes", Shape.of(axes.length), Quantization.none(), axes);
  }

  private static Tensor mean(Op op, Tensor in, Tensor axes, Quantization outQ) {
    Tensor out = Tensor.allocate("out", in.dataType(), Shape.of(1), outQ);
    op.prepare(new Tensor[] {in, axes}, new Tensor[] {out});
    op.run(new Tensor[] {in, axes}, new Tensor[] {out});
    return out;
  }

  @Test
  void averagesTheSpatialAxesOfNhwcKeepingDims() {
    Tensor in = Tensor.ofFloats("in", Shape.of(1, 2, 2, 2), new float[] {1, 10, 2, 20, 3, 30, 4, 40});
    Tensor out = mean(new MeanFloat(new MeanParams(true), POOL), in, axes(1, 2), Quantization.none());
    assertEquals(Shape.of(1, 1, 1, 2), out.shape());
    assertArrayEquals(new float[] {2.5f, 25f}, Arrays.copyOf(out.floats(), 2));
  }

  @Test
  void dropsReducedAxesAndIgnoresRepeatsAndNegativeSpellings() {
    Tensor in = Tensor.ofFloats("in", Shape.of(2, 3), new float[] {1, 2, 3, 4, 5, 6});
    Tensor out = mean(new MeanFloat(new MeanParams(false), POOL), in, axes(-1, 1), Quantization.none());
    assertEquals(Shape.of(2), out.shape());
    assertArrayEquals(new float[] {2, 5}, Arrays.copyOf(out.floats(), 2));
  }

  @Test
  void int8MeanWithSharedQuantizationTruncatesTowardZero() {
    Quantization q = Quantization.perTensor(0.5f, 0);
    Tensor in = Tensor.ofBytes("in", DataType.INT8, Shape.of(1, 2), q, new byte[] {-1, -2});
    Tensor out = mean(new MeanInt8(new MeanParams(false), POOL), in, axes(1), q);
    assertEquals(-1, out.bytes()[0]);
  }

  @Test
  void int8RequantizingMeanRoundsHalfAwayFromZero() {
    // Mean -0.5 into an output with another zero point: -0.5 rounds to -1, then the zero point 1 gives 0 (the
    // truncating division used when quantizations match would give 0 + 1).
    Tensor in = Tensor.ofBytes("in", DataType.INT8, Shape.of(1, 2), Quantization.perTensor(1f, 0), new byte[] {0, -1});
    Tensor out = mean(new MeanInt8(new MeanParams(false), POOL), in, axes(1), Quantization.perTensor(1f, 1));
    assertEquals(0, out.bytes()[0]);
  }

  @Test
  void int8SpatialMeanDividesTheRescaledSumWithRounding() {
    // Centred sum -3 over 2 taps, same scale: -1.5 rounds away from zero to -2 (truncation would give -1).
    Quantization q = Quantization.perTensor(0.5f, 1);
    Tensor in = Tensor.ofBytes("in", DataType.INT8, Shape.of(1, 1, 2, 1), q, new byte[] {0, -1});
    Tensor out = mean(new MeanInt8(new MeanParams(true), POOL), in, axes(2, 1), q);
    assertEquals(-2 + 1, out.bytes()[0]);
  }

  @Test
  void optimizedMatchesReferenceOverAxesShapesAndQuantizations() {
    Random r = new Random(11);
    for (int trial = 0; trial < 300; trial++) {
      int rank = 1 + r.nextInt(5);
      int[] dims = new int[rank];
      for (int i = 0; i < rank; i++) {
        dims[i] = 1 + r.nextInt(r.nextInt(4) == 0 ? 1 : 6);
      }
      int[] axes = new int[r.nextInt(rank + 2)];
      for (int i = 0; i < axes.length; i++) {
        axes[i] = r.nextInt(2 * rank) - rank;
      }
      check(r, Shape.of(dims), axes, r.nextBoolean(), "trial " + trial);
    }
    check(r, Shape.of(2, 40, 40, 24), new int[] {1, 2}, true, "spatial, parallel over channels");
    check(r, Shape.of(3, 40, 40, 24), new int[] {1, 2}, false, "spatial without keep_dims");
    check(r, Shape.of(300, 200), new int[] {1}, false, "last axis, parallel over rows");
    check(r, Shape.of(40, 30, 50), new int[] {0, 2}, true, "outer and inner axes");
  }

  private static void check(Random r, Shape shape, int[] axes, boolean keepDims, String what) {
    MeanParams p = new MeanParams(keepDims);
    Tensor axesTensor = axes(axes);
    Tensor f = ReferenceCheck.random(r, "in", DataType.FLOAT32, shape, Quantization.none());
    ReferenceCheck.assertFormsAgree(new MeanFloat(p, POOL), new Tensor[] {f, axesTensor}, DataType.FLOAT32,
        Quantization.none(), 1e-5, r, what + " float " + shape + Arrays.toString(axes) + " keep " + keepDims);
    for (DataType type : new DataType[] {DataType.INT8, DataType.UINT8}) {
      int zp = type == DataType.UINT8 ? 128 : 0;
      Quantization qi = Quantization.perTensor(0.02f, zp + r.nextInt(21) - 10);
      Quantization[] outputs = {qi, Quantization.perTensor(0.015f + r.nextFloat() * 0.03f, zp + r.nextInt(41) - 20)};
      Tensor in = ReferenceCheck.random(r, "in", type, shape, qi);
      for (Quantization qo : outputs) {
        ReferenceCheck.assertFormsAgree(new MeanInt8(p, POOL), new Tensor[] {in, axesTensor}, type, qo, 0, r,
            what + " " + type + " " + shape + Arrays.toString(axes) + " keep " + keepDims + " out " + qo);
      }
    }
  }

  @Test
  void emptyInputGivesNaN() {
    Tensor in = Tensor.allocate("in", DataType.FLOAT32, Shape.of(2, 0));
    Tensor out = mean(new MeanFloat(new MeanParams(false), POOL), in, axes(1), Quantization.none());
    assertEquals(Shape.of(2), out.shape());
    assertEquals(Float.NaN, out.floats()[1]);
  }

  @Test
  void rejectsAxesOutOfRangeOrNotInt32() {
    Tensor in = Tensor.allocate("in", DataType.FLOAT32, Shape.of(2, 3));
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    Op op = new MeanFloat(new MeanParams(false), POOL);
    assertThrows(OpPrepareException.class, () -> op.prepare(new Tensor[] {in, axes(2)}, new Tensor[] {out}));
    Tensor longAxes = Tensor.ofLongs("axes", Shape.of(1), new long[] {1});
    assertThrows(OpPrepareException.class, () -> op.prepare(new Tensor[] {in, longAxes}, new Tensor[] {out}));
  }
}
