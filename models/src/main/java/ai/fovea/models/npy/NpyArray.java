package ai.fovea.models.npy;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An n-dimensional array as a {@code .npy} file holds it: element type, shape and the values in C order as
 * little-endian bytes. Immutable (the bytes are copied in and only read-only views go out). Converts to and
 * from {@link Tensor} without changing a bit of any value.
 */
public final class NpyArray {
  private final NpyDtype dtype;
  private final Shape shape;
  private final byte[] data;

  private NpyArray(NpyDtype dtype, Shape shape, byte[] data) {
    this.dtype = dtype;
    this.shape = shape;
    this.data = data;
  }

  /** An array of {@code shape} whose values are {@code littleEndianData} in C order (copied; length must fit). */
  public static NpyArray of(NpyDtype dtype, Shape shape, byte[] littleEndianData) {
    if (dtype == null || shape == null || littleEndianData == null) {
      throw new IllegalArgumentException("dtype, shape and data are required");
    }
    long expected = (long) shape.size() * dtype.itemSize();
    if (littleEndianData.length != expected) {
      throw new IllegalArgumentException(dtype.descr() + shape + " needs " + expected + " bytes, got "
          + littleEndianData.length);
    }
    return new NpyArray(dtype, shape, littleEndianData.clone());
  }

  /** Wraps bytes already validated by the reader, without copying them. */
  static NpyArray wrap(NpyDtype dtype, Shape shape, byte[] littleEndianData) {
    return new NpyArray(dtype, shape, littleEndianData);
  }

  /** The values of a tensor (its first {@code size()} elements), with its type and shape. */
  public static NpyArray of(Tensor tensor) {
    if (tensor == null) {
      throw new IllegalArgumentException("tensor is null");
    }
    NpyDtype dtype = NpyDtype.of(tensor.dataType());
    int n = tensor.size();
    ByteBuffer out = ByteBuffer.allocate(n * dtype.itemSize()).order(ByteOrder.LITTLE_ENDIAN);
    switch (tensor.dataType()) {
      case FLOAT32:
        out.asFloatBuffer().put(tensor.floats(), 0, n);
        break;
      case FLOAT16:
        out.asShortBuffer().put(tensor.halfs(), 0, n);
        break;
      case INT32:
        out.asIntBuffer().put(tensor.ints(), 0, n);
        break;
      case INT64:
        out.asLongBuffer().put(tensor.longs(), 0, n);
        break;
      default:
        out.put(tensor.bytes(), 0, n);
    }
    return new NpyArray(dtype, tensor.shape(), out.array());
  }

  public NpyDtype dtype() {
    return dtype;
  }

  public Shape shape() {
    return shape;
  }

  /** Number of elements (1 for a 0-d array). */
  public int size() {
    return shape.size();
  }

  /** The values in C order, little-endian, as a read-only buffer positioned at 0. */
  public ByteBuffer data() {
    return ByteBuffer.wrap(data).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * A new tensor holding these values, with the given name and quantization. Throws
   * {@link IllegalStateException} for {@link NpyDtype#BOOL}, which no tensor type holds.
   */
  public Tensor toTensor(String name, Quantization quantization) {
    DataType type = dtype.dataType();
    if (type == null) {
      throw new IllegalStateException("a " + dtype.descr() + " array has no tensor type");
    }
    Tensor t = Tensor.allocate(name, type, shape, quantization);
    ByteBuffer in = data();
    switch (type) {
      case FLOAT32:
        in.asFloatBuffer().get(t.floats());
        break;
      case FLOAT16:
        in.asShortBuffer().get(t.halfs());
        break;
      case INT32:
        in.asIntBuffer().get(t.ints());
        break;
      case INT64:
        in.asLongBuffer().get(t.longs());
        break;
      default:
        in.get(t.bytes());
    }
    return t;
  }

  @Override
  public String toString() {
    return dtype.descr() + shape;
  }
}
