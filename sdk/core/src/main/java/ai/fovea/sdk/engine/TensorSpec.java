package ai.fovea.sdk.engine;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.tflite.TensorInfo;

/** What an engine session's input or output tensor looks like: name, type, shape, quantization. Immutable. */
public final class TensorSpec {
  private final String name;
  private final DataType type;
  private final Shape shape;
  private final Quantization quantization;

  public TensorSpec(String name, DataType type, Shape shape, Quantization quantization) {
    if (name == null || type == null || shape == null || quantization == null) {
      throw new IllegalArgumentException("name, type, shape and quantization are required, got " + name + ", "
          + type + ", " + shape + ", " + quantization);
    }
    this.name = name;
    this.type = type;
    this.shape = shape;
    this.quantization = quantization;
  }

  /** The spec of a model tensor as the file declares it. */
  public static TensorSpec of(TensorInfo info) {
    return new TensorSpec(info.name(), info.type(), info.shape(), info.quantization());
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

  /** A new zero-filled tensor of this spec, to pass to {@link EngineSession#run}. */
  public Tensor allocate() {
    return Tensor.allocate(name, type, shape, quantization);
  }

  /** True when {@code t} has this spec's type and shape (the name and quantization do not matter for data). */
  public boolean accepts(Tensor t) {
    return t != null && t.dataType() == type && t.shape().equals(shape);
  }

  @Override
  public String toString() {
    return name + " " + type + shape + (quantization.isQuantized() ? " q(" + quantization + ")" : "");
  }
}
