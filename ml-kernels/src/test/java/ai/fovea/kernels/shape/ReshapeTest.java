package ai.fovea.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReshapeTest {
  private final Random random = new Random(3);

  private Tensor reshape(ReshapeParams params, Tensor... inputs) {
    Tensor out = RandomTensors.garbageOutput("out", inputs[0], 64, random);
    Reshape op = new Reshape(params);
    op.prepare(inputs, new Tensor[] {out});
    op.run(inputs, new Tensor[] {out});
    return out;
  }

  @Test
  void infersTheMinusOneDimensionAndKeepsElementOrder() {
    for (DataType type : RandomTensors.TYPES) {
      Tensor in = RandomTensors.of("in", type, Shape.of(2, 3, 4), random);
      Tensor out = reshape(ReshapeParams.of(), in, RandomTensors.ints("shape", 4, -1));
      assertEquals(Shape.of(4, 6), out.shape(), type.toString());
      Tensor flat = reshape(ReshapeParams.of(24), in);
      RandomTensors.assertSameContents(reshapedTo(in, Shape.of(24)), flat, type.toString());
    }
  }

  @Test
  void prefersAnInt32ShapeInputOverTheOptions() {
    Tensor in = RandomTensors.of("in", DataType.FLOAT32, Shape.of(6), random);
    assertEquals(Shape.of(3, 2), reshape(ReshapeParams.of(2, 3), in, RandomTensors.ints("shape", 3, 2)).shape());
  }

  @Test
  void fallsBackToTheOptionsWhenTheShapeInputIsNotAnInt32Vector() {
    Tensor in = RandomTensors.of("in", DataType.FLOAT32, Shape.of(6), random);
    assertEquals(Shape.of(2, 3), reshape(ReshapeParams.of(2, 3), in, RandomTensors.longs("shape", 3, 2)).shape());
  }

  @Test
  void readsTheLegacyZeroShapeAndAnAbsentShapeAsAScalar() {
    Tensor one = RandomTensors.of("in", DataType.INT8, Shape.of(1, 1), random);
    assertEquals(Shape.scalar(), reshape(ReshapeParams.of(0), one).shape());
    assertEquals(Shape.scalar(), reshape(ReshapeParams.of(), one).shape());
  }

  @Test
  void rejectsTwoMinusOnesAndAnElementCountMismatch() {
    Tensor in = RandomTensors.of("in", DataType.FLOAT32, Shape.of(2, 3), random);
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(6));
    OpPrepareException twoStretch = assertThrows(OpPrepareException.class,
        () -> new Reshape(ReshapeParams.of(-1, -1)).prepare(new Tensor[] {in}, new Tensor[] {out}));
    assertEquals("RESHAPE: more than one -1 in new shape [-1, -1]", twoStretch.getMessage());
    assertThrows(OpPrepareException.class,
        () -> new Reshape(ReshapeParams.of(4, -1)).prepare(new Tensor[] {in}, new Tensor[] {out}));
    assertThrows(OpPrepareException.class,
        () -> new Reshape(ReshapeParams.of(7)).prepare(new Tensor[] {in}, new Tensor[] {out}));
  }

  private static Tensor reshapedTo(Tensor t, Shape shape) {
    Tensor copy = Tensor.allocate("copy", t.dataType(), shape, t.quantization());
    Elements e = Elements.of(t.dataType(), "test");
    System.arraycopy(e.array(t), 0, e.array(copy), 0, t.size());
    return copy;
  }

  @Test
  void copiesValuesUnchanged() {
    Tensor in = Tensor.ofFloats("in", Shape.of(2, 2), new float[] {1, 2, 3, 4});
    Tensor out = reshape(ReshapeParams.of(4), in);
    assertArrayEquals(new float[] {1, 2, 3, 4}, Arrays.copyOf(out.floats(), 4));
  }
}
