package ai.fovea.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

class ResizeBilinearTest {
  private static final ComputePool POOL = new ComputePool(3);
  private static final ResizeParams[] OPTIONS = {
    ResizeParams.of(false, false), ResizeParams.of(true, false), ResizeParams.of(false, true)
  };
  private final Random random = new Random(37);

  @AfterAll
  static void closePool() {
    POOL.close();
  }

  private static Op op(DataType type, ResizeParams params, ComputePool pool) {
    switch (type) {
      case FLOAT32:
        return new ResizeBilinearFloat(params, pool);
      case UINT8:
        return new ResizeBilinearUint8(params, pool);
      default:
        return new ResizeBilinearInt8(params, pool);
    }
  }

  @Test
  void quantizedFormsAgreeExactlyOverSizesAndOptions() {
    for (int trial = 0; trial < 300; trial++) {
      DataType type = trial % 2 == 0 ? DataType.INT8 : DataType.UINT8;
      ResizeParams params = OPTIONS[trial % 3];
      Shape shape = Shape.of(1 + random.nextInt(2), 1 + random.nextInt(6), 1 + random.nextInt(6), 1 + random.nextInt(4));
      int outHeight = 1 + random.nextInt(13);
      int outWidth = 1 + random.nextInt(13);
      Tensor[] inputs = {RandomTensors.of("in", type, shape, random), RandomTensors.ints("size", outHeight, outWidth)};
      RandomTensors.assertFormsAgree(op(type, params, POOL), inputs, shape.dim(0) * outHeight * outWidth * shape.dim(3),
          random, type + " " + shape + " -> " + outHeight + "x" + outWidth);
    }
  }

  @Test
  void floatFormsAgreeWithinRoundingOverSizesAndOptions() {
    for (int trial = 0; trial < 300; trial++) {
      ResizeParams params = OPTIONS[trial % 3];
      Shape shape = Shape.of(1 + random.nextInt(2), 1 + random.nextInt(6), 1 + random.nextInt(6), 1 + random.nextInt(4));
      boolean doubling = trial % 5 == 0;
      int outHeight = doubling ? 2 * shape.dim(1) : 1 + random.nextInt(13);
      int outWidth = doubling ? 2 * shape.dim(2) : 1 + random.nextInt(13);
      Tensor[] inputs = {RandomTensors.of("in", DataType.FLOAT32, shape, random),
          RandomTensors.ints("size", outHeight, outWidth)};
      float[] optimized = resize(new ResizeBilinearFloat(params, POOL), inputs, false);
      float[] reference = resize(new ResizeBilinearFloat(params, POOL), inputs, true);
      for (int i = 0; i < reference.length; i++) {
        assertEquals(reference[i], optimized[i], 1e-5f * (1 + Math.abs(reference[i])),
            shape + " -> " + outHeight + "x" + outWidth + " at " + i);
      }
    }
  }

  private static float[] resize(Op op, Tensor[] inputs, boolean reference) {
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    op.prepare(inputs, new Tensor[] {out});
    if (reference) {
      op.runReference(inputs, new Tensor[] {out});
    } else {
      op.run(inputs, new Tensor[] {out});
    }
    return Arrays.copyOf(out.floats(), out.size());
  }

  @Test
  void doublesA2x2ImageByHalvingBetweenNeighbours() {
    Tensor in = Tensor.ofFloats("in", Shape.of(1, 2, 2, 1), new float[] {0, 4, 8, 12});
    Tensor[] inputs = {in, RandomTensors.ints("size", 4, 4)};
    float[] expected = {0, 2, 4, 4, 4, 6, 8, 8, 8, 10, 12, 12, 8, 10, 12, 12};
    assertArrayEquals(expected, resize(new ResizeBilinearFloat(OPTIONS[0], POOL), inputs, false));
    assertArrayEquals(expected, resize(new ResizeBilinearFloat(OPTIONS[0], POOL), inputs, true));
  }

  @Test
  void alignsCornersOntoTheInputCorners() {
    Tensor in = Tensor.ofFloats("in", Shape.of(1, 1, 2, 1), new float[] {0, 9});
    Tensor[] inputs = {in, RandomTensors.ints("size", 1, 4)};
    assertArrayEquals(new float[] {0, 3, 6, 9}, resize(new ResizeBilinearFloat(OPTIONS[1], POOL), inputs, false));
  }

  @Test
  void roundsUint8HalfUpAndInt8HalfAwayFromZero() {
    // One row 2 -> 4 with half-pixel centres samples at -0.25, 0.25, 0.75, 1.25: weights 1/4 and 3/4.
    Quantization q = Quantization.perTensor(1f, 0);
    Tensor u = Tensor.ofBytes("u", DataType.UINT8, Shape.of(1, 1, 2, 1), q, new byte[] {0, 2});
    assertArrayEquals(new byte[] {0, 1, 2, 2}, resizeBytes(new ResizeBilinearUint8(OPTIONS[2], POOL), u));
    Tensor s = Tensor.ofBytes("s", DataType.INT8, Shape.of(1, 1, 2, 1), q, new byte[] {0, -2});
    assertArrayEquals(new byte[] {0, -1, -2, -2}, resizeBytes(new ResizeBilinearInt8(OPTIONS[2], POOL), s));
  }

  @Test
  void rejectsAlignedCornersWithHalfPixelCentersLikeTflite() {
    Tensor in = Tensor.allocate("in", DataType.FLOAT32, Shape.of(1, 2, 2, 1));
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    Tensor[] inputs = {in, RandomTensors.ints("size", 3, 3)};
    OpPrepareException e = assertThrows(OpPrepareException.class,
        () -> new ResizeBilinearFloat(ResizeParams.of(true, true), POOL).prepare(inputs, new Tensor[] {out}));
    assertEquals("RESIZE_BILINEAR: align_corners and half_pixel_centers cannot both be set", e.getMessage());
  }

  @Test
  void rejectsInt8UpscalesWhereTfliteWouldSamplePastTheInput() {
    // 1 -> 2000: the 10-bit scale rounds to 1, so output 1999 would sample source index 1 of a 1-pixel row.
    Tensor in = Tensor.allocate("in", DataType.INT8, Shape.of(1, 1, 1, 1), Quantization.perTensor(1f, 0));
    Tensor out = Tensor.allocate("out", DataType.INT8, Shape.of(1), Quantization.perTensor(1f, 0));
    Tensor[] inputs = {in, RandomTensors.ints("size", 1, 2000)};
    assertThrows(OpPrepareException.class,
        () -> new ResizeBilinearInt8(OPTIONS[0], POOL).prepare(inputs, new Tensor[] {out}));
  }

  private static byte[] resizeBytes(Op op, Tensor in) {
    Tensor out = Tensor.allocate("out", in.dataType(), Shape.of(1), in.quantization());
    Tensor[] inputs = {in, RandomTensors.ints("size", 1, 4)};
    op.prepare(inputs, new Tensor[] {out});
    op.run(inputs, new Tensor[] {out});
    return Arrays.copyOf(out.bytes(), out.size());
  }
}
