package ai.fovea.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;

/** Seeded tensors of every type the shape ops move, and exact comparison of two tensors' current contents. */
final class RandomTensors {
  static final DataType[] TYPES = {DataType.FLOAT32, DataType.INT8, DataType.UINT8, DataType.INT32, DataType.INT64};

  private RandomTensors() {}

  static Tensor of(String name, DataType type, Shape shape, Random random) {
    Quantization q = type.isByte() ? Quantization.perTensor(0.05f, type == DataType.UINT8 ? 128 : -3) : Quantization.none();
    Tensor t = Tensor.allocate(name, type, shape, q);
    int n = shape.size();
    switch (type) {
      case FLOAT32:
        for (int i = 0; i < n; i++) {
          t.floats()[i] = (float) random.nextGaussian();
        }
        break;
      case INT32:
        for (int i = 0; i < n; i++) {
          t.ints()[i] = random.nextInt();
        }
        break;
      case INT64:
        for (int i = 0; i < n; i++) {
          t.longs()[i] = random.nextLong();
        }
        break;
      default:
        random.nextBytes(t.bytes());
        break;
    }
    return t;
  }

  /**
   * An output of the input's type and quantization whose backing array already holds {@code capacity} random
   * values, so a form that leaves an element unwritten is caught when prepare resizes it into that array.
   */
  static Tensor garbageOutput(String name, Tensor input, int capacity, Random random) {
    return garbageOutput(name, input.dataType(), input.quantization(), capacity, random);
  }

  static Tensor garbageOutput(String name, DataType type, Quantization q, int capacity, Random random) {
    Tensor t = of(name, type, Shape.of(capacity), random);
    return q.equals(t.quantization()) ? t : copyWithQuantization(t, q);
  }

  private static Tensor copyWithQuantization(Tensor t, Quantization q) {
    Tensor copy = Tensor.allocate(t.name(), t.dataType(), t.shape(), q);
    System.arraycopy(t.bytes(), 0, copy.bytes(), 0, t.size());
    return copy;
  }

  /** Prepares {@code op} twice, runs the optimized form into one garbage output and the reference into another. */
  static void assertFormsAgree(Op op, Tensor[] inputs, int outputCapacity, Random random, String message) {
    Tensor optimized = garbageOutput("optimized", inputs[0], outputCapacity, random);
    op.prepare(inputs, new Tensor[] {optimized});
    op.run(inputs, new Tensor[] {optimized});
    Tensor reference = garbageOutput("reference", inputs[0], outputCapacity, random);
    op.prepare(inputs, new Tensor[] {reference});
    op.runReference(inputs, new Tensor[] {reference});
    assertSameContents(reference, optimized, message);
  }

  static Tensor ints(String name, int... values) {
    return Tensor.ofInts(name, Shape.of(values.length), Quantization.none(), values);
  }

  static Tensor longs(String name, long... values) {
    return Tensor.ofLongs(name, Shape.of(values.length), values);
  }

  static Shape randomShape(int rank, int maxDim, Random random) {
    int[] dims = new int[rank];
    for (int i = 0; i < rank; i++) {
      dims[i] = 1 + random.nextInt(maxDim);
    }
    return Shape.of(dims);
  }

  static void assertSameContents(Tensor expected, Tensor actual, String message) {
    assertEquals(expected.shape(), actual.shape(), message);
    int n = expected.size();
    switch (expected.dataType()) {
      case FLOAT32:
        assertArrayEquals(Arrays.copyOf(expected.floats(), n), Arrays.copyOf(actual.floats(), n), message);
        break;
      case INT32:
        assertArrayEquals(Arrays.copyOf(expected.ints(), n), Arrays.copyOf(actual.ints(), n), message);
        break;
      case INT64:
        assertArrayEquals(Arrays.copyOf(expected.longs(), n), Arrays.copyOf(actual.longs(), n), message);
        break;
      default:
        assertArrayEquals(Arrays.copyOf(expected.bytes(), n), Arrays.copyOf(actual.bytes(), n), message);
        break;
    }
  }
}
