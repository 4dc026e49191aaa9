package ai.fovea.models.tflite;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import java.util.Arrays;

/**
 * A subgraph tensor as the file declares it: name, type, shape, the shape signature (-1 for dimensions unknown
 * when the model was converted; absent in most files), quantization, its buffer index, and whether its data is
 * stored sparse. Immutable.
 */
public final class TensorInfo {
  private final String name;
  private final DataType type;
  private final Shape shape;
  private final int[] shapeSignature;
  private final Quantization quantization;
  private final int buffer;
  private final Sparsity sparsity;

  /** A dense tensor without a shape signature. */
  public TensorInfo(String name, DataType type, Shape shape, Quantization quantization, int buffer) {
    this(name, type, shape, null, quantization, buffer, null);
  }

  /**
   * @param shapeSignature null when the file has none; otherwise one entry per dimension, each -1 or the
   *     dimension itself
   */
  public TensorInfo(String name, DataType type, Shape shape, int[] shapeSignature, Quantization quantization,
      int buffer, Sparsity sparsity) {
    if (name == null || type == null || shape == null || quantization == null) {
      throw new IllegalArgumentException("incomplete tensor '" + name + "': type " + type + ", shape " + shape
          + ", quantization " + quantization);
    }
    if (buffer < 0) {
      throw new IllegalArgumentException("tensor '" + name + "': negative buffer index " + buffer);
    }
    if (shapeSignature != null) {
      checkSignature(name, shape, shapeSignature);
    }
    this.name = name;
    this.type = type;
    this.shape = shape;
    this.shapeSignature = shapeSignature == null ? null : shapeSignature.clone();
    this.quantization = quantization;
    this.buffer = buffer;
    this.sparsity = sparsity;
  }

  private static void checkSignature(String name, Shape shape, int[] signature) {
    boolean matches = signature.length == shape.rank();
    for (int d = 0; matches && d < signature.length; d++) {
      matches = signature[d] == -1 || signature[d] == shape.dim(d);
    }
    if (!matches) {
      throw new IllegalArgumentException("tensor '" + name + "': shape signature " + Arrays.toString(signature)
          + " does not describe shape " + shape);
    }
  }

  public String name() {
    return name;
  }

  public DataType type() {
    return type;
  }

  public Shape shape() {
    return shape;
  }

  /** A copy of the shape signature (-1 marks a dimension unknown at conversion), or null when the file has none. */
  public int[] shapeSignature() {
    return shapeSignature == null ? null : shapeSignature.clone();
  }

  public Quantization quantization() {
    return quantization;
  }

  /** Index into the model's buffers; 0 is the empty sentinel (no constant data). */
  public int buffer() {
    return buffer;
  }

  /** True when the buffer holds TFLite's sparse encoding, whose size does not follow from the shape. */
  public boolean isSparse() {
    return sparsity != null;
  }

  /** How the buffer encodes the sparse values, or null for a dense tensor. */
  public Sparsity sparsity() {
    return sparsity;
  }

  /** Bytes of the dense data: elements × element size. */
  public long byteSize() {
    return (long) shape.size() * type.byteSize();
  }

  @Override
  public String toString() {
    return name + " " + type + shape + (quantization.isQuantized() ? " q(" + quantization + ")" : "")
        + (sparsity != null ? " sparse" : "");
  }
}
