package ai.fovea.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PadTest {
  private final Random random = new Random(23);

  @Test
  void optimizedMatchesReferenceForEveryRankPaddingAndType() {
    for (int trial = 0; trial < 400; trial++) {
      int rank = random.nextInt(Pad.MAX_RANK + 1);
      DataType type = RandomTensors.TYPES[trial % RandomTensors.TYPES.length];
      Shape shape = RandomTensors.randomShape(rank, 5, random);
      int[] pairs = new int[2 * rank];
      int outSize = 1;
      for (int i = 0; i < rank; i++) {
        pairs[2 * i] = random.nextInt(3) == 0 ? 0 : random.nextInt(3);
        pairs[2 * i + 1] = random.nextInt(3) == 0 ? 0 : random.nextInt(3);
        outSize *= shape.dim(i) + pairs[2 * i] + pairs[2 * i + 1];
      }
      Tensor paddings = Tensor.ofInts("paddings", Shape.of(rank, 2), Quantization.none(), pairs);
      Tensor[] inputs = {RandomTensors.of("in", type, shape, random), paddings};
      RandomTensors.assertFormsAgree(new Pad(), inputs, outSize, random,
          type + " " + shape + " paddings " + Arrays.toString(pairs));
    }
  }

  @Test
  void padsQuantizedTensorsWithTheOutputZeroPoint() {
    Tensor in = Tensor.ofBytes("in", DataType.INT8, Shape.of(1, 2), Quantization.perTensor(0.1f, -5), new byte[] {7, 8});
    Tensor out = Tensor.allocate("out", DataType.INT8, Shape.of(1), Quantization.perTensor(0.1f, -5));
    Tensor[] inputs = {in, Tensor.ofInts("paddings", Shape.of(2, 2), Quantization.none(), new int[] {1, 0, 1, 2})};
    Pad op = new Pad();
    op.prepare(inputs, new Tensor[] {out});
    op.run(inputs, new Tensor[] {out});
    assertEquals(Shape.of(2, 5), out.shape());
    assertArrayEquals(new byte[] {-5, -5, -5, -5, -5, -5, 7, 8, -5, -5}, out.bytes());
  }

  @Test
  void padsFloatsWithZero() {
    Tensor in = Tensor.ofFloats("in", Shape.of(2), new float[] {1, 2});
    Tensor out = Tensor.ofFloats("out", Shape.of(4), new float[] {9, 9, 9, 9});
    Tensor[] inputs = {in, Tensor.ofInts("paddings", Shape.of(1, 2), Quantization.none(), new int[] {2, 0})};
    Pad op = new Pad();
    op.prepare(inputs, new Tensor[] {out});
    op.run(inputs, new Tensor[] {out});
    assertArrayEquals(new float[] {0, 0, 1, 2}, out.floats());
  }

  @Test
  void rejectsNegativePaddingsAndAMisshapedPaddingsTensor() {
    Tensor in = Tensor.allocate("in", DataType.FLOAT32, Shape.of(2));
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(2));
    Tensor negative = Tensor.ofInts("paddings", Shape.of(1, 2), Quantization.none(), new int[] {-1, 0});
    OpPrepareException e = assertThrows(OpPrepareException.class,
        () -> new Pad().prepare(new Tensor[] {in, negative}, new Tensor[] {out}));
    assertEquals("PAD: paddings of axis 0 are negative: -1, 0", e.getMessage());
    Tensor flat = RandomTensors.ints("paddings", 1, 1);
    assertThrows(OpPrepareException.class, () -> new Pad().prepare(new Tensor[] {in, flat}, new Tensor[] {out}));
  }

  @Test
  void rejectsInt64PaddingsWhichTflite26ReadsAsInt32() {
    Tensor in = Tensor.allocate("in", DataType.FLOAT32, Shape.of(2));
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(2));
    Tensor paddings = Tensor.ofLongs("paddings", Shape.of(1, 2), new long[] {1, 1});
    OpPrepareException e = assertThrows(OpPrepareException.class,
        () -> new Pad().prepare(new Tensor[] {in, paddings}, new Tensor[] {out}));
    assertEquals("PAD: paddings must be INT32, got INT64 (TFLite 2.6 reads any paddings as INT32)", e.getMessage());
  }
}
