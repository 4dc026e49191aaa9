package ai.fovea.kernels.tensor;

/**
 * A named n-dimensional array with a fixed element type and quantization, backed by a primitive array that is
 * reused across runs: {@link #resize} only reallocates when the new shape needs more room, so the backing array
 * may be longer than {@link #size()}. Ops read and write the array returned by the accessor of their type.
 */
public final class Tensor {
  private final String name;
  private final DataType type;
  private final Quantization quantization;
  private Shape shape;
  private Object data;

  private Tensor(String name, DataType type, Shape shape, Quantization quantization, Object data) {
    if (name == null || type == null || shape == null || quantization == null) {
      throw new IllegalArgumentException("name, type, shape and quantization are required");
    }
    this.name = name;
    this.type = type;
    this.shape = shape;
    this.quantization = quantization;
    this.data = data;
  }

  /** A zero-filled tensor. */
  public static Tensor allocate(String name, DataType type, Shape shape, Quantization quantization) {
    return new Tensor(name, type, shape, quantization, newArray(type, shape.size()));
  }

  public static Tensor allocate(String name, DataType type, Shape shape) {
    return allocate(name, type, shape, Quantization.none());
  }

  /** Wraps float data without copying. */
  public static Tensor ofFloats(String name, Shape shape, float[] data) {
    return wrap(name, DataType.FLOAT32, shape, Quantization.none(), data, data.length);
  }

  /** Wraps int8/uint8 data without copying. */
  public static Tensor ofBytes(String name, DataType type, Shape shape, Quantization quantization, byte[] data) {
    if (!type.isByte()) {
      throw new IllegalArgumentException("byte data needs INT8 or UINT8, got " + type);
    }
    return wrap(name, type, shape, quantization, data, data.length);
  }

  /** Wraps int32 data without copying. */
  public static Tensor ofInts(String name, Shape shape, Quantization quantization, int[] data) {
    return wrap(name, DataType.INT32, shape, quantization, data, data.length);
  }

  /** Wraps int64 data without copying. */
  public static Tensor ofLongs(String name, Shape shape, long[] data) {
    return wrap(name, DataType.INT64, shape, Quantization.none(), data, data.length);
  }

  private static Tensor wrap(String name, DataType type, Shape shape, Quantization q, Object data, int length) {
    if (length < shape.size()) {
      throw new IllegalArgumentException("tensor " + name + ": " + length + " values for shape " + shape);
    }
    return new Tensor(name, type, shape, q, data);
  }

  private static Object newArray(DataType type, int n) {
    switch (type) {
      case FLOAT32:
        return new float[n];
      case FLOAT16:
        return new short[n];
      case INT32:
        return new int[n];
      case INT64:
        return new long[n];
      case INT8:
      case UINT8:
        return new byte[n];
      default:
        throw new IllegalArgumentException("unsupported type " + type);
    }
  }

  private static int capacity(Object data) {
    if (data instanceof float[]) {
      return ((float[]) data).length;
    } else if (data instanceof byte[]) {
      return ((byte[]) data).length;
    } else if (data instanceof int[]) {
      return ((int[]) data).length;
    } else if (data instanceof long[]) {
      return ((long[]) data).length;
    }
    return ((short[]) data).length;
  }

  /** Changes the shape, keeping the backing array when it is large enough (contents are then unspecified). */
  public void resize(Shape newShape) {
    if (newShape.size() > capacity(data)) {
      data = newArray(type, newShape.size());
    }
    shape = newShape;
  }

  public String name() {
    return name;
  }

  public DataType dataType() {
    return type;
  }

  public Shape shape() {
    return shape;
  }

  public Quantization quantization() {
    return quantization;
  }

  /** Number of elements of the current shape. */
  public int size() {
    return shape.size();
  }

  public float[] floats() {
    return (float[]) typed(DataType.FLOAT32);
  }

  /** INT8 or UINT8 storage. */
  public byte[] bytes() {
    if (!type.isByte()) {
      throw new IllegalStateException("tensor " + name + " is " + type + ", not INT8/UINT8");
    }
    return (byte[]) data;
  }

  public int[] ints() {
    return (int[]) typed(DataType.INT32);
  }

  public long[] longs() {
    return (long[]) typed(DataType.INT64);
  }

  /** IEEE half-precision bit patterns. */
  public short[] halfs() {
    return (short[]) typed(DataType.FLOAT16);
  }

  private Object typed(DataType wanted) {
    if (type != wanted) {
      throw new IllegalStateException("tensor " + name + " is " + type + ", not " + wanted);
    }
    return data;
  }

  @Override
  public String toString() {
    return name + " " + type + shape + (quantization.isQuantized() ? " q(" + quantization + ")" : "");
  }
}
