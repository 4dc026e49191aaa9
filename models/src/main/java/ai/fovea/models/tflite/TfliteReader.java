package ai.fovea.models.tflite;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a .tflite file into a {@link TfliteModel}, validating everything before anything is used: identifier
 * and version, every offset, length and index, tensor shapes and sizes, quantization parameters, constant
 * buffer sizes, operator codes and the execution order of each subgraph. Any problem is a
 * {@link ModelFormatException} naming the first bad field; no other exception escapes for malformed input, and
 * memory use is bounded by the file size plus the declared (capped) tensor sizes.
 */
public final class TfliteReader {
  /** Largest element count accepted for one tensor (2^28, 1 GiB of float32). */
  public static final int MAX_TENSOR_ELEMENTS = 1 << 28;
  /** Largest total of all tensors' declared bytes in one subgraph. */
  public static final long MAX_SUBGRAPH_BYTES = 1L << 31;
  /** Builtin codes above this are outside the schema's range. */
  public static final int MAX_BUILTIN_CODE = 255;

  private TfliteReader() {}

  public static TfliteModel read(byte[] file) {
    if (file == null) {
      throw new IllegalArgumentException("file is null");
    }
    return read(ByteBuffer.wrap(file));
  }

  public static TfliteModel read(ByteBuffer file) {
    FlatTable model = FlatTable.root(file, "TFL3");
    long version = model.getUint(0, "version", 0);
    if (version != TfliteModel.SCHEMA_VERSION) {
      throw new ModelFormatException("model.version is " + version + ", only schema version 3 is supported");
    }
    List<byte[]> buffers = readBuffers(model);
    List<OperatorCode> codes = readOperatorCodes(model);
    FlatTable[] subgraphTables = model.getTables(2, "subgraphs");
    if (subgraphTables.length == 0) {
      throw new ModelFormatException("model.subgraphs: the model has no subgraph");
    }
    List<Subgraph> subgraphs = new ArrayList<>();
    for (int i = 0; i < subgraphTables.length; i++) {
      subgraphs.add(readSubgraph(subgraphTables[i], "subgraph " + i, buffers, codes.size()));
    }
    Map<String, Integer> metadata = new LinkedHashMap<>();
    for (FlatTable m : model.getTables(6, "metadata")) {
      String name = m.getString(0, "name");
      long buffer = m.getUint(1, "buffer", 0);
      if (name == null) {
        throw new ModelFormatException(m.where + ".name: missing");
      }
      checkIndex(buffer, buffers.size(), m.where + ".buffer");
      metadata.put(name, (int) buffer);
    }
    String description = model.getString(3, "description");
    return new TfliteModel(description, codes, subgraphs, buffers, metadata);
  }

  private static List<byte[]> readBuffers(FlatTable model) {
    FlatTable[] tables = model.getTables(4, "buffers");
    if (tables.length == 0) {
      throw new ModelFormatException("model.buffers: missing (buffer 0 must be the empty sentinel)");
    }
    List<byte[]> buffers = new ArrayList<>(tables.length);
    for (FlatTable t : tables) {
      long offset = t.getLong(1, "offset", 0);
      long size = t.getLong(2, "size", 0);
      byte[] data;
      if (offset > 1) {
        // Large models keep buffer data after the FlatBuffer, addressed by absolute offset and size.
        data = t.fileRange(offset, size, "offset/size");
      } else {
        data = t.getBytes(0, "data");
      }
      buffers.add(data == null ? new byte[0] : data);
    }
    if (buffers.get(0).length != 0) {
      throw new ModelFormatException("model.buffers[0]: must be the empty sentinel, has " + buffers.get(0).length + " bytes");
    }
    return buffers;
  }

  private static List<OperatorCode> readOperatorCodes(FlatTable model) {
    List<OperatorCode> codes = new ArrayList<>();
    for (FlatTable t : model.getTables(1, "operator_codes")) {
      int deprecated = t.getByte(0, "deprecated_builtin_code", 0);
      int builtin = t.getInt(3, "builtin_code", 0);
      int code = BuiltinOperator.effectiveCode(deprecated, builtin);
      if (deprecated < 0 || builtin < 0 || code > MAX_BUILTIN_CODE) {
        throw new ModelFormatException(t.where + ": builtin code " + code + " (deprecated_builtin_code " + deprecated
            + ", builtin_code " + builtin + ") out of range [0, " + MAX_BUILTIN_CODE + "]");
      }
      if (deprecated != builtin && deprecated != 127 && builtin != 0) {
        throw new ModelFormatException(t.where + ": deprecated_builtin_code " + deprecated + " contradicts builtin_code "
            + builtin);
      }
      String custom = t.getString(1, "custom_code");
      if (code == BuiltinOperator.CUSTOM.code() && custom == null) {
        throw new ModelFormatException(t.where + ".custom_code: missing for a CUSTOM operator");
      }
      codes.add(new OperatorCode(code, custom, t.getInt(2, "version", 1)));
    }
    return codes;
  }

  private static Subgraph readSubgraph(FlatTable g, String where, List<byte[]> buffers, int codeCount) {
    FlatTable[] tensorTables = g.getTables(0, "tensors");
    List<TensorInfo> tensors = new ArrayList<>(tensorTables.length);
    long totalBytes = 0;
    for (int i = 0; i < tensorTables.length; i++) {
      TensorInfo t = readTensor(tensorTables[i], where + " tensor " + i, buffers);
      totalBytes += (long) t.shape().size() * t.type().byteSize();
      if (totalBytes > MAX_SUBGRAPH_BYTES) {
        throw new ModelFormatException(where + ": tensors declare more than " + MAX_SUBGRAPH_BYTES + " bytes in total");
      }
      tensors.add(t);
    }
    int[] inputs = orEmpty(g.getInts(1, "inputs"));
    int[] outputs = orEmpty(g.getInts(2, "outputs"));
    for (int i = 0; i < inputs.length; i++) {
      checkIndex(inputs[i], tensors.size(), where + " input " + i + ": tensor index");
    }
    for (int i = 0; i < outputs.length; i++) {
      checkIndex(outputs[i], tensors.size(), where + " output " + i + ": tensor index");
    }
    FlatTable[] opTables = g.getTables(3, "operators");
    List<Operator> operators = new ArrayList<>(opTables.length);
    for (int i = 0; i < opTables.length; i++) {
      operators.add(readOperator(opTables[i], where + " operator " + i, tensors.size(), codeCount));
    }
    checkExecutionOrder(where, tensors, buffers, inputs, outputs, operators);
    return new Subgraph(g.getString(4, "name"), tensors, inputs, outputs, operators);
  }

  private static TensorInfo readTensor(FlatTable t, String where, List<byte[]> buffers) {
    int[] dims = orEmpty(t.getInts(0, "shape"));
    long elements = 1;
    for (int d = 0; d < dims.length; d++) {
      if (dims[d] < 0) {
        throw new ModelFormatException(where + ".shape[" + d + "]: negative dimension " + dims[d]);
      }
      elements *= dims[d];
      if (elements > MAX_TENSOR_ELEMENTS) {
        throw new ModelFormatException(where + ".shape " + Arrays.toString(dims) + ": more than " + MAX_TENSOR_ELEMENTS
            + " elements");
      }
    }
    int typeCode = t.getByte(1, "type", 0);
    DataType type = DataType.fromTfliteCode(typeCode);
    if (type == null) {
      throw new ModelFormatException(where + ".type: tensor type " + typeCode + " is not supported");
    }
    long buffer = t.getUint(2, "buffer", 0);
    checkIndex(buffer, buffers.size(), where + ".buffer");
    String name = t.getString(3, "name");
    Shape shape = Shape.of(dims);
    FlatTable q = t.getTable(4, "quantization");
    Quantization quantization = q == null ? Quantization.none() : readQuantization(q, shape);
    byte[] data = buffers.get((int) buffer);
    if (data.length != 0 && data.length != (long) shape.size() * type.byteSize()) {
      throw new ModelFormatException(where + ": buffer " + buffer + " holds " + data.length + " bytes, shape " + shape
          + " of " + type + " needs " + (long) shape.size() * type.byteSize());
    }
    return new TensorInfo(name == null ? "tensor" : name, type, shape, quantization, (int) buffer);
  }

  private static Quantization readQuantization(FlatTable q, Shape shape) {
    float[] scales = q.getFloats(2, "scale");
    long[] zeroPoints = q.getLongs(3, "zero_point");
    if (scales == null || scales.length == 0) {
      return Quantization.none();
    }
    if (zeroPoints == null || zeroPoints.length != scales.length) {
      throw new ModelFormatException(q.where + ": " + scales.length + " scales but "
          + (zeroPoints == null ? 0 : zeroPoints.length) + " zero points");
    }
    int[] zps = new int[zeroPoints.length];
    for (int i = 0; i < scales.length; i++) {
      if (!(scales[i] > 0) || Float.isInfinite(scales[i])) {
        throw new ModelFormatException(q.where + ".scale[" + i + "]: " + scales[i] + " is not a positive finite scale");
      }
      if (zeroPoints[i] < Integer.MIN_VALUE || zeroPoints[i] > Integer.MAX_VALUE) {
        throw new ModelFormatException(q.where + ".zero_point[" + i + "]: " + zeroPoints[i] + " out of int range");
      }
      zps[i] = (int) zeroPoints[i];
    }
    int axis = q.getInt(6, "quantized_dimension", 0);
    if (scales.length == 1) {
      return Quantization.perTensor(scales[0], zps[0]);
    }
    if (axis < 0 || axis >= shape.rank() || shape.dim(axis) != scales.length) {
      throw new ModelFormatException(q.where + ": " + scales.length + " per-channel scales do not match dimension "
          + axis + " of shape " + shape);
    }
    return Quantization.perChannel(axis, scales, zps);
  }

  private static Operator readOperator(FlatTable op, String where, int tensorCount, int codeCount) {
    long opcode = op.getUint(0, "opcode_index", 0);
    checkIndex(opcode, codeCount, where + ".opcode_index");
    int[] inputs = orEmpty(op.getInts(1, "inputs"));
    int[] outputs = orEmpty(op.getInts(2, "outputs"));
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] != -1) {
        checkIndex(inputs[i], tensorCount, where + " input " + i + ": tensor index");
      }
    }
    for (int i = 0; i < outputs.length; i++) {
      checkIndex(outputs[i], tensorCount, where + " output " + i + ": tensor index");
    }
    int optionsType = op.getUbyte(3, "builtin_options_type", 0);
    OperatorOptions options = OperatorOptions.none();
    OptionsSchema.Table table = OptionsSchema.byUnionType(optionsType);
    if (optionsType != 0 && table != null) {
      FlatTable t = op.getTable(4, "builtin_options");
      options = t == null ? OperatorOptions.builder(table.name).build() : readOptions(t, table);
    }
    byte[] custom = op.getBytes(5, "custom_options");
    return new Operator((int) opcode, inputs, outputs, options, custom);
  }

  private static OperatorOptions readOptions(FlatTable t, OptionsSchema.Table table) {
    OperatorOptions.Builder b = OperatorOptions.builder(table.name);
    for (OptionsSchema.Field f : table.fields().values()) {
      if (!t.has(f.id)) {
        continue;
      }
      switch (f.kind) {
        case BOOL:
          b.set(f.name, t.getBool(f.id, f.name, false));
          break;
        case BYTE:
          b.set(f.name, t.getByte(f.id, f.name, 0));
          break;
        case INT:
          b.set(f.name, t.getInt(f.id, f.name, 0));
          break;
        case FLOAT:
          b.set(f.name, t.getFloat(f.id, f.name, 0f));
          break;
        default:
          b.set(f.name, orEmpty(t.getInts(f.id, f.name)));
      }
    }
    return b.build();
  }

  /**
   * Operators run in file order, so every tensor an operator reads must be a constant, a subgraph input, an
   * empty (zero-element) tensor, or the output of an earlier operator; a tensor is produced once at most, and
   * never a constant. This rejects cycles too.
   */
  private static void checkExecutionOrder(String where, List<TensorInfo> tensors, List<byte[]> buffers, int[] inputs,
      int[] outputs, List<Operator> operators) {
    int[] producer = new int[tensors.size()];
    Arrays.fill(producer, -1);
    boolean[] available = new boolean[tensors.size()];
    for (int i = 0; i < tensors.size(); i++) {
      available[i] = isConstant(tensors.get(i), buffers) || tensors.get(i).shape().size() == 0;
    }
    for (int in : inputs) {
      available[in] = true;
    }
    for (int n = 0; n < operators.size(); n++) {
      for (int out : operators.get(n).outputs()) {
        if (producer[out] >= 0) {
          throw new ModelFormatException(where + " operator " + n + ": tensor " + out
              + " is already produced by operator " + producer[out]);
        }
        if (isConstant(tensors.get(out), buffers)) {
          throw new ModelFormatException(where + " operator " + n + ": writes constant tensor " + out);
        }
        producer[out] = n;
      }
    }
    for (int n = 0; n < operators.size(); n++) {
      Operator op = operators.get(n);
      int[] opInputs = op.inputs();
      for (int i = 0; i < opInputs.length; i++) {
        int t = opInputs[i];
        if (t == -1 || available[t]) {
          continue;
        }
        if (producer[t] >= n) {
          throw new ModelFormatException(where + " operator " + n + " input " + i + ": tensor " + t
              + " is produced by operator " + producer[t] + ", not before it (cycle or out-of-order graph)");
        }
        throw new ModelFormatException(where + " operator " + n + " input " + i + ": tensor " + t
            + " is never produced and is neither a constant nor a subgraph input");
      }
      for (int out : op.outputs()) {
        available[out] = true;
      }
    }
    for (int i = 0; i < outputs.length; i++) {
      if (!available[outputs[i]]) {
        throw new ModelFormatException(where + " output " + i + ": tensor " + outputs[i] + " is never produced");
      }
    }
  }

  /** Converters give activation tensors their own empty buffers, so a constant is a tensor with data. */
  static boolean isConstant(TensorInfo t, List<byte[]> buffers) {
    return buffers.get(t.buffer()).length > 0;
  }

  private static void checkIndex(long index, int size, String what) {
    if (index < 0 || index >= size) {
      throw new ModelFormatException(what + " " + index + " out of range [0, " + size + ")");
    }
  }

  private static int[] orEmpty(int[] a) {
    return a == null ? new int[0] : a;
  }
}
