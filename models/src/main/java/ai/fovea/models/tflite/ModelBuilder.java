package ai.fovea.models.tflite;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles a single-subgraph model: tensors (inputs, activations, constants), operators in execution order,
 * outputs and metadata. {@link #toModel()} gives the {@link TfliteModel}; {@link #build()} its .tflite bytes.
 * Tensor methods return the tensor's index for use in {@link #addOperator}; pass -1 for an omitted input.
 */
public final class ModelBuilder {
  private final List<TensorInfo> tensors = new ArrayList<>();
  private final List<byte[]> buffers = new ArrayList<>();
  private final List<OperatorCode> codes = new ArrayList<>();
  private final List<Operator> operators = new ArrayList<>();
  private final List<Integer> inputs = new ArrayList<>();
  private final List<Integer> outputs = new ArrayList<>();
  private final Map<String, Integer> metadata = new LinkedHashMap<>();
  private String description = "Fovea";

  public ModelBuilder() {
    buffers.add(new byte[0]);
  }

  public ModelBuilder description(String text) {
    this.description = text;
    return this;
  }

  /** A subgraph input. */
  public int addInput(String name, DataType type, Shape shape, Quantization quantization) {
    int index = addTensor(name, type, shape, quantization);
    inputs.add(index);
    return index;
  }

  /** An activation tensor (written by an operator). */
  public int addTensor(String name, DataType type, Shape shape, Quantization quantization) {
    tensors.add(new TensorInfo(name, type, shape, quantization, 0));
    return tensors.size() - 1;
  }

  public int addTensor(String name, DataType type, Shape shape) {
    return addTensor(name, type, shape, Quantization.none());
  }

  /** A float32 constant. */
  public int addConstant(String name, Shape shape, float[] data) {
    checkLength(name, shape, data == null ? -1 : data.length);
    ByteBuffer bb = little(data.length * 4);
    bb.asFloatBuffer().put(data, 0, shape.size());
    return constant(name, DataType.FLOAT32, shape, Quantization.none(), bb.array());
  }

  /** An int8 or uint8 constant. */
  public int addConstant(String name, DataType type, Shape shape, Quantization quantization, byte[] data) {
    if (type == null || !type.isByte()) {
      throw new IllegalArgumentException("byte data needs INT8 or UINT8, got " + type);
    }
    checkLength(name, shape, data == null ? -1 : data.length);
    return constant(name, type, shape, quantization, java.util.Arrays.copyOf(data, shape.size()));
  }

  /** An int32 constant (biases of quantized ops, shapes, axes). */
  public int addConstant(String name, Shape shape, Quantization quantization, int[] data) {
    checkLength(name, shape, data == null ? -1 : data.length);
    ByteBuffer bb = little(shape.size() * 4);
    bb.asIntBuffer().put(data, 0, shape.size());
    return constant(name, DataType.INT32, shape, quantization, bb.array());
  }

  /** An int64 constant. */
  public int addConstant(String name, Shape shape, long[] data) {
    checkLength(name, shape, data == null ? -1 : data.length);
    ByteBuffer bb = little(shape.size() * 8);
    bb.asLongBuffer().put(data, 0, shape.size());
    return constant(name, DataType.INT64, shape, Quantization.none(), bb.array());
  }

  /** A float16 constant from IEEE half bit patterns. */
  public int addHalfConstant(String name, Shape shape, short[] bits) {
    checkLength(name, shape, bits == null ? -1 : bits.length);
    ByteBuffer bb = little(shape.size() * 2);
    bb.asShortBuffer().put(bits, 0, shape.size());
    return constant(name, DataType.FLOAT16, shape, Quantization.none(), bb.array());
  }

  private static ByteBuffer little(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** {@code length} is -1 when the data array is null. */
  private static void checkLength(String name, Shape shape, int length) {
    if (shape == null || length < 0) {
      throw new IllegalArgumentException("constant " + name + ": shape " + shape + " and data are required");
    }
    if (length != shape.size()) {
      throw new IllegalArgumentException("constant " + name + ": " + length + " values for shape " + shape);
    }
  }

  private int constant(String name, DataType type, Shape shape, Quantization quantization, byte[] data) {
    if (data.length == 0) {
      // An empty buffer would read back as "no data"; zero-element constants are plain tensors.
      return addTensor(name, type, shape, quantization);
    }
    buffers.add(data);
    tensors.add(new TensorInfo(name, type, shape, quantization, buffers.size() - 1));
    return tensors.size() - 1;
  }

  /** Appends a builtin operator; operators run in the order they are added. */
  public ModelBuilder addOperator(BuiltinOperator op, OperatorOptions options, int[] opInputs, int[] opOutputs) {
    if (op == null || op == BuiltinOperator.CUSTOM || options == null) {
      throw new IllegalArgumentException("a builtin operator and its options are required, got " + op + " and "
          + options + " (custom operators: addCustomOperator)");
    }
    String expected = op.optionsTable();
    String actual = options.table() == null ? null : options.table().name;
    if (actual != null && !actual.equals(expected)) {
      throw new IllegalArgumentException(op + " takes " + expected + ", not " + actual);
    }
    OperatorOptions effective = actual == null && expected != null ? OperatorOptions.builder(expected).build() : options;
    operators.add(new Operator(codeIndex(new OperatorCode(op.code(), null, 1)), checked(opInputs, true),
        checked(opOutputs, false), effective, null));
    return this;
  }

  public ModelBuilder addOperator(BuiltinOperator op, int[] opInputs, int[] opOutputs) {
    return addOperator(op, OperatorOptions.none(), opInputs, opOutputs);
  }

  /** Appends a CUSTOM operator with its flexbuffer options. */
  public ModelBuilder addCustomOperator(String customCode, byte[] customOptions, int[] opInputs, int[] opOutputs) {
    if (customCode == null) {
      throw new IllegalArgumentException("a custom operator needs its custom code");
    }
    operators.add(new Operator(codeIndex(new OperatorCode(BuiltinOperator.CUSTOM.code(), customCode, 1)),
        checked(opInputs, true), checked(opOutputs, false), OperatorOptions.none(), customOptions));
    return this;
  }

  private int[] checked(int[] indices, boolean allowOmitted) {
    if (indices == null) {
      throw new IllegalArgumentException("tensor indices are required");
    }
    for (int t : indices) {
      if ((t < 0 && !(allowOmitted && t == -1)) || t >= tensors.size()) {
        throw new IllegalArgumentException("tensor index " + t + " out of range [0, " + tensors.size() + ")");
      }
    }
    return indices.clone();
  }

  private int codeIndex(OperatorCode code) {
    for (int i = 0; i < codes.size(); i++) {
      OperatorCode c = codes.get(i);
      if (c.builtinCode() == code.builtinCode() && java.util.Objects.equals(c.customCode(), code.customCode())) {
        return i;
      }
    }
    codes.add(code);
    return codes.size() - 1;
  }

  public ModelBuilder markOutput(int tensor) {
    checked(new int[] {tensor}, false);
    outputs.add(tensor);
    return this;
  }

  /** A named metadata buffer (labels, normalization, ...). */
  public ModelBuilder addMetadata(String name, byte[] data) {
    if (name == null || data == null) {
      throw new IllegalArgumentException("metadata needs a name and data, got " + name);
    }
    buffers.add(data.clone());
    metadata.put(name, buffers.size() - 1);
    return this;
  }

  /**
   * The model; throws {@link ModelFormatException} when the graph breaks a model rule (an operator reading a
   * tensor before it is produced, a constant of the wrong size, ...).
   */
  public TfliteModel toModel() {
    Subgraph main = new Subgraph("main", tensors, toArray(inputs), toArray(outputs), operators);
    return new TfliteModel(description, codes, List.of(main), buffers, metadata);
  }

  public byte[] build() {
    return TfliteWriter.write(toModel());
  }

  private static int[] toArray(List<Integer> list) {
    int[] a = new int[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = list.get(i);
    }
    return a;
  }
}
