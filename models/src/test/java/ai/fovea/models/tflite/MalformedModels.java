package ai.fovea.models.tflite;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The malformed-model corpus: each case is a valid model made with {@link ModelBuilder} and broken in one field
 * (or, where no valid model has the field to break, a tiny file built directly with FlatBufferBuilder). The files
 * under src/test/resources/malformed/ are these bytes; {@link MalformedModelsTest} checks they still match.
 */
final class MalformedModels {
  // schema.fbs field ids used below.
  private static final int MODEL_VERSION = 0;
  private static final int MODEL_OPERATOR_CODES = 1;
  private static final int MODEL_SUBGRAPHS = 2;
  private static final int MODEL_BUFFERS = 4;
  private static final int MODEL_METADATA = 6;
  private static final int SUBGRAPH_TENSORS = 0;
  private static final int SUBGRAPH_INPUTS = 1;
  private static final int SUBGRAPH_OUTPUTS = 2;
  private static final int SUBGRAPH_OPERATORS = 3;
  private static final int TENSOR_SHAPE = 0;
  private static final int TENSOR_TYPE = 1;
  private static final int TENSOR_BUFFER = 2;
  private static final int TENSOR_NAME = 3;
  private static final int TENSOR_QUANTIZATION = 4;
  private static final int QUANT_SCALE = 2;
  private static final int QUANT_ZERO_POINT = 3;
  private static final int QUANT_DIMENSION = 6;
  private static final int OPERATOR_OPCODE_INDEX = 0;
  private static final int OPERATOR_INPUTS = 1;
  private static final int OPERATOR_OUTPUTS = 2;
  private static final int OPERATOR_OPTIONS_TYPE = 3;
  private static final int CODE_DEPRECATED = 0;
  private static final int CODE_BUILTIN = 3;
  private static final int BUFFER_DATA = 0;
  private static final int METADATA_BUFFER = 1;

  /** One corpus file: its name, what is wrong with it, a fragment its error message must contain, its bytes. */
  static final class Case {
    final String name;
    final String wrong;
    final String expected;
    final byte[] bytes;

    Case(String name, String wrong, String expected, byte[] bytes) {
      this.name = name;
      this.wrong = wrong;
      this.expected = expected;
      this.bytes = bytes;
    }
  }

  private MalformedModels() {}

  /**
   * The valid model every case breaks: DEPTHWISE_CONV_2D → CONV_2D → RESHAPE on int8 with per-channel weights
   * (one quantized along dimension 3), a shape constant, an unused tensor and a metadata entry. Tensors: 0 in,
   * 1 dw_w, 2 dw_b, 3 dw, 4 w, 5 b, 6 conv, 7 shape, 8 flat, 9 unused; buffers 1..5 constants, 6 metadata.
   */
  static byte[] base() {
    ModelBuilder b = new ModelBuilder().description("malformed-corpus base");
    int in = b.addInput("in", DataType.INT8, Shape.of(1, 4, 4, 2), Quantization.perTensor(0.05f, -3));
    int dwW = b.addConstant("dw_w", DataType.INT8, Shape.of(1, 3, 3, 2),
        Quantization.perChannel(3, new float[] {0.01f, 0.02f}, new int[2]), bytes(18, 1));
    int dwB = b.addConstant("dw_b", Shape.of(2), Quantization.perChannel(0, new float[] {5e-4f, 1e-3f}, new int[2]),
        new int[] {10, -20});
    int dw = b.addTensor("dw", DataType.INT8, Shape.of(1, 2, 2, 2), Quantization.perTensor(0.08f, 2));
    int w = b.addConstant("w", DataType.INT8, Shape.of(3, 1, 1, 2),
        Quantization.perChannel(0, new float[] {0.01f, 0.02f, 0.03f}, new int[3]), bytes(6, 2));
    int bias = b.addConstant("b", Shape.of(3),
        Quantization.perChannel(0, new float[] {8e-4f, 1.6e-3f, 2.4e-3f}, new int[3]), new int[] {1, -2, 3});
    int conv = b.addTensor("conv", DataType.INT8, Shape.of(1, 2, 2, 3), Quantization.perTensor(0.1f, 7));
    int shape = b.addConstant("shape", Shape.of(2), Quantization.none(), new int[] {1, 12});
    int flat = b.addTensor("flat", DataType.INT8, Shape.of(1, 12), Quantization.perTensor(0.1f, 7));
    b.addTensor("unused", DataType.INT8, Shape.of(1, 12), Quantization.perTensor(0.1f, 7));
    b.addOperator(BuiltinOperator.DEPTHWISE_CONV_2D, OperatorOptions.builder("DepthwiseConv2DOptions")
        .set("padding", 1).set("stride_w", 1).set("stride_h", 1).set("depth_multiplier", 1).build(),
        new int[] {in, dwW, dwB}, new int[] {dw});
    b.addOperator(BuiltinOperator.CONV_2D, OperatorOptions.builder("Conv2DOptions").set("padding", 1)
        .set("stride_w", 1).set("stride_h", 1).set("fused_activation_function", 1).build(),
        new int[] {dw, w, bias}, new int[] {conv});
    b.addOperator(BuiltinOperator.RESHAPE, OperatorOptions.builder("ReshapeOptions")
        .set("new_shape", new int[] {1, 12}).build(), new int[] {conv, shape}, new int[] {flat});
    b.markOutput(flat);
    b.addMetadata("labels", "cat\ndog\n".getBytes(StandardCharsets.UTF_8));
    return b.build();
  }

  private static int indexOf(byte[] file, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= file.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (file[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("not found");
  }

  private static byte[] bytes(int n, long seed) {
    byte[] out = new byte[n];
    new java.util.Random(seed).nextBytes(out);
    return out;
  }

  /** Every case, in README order. */
  static List<Case> all() {
    byte[] base = base();
    List<Case> cases = new ArrayList<>();
    // The last cut ends inside the metadata text, the last bytes the file refers to (alignment padding follows).
    int insideLastData = indexOf(base, "dog".getBytes(StandardCharsets.US_ASCII)) + 1;
    for (int cut : new int[] {7, 24, base.length / 4, base.length / 2, 3 * base.length / 4, insideLastData}) {
      cases.add(new Case("truncated_at_" + cut, "the valid base model cut to its first " + cut + " bytes",
          cut < 8 ? "too short" : "the file", Arrays.copyOf(base, cut)));
    }
    List<Case> patched = new ArrayList<>();
    patch(patched, "wrong_identifier", "file identifier TFL2 instead of TFL3", "file identifier is 'TFL2'",
        base, (f, c) -> f.put(7, (byte) '2'));
    patch(patched, "wrong_version", "schema version 2", "model.version is 2",
        base, (f, c) -> f.putInt(c.field(MODEL_VERSION), 2));
    patch(patched, "root_offset_past_end", "the root table offset points past the end of the file",
        "model: table offset", base, (f, c) -> f.putInt(0, f.limit() + 100));
    patch(patched, "subgraphs_offset_past_end", "the subgraphs vector offset points past the end of the file",
        "model.subgraphs: offset points", base, (f, c) -> f.putInt(c.field(MODEL_SUBGRAPHS), f.limit()));
    patch(patched, "tensor_count_huge", "subgraph 0 declares 2^31-1 tensors",
        "model.subgraphs[0].tensors (2147483647 elements)", base,
        (f, c) -> f.putInt(subgraph(c).vectorCount(SUBGRAPH_TENSORS), Integer.MAX_VALUE));
    patch(patched, "vtable_outside_file", "tensor 1's vtable offset points before the start of the file",
        "tensors[1]: vtable offset", base, (f, c) -> f.putInt(tensor(c, 1).position(), 1 << 30));
    patch(patched, "vtable_size_odd", "the root table's vtable has an odd size", "bad vtable size 5",
        base, (f, c) -> f.putShort(c.position() - f.getInt(c.position()), (short) 5));
    patch(patched, "table_size_past_end", "the root table claims 65535 bytes, more than the file",
        "table of 65535 bytes", base, (f, c) -> f.putShort(c.position() - f.getInt(c.position()) + 2, (short) -1));
    patch(patched, "field_offset_outside_table", "tensor 0's name field lies outside its table",
        "tensors[0].name: field offset", base, (f, c) -> f.putShort(tensor(c, 0).vtableEntry(TENSOR_NAME),
            (short) 0x7ff0));
    patch(patched, "string_length_past_end", "tensor 0's name claims 2^30 bytes", "tensors[0].name (1073741824",
        base, (f, c) -> f.putInt(tensor(c, 0).vectorCount(TENSOR_NAME), 1 << 30));
    patch(patched, "shape_count_past_end", "tensor 0's shape vector claims a million dimensions",
        "tensors[0].shape (1000000 elements)", base,
        (f, c) -> f.putInt(tensor(c, 0).vectorCount(TENSOR_SHAPE), 1_000_000));
    patch(patched, "negative_dimension", "tensor 0 has dimension -4", "negative dimension -4",
        base, (f, c) -> f.putInt(tensor(c, 0).vectorElement(TENSOR_SHAPE, 1, 4), -4));
    patch(patched, "huge_dimensions", "tensor 3 has shape [1, 65536, 65536, 2]", "more than 268435456 elements",
        base, (f, c) -> {
          f.putInt(tensor(c, 3).vectorElement(TENSOR_SHAPE, 1, 4), 65536);
          f.putInt(tensor(c, 3).vectorElement(TENSOR_SHAPE, 2, 4), 65536);
        });
    patch(patched, "unknown_tensor_type", "tensor 0 has TensorType 11 (COMPLEX128)", "tensor type 11",
        base, (f, c) -> f.put(tensor(c, 0).field(TENSOR_TYPE), (byte) 11));
    patch(patched, "tensor_buffer_index_out_of_range", "tensor 1 refers to buffer 99 of 7",
        "tensor 1 'dw_w': buffer index 99 out of range [0, 7)", base,
        (f, c) -> f.putInt(tensor(c, 1).field(TENSOR_BUFFER), 99));
    patch(patched, "tensor_buffer_index_huge", "tensor 1 refers to buffer 2^32-1", "index 4294967295",
        base, (f, c) -> f.putInt(tensor(c, 1).field(TENSOR_BUFFER), -1));
    patch(patched, "buffer_larger_than_file", "buffer 1's data vector claims 2^31-16 bytes",
        "buffers[1].data (2147483632 elements)", base,
        (f, c) -> f.putInt(c.table(MODEL_BUFFERS, 1).vectorCount(BUFFER_DATA), Integer.MAX_VALUE - 15));
    patch(patched, "constant_size_mismatch", "buffer 3 holds 5 bytes for weights of shape [3, 1, 1, 2]",
        "buffer 3 holds 5 bytes, but INT8[3,1,1,2] needs 6", base,
        (f, c) -> f.putInt(c.table(MODEL_BUFFERS, 3).vectorCount(BUFFER_DATA), 5));
    patch(patched, "zero_sized_constant_with_data", "constant tensor 7 has shape [0] but 8 bytes of data",
        "buffer 5 holds 8 bytes, but INT32[0] needs 0", base,
        (f, c) -> f.putInt(tensor(c, 7).vectorElement(TENSOR_SHAPE, 0, 4), 0));
    patch(patched, "buffer_zero_not_empty", "buffer 0, the empty sentinel, is the table of buffer 1",
        "model.buffers[0]: must be the empty sentinel", base, (f, c) -> {
          int slot0 = c.vectorElement(MODEL_BUFFERS, 0, 4);
          int buffer1 = c.table(MODEL_BUFFERS, 1).position();
          f.putInt(slot0, buffer1 - slot0);
        });
    patch(patched, "operator_input_out_of_range", "operator 1 reads tensor 57 of 10",
        "subgraph 0 operator 1 input 1: tensor index 57 out of range [0, 10)", base,
        (f, c) -> f.putInt(operator(c, 1).vectorElement(OPERATOR_INPUTS, 1, 4), 57));
    patch(patched, "operator_output_negative", "operator 0 writes tensor -1",
        "subgraph 0 operator 0 output 0: tensor index -1 out of range", base,
        (f, c) -> f.putInt(operator(c, 0).vectorElement(OPERATOR_OUTPUTS, 0, 4), -1));
    patch(patched, "subgraph_input_out_of_range", "the subgraph's input is tensor 10 of 10",
        "subgraph 0 input 0: tensor index 10 out of range [0, 10)", base,
        (f, c) -> f.putInt(subgraph(c).vectorElement(SUBGRAPH_INPUTS, 0, 4), 10));
    patch(patched, "opcode_index_out_of_range", "operator 2 uses operator code 3 of 3",
        "subgraph 0 operator 2: opcode index 3 out of range [0, 3)", base,
        (f, c) -> f.putInt(operator(c, 2).field(OPERATOR_OPCODE_INDEX), 3));
    patch(patched, "cycle_reads_later_output", "operator 0 reads tensor 8, which operator 2 produces later",
        "operator 0 input 0: tensor 8 is produced by operator 2, not before it", base,
        (f, c) -> f.putInt(operator(c, 0).vectorElement(OPERATOR_INPUTS, 0, 4), 8));
    patch(patched, "self_cycle", "operator 2 reads its own output", "operator 2 input 0: tensor 8 is produced by"
        + " operator 2", base, (f, c) -> f.putInt(operator(c, 2).vectorElement(OPERATOR_INPUTS, 0, 4), 8));
    patch(patched, "tensor_produced_twice", "operators 1 and 2 both write tensor 6",
        "operator 2 output 0: tensor 6 is already produced by operator 1", base,
        (f, c) -> f.putInt(operator(c, 2).vectorElement(OPERATOR_OUTPUTS, 0, 4), 6));
    patch(patched, "operator_writes_constant", "operator 1 writes the weights tensor 4",
        "operator 1 output 0: tensor 4 is a constant", base,
        (f, c) -> f.putInt(operator(c, 1).vectorElement(OPERATOR_OUTPUTS, 0, 4), 4));
    patch(patched, "input_never_produced", "operator 2 reads tensor 9, which nothing produces",
        "operator 2 input 0: tensor 9 is never produced", base,
        (f, c) -> f.putInt(operator(c, 2).vectorElement(OPERATOR_INPUTS, 0, 4), 9));
    patch(patched, "output_never_produced", "the subgraph's output is tensor 9, which nothing produces",
        "subgraph 0 output 0: tensor 9 is never produced", base,
        (f, c) -> f.putInt(subgraph(c).vectorElement(SUBGRAPH_OUTPUTS, 0, 4), 9));
    patch(patched, "scale_zero_point_count_mismatch", "tensor 1 has 2 scales but 1 zero point",
        "2 scales but 1 zero points", base,
        (f, c) -> f.putInt(tensor(c, 1).table(TENSOR_QUANTIZATION).vectorCount(QUANT_ZERO_POINT), 1));
    patch(patched, "per_channel_count_mismatch", "tensor 4 has 2 scales along dimension 0 of size 3",
        "tensor 4 'w'.quantization: 2 scales along dimension 0, but shape [3,1,1,2] has 3 there", base,
        (f, c) -> {
          FlatCursor q = tensor(c, 4).table(TENSOR_QUANTIZATION);
          f.putInt(q.vectorCount(QUANT_SCALE), 2);
          f.putInt(q.vectorCount(QUANT_ZERO_POINT), 2);
        });
    patch(patched, "quantized_dimension_out_of_range", "tensor 1 is quantized along dimension 7 of a rank-4 shape",
        "along dimension 7, but shape [1,3,3,2] has no such dimension", base,
        (f, c) -> f.putInt(tensor(c, 1).table(TENSOR_QUANTIZATION).field(QUANT_DIMENSION), 7));
    patch(patched, "negative_scale", "tensor 0 has scale -0.05", "quantization scale must be positive",
        base, (f, c) -> f.putFloat(tensor(c, 0).table(TENSOR_QUANTIZATION).vectorElement(QUANT_SCALE, 0, 4),
            -0.05f));
    patch(patched, "nan_scale", "tensor 3 has scale NaN", "got NaN", base,
        (f, c) -> f.putFloat(tensor(c, 3).table(TENSOR_QUANTIZATION).vectorElement(QUANT_SCALE, 0, 4), Float.NaN));
    patch(patched, "options_table_mismatch", "the CONV_2D operator carries AddOptions",
        "CONV_2D takes Conv2DOptions, not AddOptions", base,
        (f, c) -> f.put(operator(c, 1).field(OPERATOR_OPTIONS_TYPE), (byte) 11));
    patch(patched, "unknown_options_type", "the CONV_2D operator's options are union type 250",
        "not options table number 250", base,
        (f, c) -> f.put(operator(c, 1).field(OPERATOR_OPTIONS_TYPE), (byte) 250));
    patch(patched, "negative_operator_code", "operator code 1 has deprecated_builtin_code -128",
        "negative builtin code", base, (f, c) -> f.put(c.table(MODEL_OPERATOR_CODES, 1).field(CODE_DEPRECATED),
            (byte) -128));
    patch(patched, "custom_without_name", "operator code 2 is CUSTOM but has no custom_code",
        "operator_codes[2].custom_code: missing", base, (f, c) -> {
          FlatCursor code = c.table(MODEL_OPERATOR_CODES, 2);
          f.put(code.field(CODE_DEPRECATED), (byte) BuiltinOperator.CUSTOM.code());
          f.putInt(code.field(CODE_BUILTIN), BuiltinOperator.CUSTOM.code());
        });
    patch(patched, "no_subgraphs", "the subgraphs vector is empty", "the model has no subgraph", base,
        (f, c) -> f.putInt(c.vectorCount(MODEL_SUBGRAPHS), 0));
    patch(patched, "no_buffers", "the buffers vector is empty", "model.buffers: missing", base,
        (f, c) -> f.putInt(c.vectorCount(MODEL_BUFFERS), 0));
    patch(patched, "metadata_buffer_out_of_range", "metadata 'labels' refers to buffer 42 of 7",
        "metadata 'labels': buffer index 42 out of range [0, 7)", base,
        (f, c) -> f.putInt(c.table(MODEL_METADATA, 0).field(METADATA_BUFFER), 42));
    cases.addAll(patched);
    cases.add(new Case("buffer_offset_past_end", "a large-model buffer at offset 2^40 (schema 3c offset/size)",
        "buffers[1].offset/size: 16 bytes at offset 1099511627776 lie outside the file",
        withOutOfLineBuffer(1L << 40, 16)));
    cases.add(new Case("buffer_offset_size_overflow", "a large-model buffer whose offset plus size overflows 64 bits",
        "buffers[1].offset/size: 4611686018427387904 bytes at offset 4611686018427387904",
        withOutOfLineBuffer(1L << 62, 1L << 62)));
    cases.add(new Case("shared_table_bomb", "20000 tensor entries all point at one tensor with 4096 dimensions",
        "far more memory than the file holds", sharedTableBomb()));
    return cases;
  }

  /** A change to one field of a valid file: {@code (file, root cursor)}. */
  private interface Patch {
    void apply(ByteBuffer file, FlatCursor root);
  }

  private static void patch(List<Case> out, String name, String wrong, String expected, byte[] base, Patch p) {
    byte[] copy = base.clone();
    p.apply(ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN), FlatCursor.root(base));
    out.add(new Case(name, wrong, expected, copy));
  }

  private static FlatCursor subgraph(FlatCursor model) {
    return model.table(MODEL_SUBGRAPHS, 0);
  }

  private static FlatCursor tensor(FlatCursor model, int index) {
    return subgraph(model).table(SUBGRAPH_TENSORS, index);
  }

  private static FlatCursor operator(FlatCursor model, int index) {
    return subgraph(model).table(SUBGRAPH_OPERATORS, index);
  }

  /**
   * A model whose buffer 1 is stored the large-model way (schema 3c): {@code size} bytes at file offset
   * {@code offset}, outside the FlatBuffer. Nothing is appended; callers append the data when they want it there.
   */
  static byte[] withOutOfLineBuffer(long offset, long size) {
    FlatBufferBuilder b = new FlatBufferBuilder(256);
    int buffer0 = emptyBuffer(b);
    b.startTable(3);
    b.addLong(1, offset, 0);
    b.addLong(2, size, 0);
    return finish(b, 0, buffer0, b.endTable());
  }

  private static byte[] sharedTableBomb() {
    int[] tensorOffsets = new int[20000];
    int[] ones = new int[4096];
    Arrays.fill(ones, 1);
    FlatBufferBuilder b = new FlatBufferBuilder(200_000);
    int shape = intVector(b, ones);
    b.startTable(2);
    b.addOffset(0, shape, 0);
    Arrays.fill(tensorOffsets, b.endTable());
    int tensors = b.createVectorOfTables(tensorOffsets);
    return finish(b, tensors, emptyBuffer(b), 0);
  }

  private static int emptyBuffer(FlatBufferBuilder b) {
    b.startTable(1);
    return b.endTable();
  }

  /** Model{version 3, subgraphs [{tensors}], buffers [buffer0, buffer1 if not 0]}. */
  private static byte[] finish(FlatBufferBuilder b, int tensors, int buffer0, int buffer1) {
    b.startTable(4);
    if (tensors != 0) {
      b.addOffset(0, tensors, 0);
    }
    int subgraph = b.endTable();
    int subgraphs = b.createVectorOfTables(new int[] {subgraph});
    int buffers = b.createVectorOfTables(buffer1 == 0 ? new int[] {buffer0} : new int[] {buffer0, buffer1});
    b.startTable(5);
    b.addInt(0, TfliteModel.SCHEMA_VERSION, 0);
    b.addOffset(2, subgraphs, 0);
    b.addOffset(4, buffers, 0);
    b.finish(b.endTable(), "TFL3");
    return b.sizedByteArray();
  }

  private static int intVector(FlatBufferBuilder b, int[] values) {
    b.startVector(4, values.length, 4);
    for (int i = values.length - 1; i >= 0; i--) {
      b.addInt(values[i]);
    }
    return b.endVector();
  }
}
