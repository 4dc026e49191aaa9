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
 * Reads a .tflite file into a {@link TfliteModel}, validating everything before anything is used. Decoding checks
 * the identifier (TFL3), the schema version (3), every offset, vtable, vector and string against the file,
 * counts against the remaining bytes before allocating, tensor types and dimensions (non-negative, at most
 * {@link #MAX_TENSOR_ELEMENTS} elements) and quantization arrays; the model's own rules ({@link ModelValidator}:
 * indices, constant sizes, options, execution order) follow. Any problem is a {@link ModelFormatException} naming
 * the first bad field; no other exception escapes for malformed input, nothing recurses, and memory is bounded by
 * a small multiple of the file size.
 */
public final class TfliteReader {
  /** Largest element count accepted for one tensor (2^28, 1 GiB of float32). */
  public static final int MAX_TENSOR_ELEMENTS = 1 << 28;

  private TfliteReader() {}

  /** Reads a whole file. */
  public static TfliteModel read(byte[] file) {
    if (file == null) {
      throw new IllegalArgumentException("file is null");
    }
    return read(ByteBuffer.wrap(file));
  }

  /** Reads the file held in {@code file} from its position to its limit; the buffer itself is not modified. */
  public static TfliteModel read(ByteBuffer file) {
    if (file == null) {
      throw new IllegalArgumentException("file is null");
    }
    FlatTable model = FlatTable.root(file, "TFL3");
    long version = model.getUint(0, "version", 0);
    if (version != TfliteModel.SCHEMA_VERSION) {
      throw new ModelFormatException("model.version is " + version + ", only schema version 3 is supported");
    }
    List<OperatorCode> codes = readOperatorCodes(model);
    List<byte[]> buffers = readBuffers(model);
    List<Subgraph> subgraphs = new ArrayList<>();
    FlatTable[] subgraphTables = model.getTables(2, "subgraphs");
    for (int i = 0; i < subgraphTables.length; i++) {
      subgraphs.add(readSubgraph(subgraphTables[i], codes));
    }
    Map<String, Integer> metadata = new LinkedHashMap<>();
    for (FlatTable m : model.getTables(6, "metadata")) {
      String name = m.getString(0, "name");
      if (name == null) {
        throw new ModelFormatException(m.where + ".name: missing");
      }
      metadata.put(name, index(m.getUint(1, "buffer", 0), m.where + ".buffer"));
    }
    return new TfliteModel(model.getString(3, "description"), codes, subgraphs, buffers, metadata);
  }

  private static List<OperatorCode> readOperatorCodes(FlatTable model) {
    List<OperatorCode> codes = new ArrayList<>();
    for (FlatTable t : model.getTables(1, "operator_codes")) {
      int deprecated = t.getByte(0, "deprecated_builtin_code", 0);
      int builtin = t.getInt(3, "builtin_code", 0);
      if (deprecated < 0 || builtin < 0) {
        throw new ModelFormatException(t.where + ": negative builtin code (deprecated_builtin_code " + deprecated
            + ", builtin_code " + builtin + ")");
      }
      codes.add(new OperatorCode(BuiltinOperator.effectiveCode(deprecated, builtin), t.getString(1, "custom_code"),
          t.getInt(2, "version", 1)));
    }
    return codes;
  }

  private static List<byte[]> readBuffers(FlatTable model) {
    FlatTable[] tables = model.getTables(4, "buffers");
    List<byte[]> buffers = new ArrayList<>(tables.length);
    for (FlatTable t : tables) {
      long offset = t.getLong(1, "offset", 0);
      byte[] data;
      if (offset > 1) {
        // Models over 2 GB keep buffer data after the FlatBuffer, addressed from the start of the file.
        data = t.fileRange(offset, t.getLong(2, "size", 0), "offset/size");
      } else {
        data = t.getBytes(0, "data");
      }
      buffers.add(data == null ? new byte[0] : data);
    }
    return buffers;
  }

  /** SparsityParameters: traversal_order (0), block_map (1), dim_metadata (2). */
  private static Sparsity readSparsity(FlatTable s) {
    int[] order = s.getInts(0, "traversal_order");
    int[] blockMap = s.getInts(1, "block_map");
    FlatTable[] dims = s.getTables(2, "dim_metadata");
    if (order == null) {
      throw new ModelFormatException(s.where + ".traversal_order: missing");
    }
    boolean[] sparse = new boolean[dims.length];
    int[] denseSizes = new int[dims.length];
    int[][] segments = new int[dims.length][];
    int[][] indices = new int[dims.length][];
    for (int i = 0; i < dims.length; i++) {
      // DimensionMetadata: format (0: DENSE 0 / SPARSE_CSR 1), dense_size (1), array_segments (type 2, value 3),
      // array_indices (type 4, value 5).
      int format = dims[i].getByte(0, "format", 0);
      if (format != 0 && format != 1) {
        throw new ModelFormatException(dims[i].where + ".format: unknown dimension type " + format);
      }
      sparse[i] = format == 1;
      denseSizes[i] = dims[i].getInt(1, "dense_size", 0);
      if (sparse[i]) {
        segments[i] = sparseIndexVector(dims[i], 2, "array_segments");
        indices[i] = sparseIndexVector(dims[i], 4, "array_indices");
      }
    }
    return new Sparsity(order, blockMap == null ? new int[0] : blockMap, sparse, denseSizes, segments, indices);
  }

  /** A SparseIndexVector union (Int32Vector 1, Uint16Vector 2, Uint8Vector 3; each a table of values at 0). */
  private static int[] sparseIndexVector(FlatTable d, int typeField, String name) {
    int type = d.getUbyte(typeField, name + "_type", 0);
    FlatTable v = d.getTable(typeField + 1, name);
    if (v == null || type < 1 || type > 3) {
      throw new ModelFormatException(d.where + "." + name + ": missing or of unknown vector type " + type);
    }
    int[] values;
    if (type == 1) {
      values = v.getInts(0, "values");
    } else if (type == 2) {
      values = v.getUshorts(0, "values");
    } else {
      byte[] bytes = v.getBytes(0, "values");
      values = bytes == null ? null : new int[bytes.length];
      for (int i = 0; values != null && i < values.length; i++) {
        values[i] = bytes[i] & 0xFF;
      }
    }
    return values == null ? new int[0] : values;
  }

  private static Subgraph readSubgraph(FlatTable g, List<OperatorCode> codes) {
    FlatTable[] tensorTables = g.getTables(0, "tensors");
    List<TensorInfo> tensors = new ArrayList<>(tensorTables.length);
    for (FlatTable t : tensorTables) {
      tensors.add(readTensor(t));
    }
    FlatTable[] opTables = g.getTables(3, "operators");
    List<Operator> operators = new ArrayList<>(opTables.length);
    for (FlatTable op : opTables) {
      operators.add(readOperator(op, codes));
    }
    return new Subgraph(g.getString(4, "name"), tensors, ints(g, 1, "inputs"), ints(g, 2, "outputs"), operators);
  }

  private static TensorInfo readTensor(FlatTable t) {
    int[] dims = ints(t, 0, "shape");
    long elements = 1;
    for (int d = 0; d < dims.length; d++) {
      if (dims[d] < 0) {
        throw new ModelFormatException(t.where + ".shape[" + d + "]: negative dimension " + dims[d]);
      }
      elements *= dims[d];
      if (elements > MAX_TENSOR_ELEMENTS) {
        throw new ModelFormatException(t.where + ".shape " + Arrays.toString(dims) + ": more than "
            + MAX_TENSOR_ELEMENTS + " elements");
      }
    }
    int typeCode = t.getByte(1, "type", 0);
    DataType type = DataType.fromTfliteCode(typeCode);
    if (type == null) {
      throw new ModelFormatException(t.where + ".type: tensor type " + typeCode + " is not supported");
    }
    int buffer = index(t.getUint(2, "buffer", 0), t.where + ".buffer");
    String name = t.getString(3, "name");
    FlatTable q = t.getTable(4, "quantization");
    Quantization quantization = q == null ? Quantization.none() : readQuantization(q);
    FlatTable s = t.getTable(6, "sparsity");
    Sparsity sparsity = s == null ? null : readSparsity(s);
    try {
      return new TensorInfo(name == null ? "" : name, type, Shape.of(dims), t.getInts(7, "shape_signature"),
          quantization, buffer, sparsity);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(t.where + ": " + e.getMessage());
    }
  }

  private static Quantization readQuantization(FlatTable q) {
    if (q.has(4)) {
      throw new ModelFormatException(q.where + ".details: custom quantization is not supported");
    }
    float[] scales = q.getFloats(2, "scale");
    long[] zeroPoints = q.getLongs(3, "zero_point");
    if (scales == null || scales.length == 0) {
      // Converters write min/max-only or empty parameters for tensors that are not quantized.
      return Quantization.none();
    }
    if (zeroPoints == null || zeroPoints.length != scales.length) {
      throw new ModelFormatException(q.where + ": " + scales.length + " scales but "
          + (zeroPoints == null ? 0 : zeroPoints.length) + " zero points");
    }
    int[] zps = new int[zeroPoints.length];
    for (int i = 0; i < zps.length; i++) {
      if (zeroPoints[i] < Integer.MIN_VALUE || zeroPoints[i] > Integer.MAX_VALUE) {
        throw new ModelFormatException(q.where + ".zero_point[" + i + "]: " + zeroPoints[i] + " out of int range");
      }
      zps[i] = (int) zeroPoints[i];
    }
    int axis = q.getInt(6, "quantized_dimension", 0);
    try {
      return scales.length == 1 && axis == 0 ? Quantization.perTensor(scales[0], zps[0])
          : Quantization.perChannel(axis, scales, zps);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(q.where + ": " + e.getMessage());
    }
  }

  private static Operator readOperator(FlatTable op, List<OperatorCode> codes) {
    int opcode = index(op.getUint(0, "opcode_index", 0), op.where + ".opcode_index");
    int[] inputs = ints(op, 1, "inputs");
    int[] outputs = ints(op, 2, "outputs");
    OperatorOptions options = readOptions(op, opcode < codes.size() ? codes.get(opcode).builtin() : null);
    return new Operator(opcode, inputs, outputs, options, op.getBytes(5, "custom_options"));
  }

  /**
   * The operator's options as its code's table: the file's table when it is that one, the table's defaults when the
   * file has none (TFLite does the same), nothing for operators that take no options or are unknown to Fovea
   * (whatever the file holds for them is ignored, as TFLite does). A different known table is kept so that
   * {@link ModelValidator} reports the mismatch.
   */
  private static OperatorOptions readOptions(FlatTable op, BuiltinOperator builtin) {
    int unionType = op.getUbyte(3, "builtin_options_type", 0);
    OptionsSchema.Table table = OptionsSchema.byUnionType(unionType);
    if (builtin == null || builtin.optionsTable() == null) {
      return OperatorOptions.none();
    }
    if (unionType == 0) {
      return OperatorOptions.builder(builtin.optionsTable()).build();
    }
    if (table == null) {
      throw new ModelFormatException(op.where + ".builtin_options_type: " + builtin + " takes "
          + builtin.optionsTable() + ", not options table number " + unionType);
    }
    FlatTable t = op.getTable(4, "builtin_options");
    OperatorOptions.Builder b = OperatorOptions.builder(table.name);
    if (t == null) {
      return b.build();
    }
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
          b.set(f.name, ints(t, f.id, f.name));
      }
    }
    return b.build();
  }

  /** A uint index as an int; values past Integer.MAX_VALUE cannot index anything. */
  private static int index(long value, String what) {
    if (value > Integer.MAX_VALUE) {
      throw new ModelFormatException(what + ": index " + value + " is out of range");
    }
    return (int) value;
  }

  private static int[] ints(FlatTable t, int id, String name) {
    int[] a = t.getInts(id, name);
    return a == null ? new int[0] : a;
  }
}
