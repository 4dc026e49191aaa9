package ai.fovea.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ResizeNearestNeighborTest {
  private static final ComputePool POOL = new ComputePool(3);
  private static final DataType[] TYPES = {DataType.FLOAT32, DataType.INT8, DataType.UINT8};
  private final Random random = new Random(41);

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  @Test
  void optimizedMatchesReferenceOverTypesSizesAndOptions() {
    for (int trial = 0; trial < 300; trial++) {
      DataType type = TYPES[trial % TYPES.length];
      ResizeParams params = ResizeParams.of(random.nextBoolean(), random.nextBoolean());
      Shape shape = Shape.of(1 + random.nextInt(2), 1 + random.nextInt(6), 1 + random.nextInt(6), 1 + random.nextInt(4));
      int outHeight = 1 + random.nextInt(14);
      int outWidth = 1 + random.nextInt(14);
      Tensor[] inputs = {RandomTensors.of("in", type, shape, random), RandomTensors.ints("size", outHeight, outWidth)};
      RandomTensors.assertFormsAgree(new ResizeNearestNeighbor(params, POOL), inputs,
          shape.dim(0) * outHeight * outWidth * shape.dim(3), random, type + " " + shape + " -> " + outHeight + "x" + outWidth);
    }
  }

  @Test
  void uint8WithoutOptionsPicksPixelsByTflitesFixedPointRule() {
    // Width 2 -> 82: output 41 samples 41 * (2/82f) = 0.99999994 under the float rule (pixel 0), but
    // (41 * ((2 << 16) / 82 + 1)) >> 16 = 1 under the fixed-point rule of TFLite's optimized uint8 kernel.
    byte[] values = {10, 20};
    Quantization q = Quantization.perTensor(1f, 0);
    assertEquals(20, resizedAt41(Tensor.ofBytes("u", DataType.UINT8, Shape.of(1, 1, 2, 1), q, values)));
    assertEquals(10, resizedAt41(Tensor.ofBytes("s", DataType.INT8, Shape.of(1, 1, 2, 1), q, values)));
  }

  private static int resizedAt41(Tensor in) {
    Tensor out = Tensor.allocate("out", in.dataType(), Shape.of(1), in.quantization());
    Tensor[] inputs = {in, RandomTensors.ints("size", 1, 82)};
    ResizeNearestNeighbor op = new ResizeNearestNeighbor(ResizeParams.of(false, false), POOL);
    op.prepare(inputs, new Tensor[] {out});
    op.run(inputs, new Tensor[] {out});
    return out.bytes()[41];
  }

  @Test
  void alignedCornersRoundToTheNearestSourcePixel() {
    Tensor in = Tensor.ofFloats("in", Shape.of(1, 1, 3, 1), new float[] {1, 2, 3});
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    Tensor[] inputs = {in, RandomTensors.ints("size", 1, 5)};
    ResizeNearestNeighbor op = new ResizeNearestNeighbor(ResizeParams.of(true, false), POOL);
    op.prepare(inputs, new Tensor[] {out});
    op.run(inputs, new Tensor[] {out});
    // Positions 0, 0.5, 1, 1.5, 2 round half away from zero.
    assertEquals(java.util.Arrays.toString(new float[] {1, 2, 2, 3, 3}),
        java.util.Arrays.toString(java.util.Arrays.copyOf(out.floats(), 5)));
  }
}
