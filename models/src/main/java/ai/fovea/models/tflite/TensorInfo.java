package ai.fovea.models.tflite;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;

/** A subgraph tensor as the file declares it: name, type, shape, quantization and its buffer index. */
public final class TensorInfo {
  private final String name;
  private final DataType type;
  private final Shape shape;
  private final Quantization quantization;
  private final int buffer;

  public TensorInfo(String name, DataType type, Shape shape, Quantization quantization, int buffer) {
    if (name == null || type == null || shape == null || quantization == null || buffer < 0) {
      throw new IllegalArgumentException("incomplete tensor " + name + " (buffer " + buffer + ")");
    }
    this.name = name;
    this.type = type;
    this.shape = shape;
    this.quantization = quantization;
    this.buffer = buffer;
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

  public Quantization quantization() {
    return quantization;
  }

  /** Index into the model's buffers; 0 is the empty sentinel (no constant data). */
  public int buffer() {
    return buffer;
  }

  @Override
  public String toString() {
    return name + " " + type + shape + (quantization.isQuantized() ? " q(" + quantization + ")" : "");
  }
}
