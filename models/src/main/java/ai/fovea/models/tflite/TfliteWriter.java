package ai.fovea.models.tflite;

import ai.fovea.kernels.tensor.Quantization;
import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Serializes a {@link TfliteModel} to the TFLite FlatBuffer format (identifier TFL3, schema version 3) that the
 * real interpreter loads: buffer data 16-byte aligned, options tables written through {@link OptionsSchema},
 * metadata as named buffers. Field ids below are schema.fbs positions.
 */
public final class TfliteWriter {
  private TfliteWriter() {}

  public static byte[] write(TfliteModel model) {
    if (model == null) {
      throw new IllegalArgumentException("model is null");
    }
    FlatBufferBuilder b = new FlatBufferBuilder(1024 + totalBufferBytes(model));
    int[] buffers = new int[model.buffers().size()];
    // Data first: written back to front, so write buffers in reverse to keep their file order.
    for (int i = buffers.length - 1; i >= 0; i--) {
      buffers[i] = writeBuffer(b, model.buffers().get(i));
    }
    int[] codes = new int[model.operatorCodes().size()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = writeOperatorCode(b, model.operatorCodes().get(i));
    }
    int[] subgraphs = new int[model.subgraphs().size()];
    for (int i = 0; i < subgraphs.length; i++) {
      subgraphs[i] = writeSubgraph(b, model.subgraphs().get(i));
    }
    int[] metadata = new int[model.metadata().size()];
    int m = 0;
    for (Map.Entry<String, Integer> e : model.metadata().entrySet()) {
      int name = b.createString(e.getKey());
      b.startTable(2);
      b.addOffset(0, name, 0);
      b.addInt(1, e.getValue(), 0);
      metadata[m++] = b.endTable();
    }
    int description = b.createString(model.description());
    int codesVec = b.createVectorOfTables(codes);
    int subgraphsVec = b.createVectorOfTables(subgraphs);
    int buffersVec = b.createVectorOfTables(buffers);
    int metadataVec = metadata.length > 0 ? b.createVectorOfTables(metadata) : 0;
    b.startTable(7);
    b.addInt(0, TfliteModel.SCHEMA_VERSION, -1);
    b.addOffset(1, codesVec, 0);
    b.addOffset(2, subgraphsVec, 0);
    b.addOffset(3, description, 0);
    b.addOffset(4, buffersVec, 0);
    if (metadataVec != 0) {
      b.addOffset(6, metadataVec, 0);
    }
    b.finish(b.endTable(), "TFL3");
    return b.sizedByteArray();
  }

  private static int totalBufferBytes(TfliteModel model) {
    long n = 0;
    for (byte[] buf : model.buffers()) {
      n += buf.length + 16;
    }
    if (n > Integer.MAX_VALUE - 4096) {
      throw new IllegalArgumentException("model data of " + n + " bytes does not fit a FlatBuffer");
    }
    return (int) n;
  }

  private static int writeBuffer(FlatBufferBuilder b, byte[] data) {
    int vec = 0;
    if (data.length > 0) {
      ByteBuffer dst = b.createUnintializedVector(1, data.length, 16);
      dst.put(data);
      vec = b.endVector();
    }
    b.startTable(1);
    if (vec != 0) {
      b.addOffset(0, vec, 0);
    }
    return b.endTable();
  }

  private static int writeOperatorCode(FlatBufferBuilder b, OperatorCode code) {
    int custom = code.customCode() == null ? 0 : b.createString(code.customCode());
    b.startTable(4);
    b.addByte(0, (byte) BuiltinOperator.deprecatedCodeFor(code.builtinCode()), 0);
    if (custom != 0) {
      b.addOffset(1, custom, 0);
    }
    b.addInt(2, code.version(), 1);
    b.addInt(3, code.builtinCode(), 0);
    return b.endTable();
  }

  private static int writeSubgraph(FlatBufferBuilder b, Subgraph g) {
    List<TensorInfo> tensors = g.tensors();
    int[] tensorOffsets = new int[tensors.size()];
    for (int i = 0; i < tensorOffsets.length; i++) {
      tensorOffsets[i] = writeTensor(b, tensors.get(i));
    }
    int[] operatorOffsets = new int[g.operators().size()];
    for (int i = 0; i < operatorOffsets.length; i++) {
      operatorOffsets[i] = writeOperator(b, g.operators().get(i));
    }
    int tensorsVec = b.createVectorOfTables(tensorOffsets);
    int inputs = intVector(b, g.inputs());
    int outputs = intVector(b, g.outputs());
    int operatorsVec = b.createVectorOfTables(operatorOffsets);
    int name = b.createString(g.name());
    b.startTable(5);
    b.addOffset(0, tensorsVec, 0);
    b.addOffset(1, inputs, 0);
    b.addOffset(2, outputs, 0);
    b.addOffset(3, operatorsVec, 0);
    b.addOffset(4, name, 0);
    return b.endTable();
  }

  private static int writeTensor(FlatBufferBuilder b, TensorInfo t) {
    if (t.isSparse()) {
      throw new IllegalArgumentException("tensor '" + t.name() + "' is sparse; Fovea does not keep sparsity"
          + " parameters, so it cannot write it");
    }
    int shape = intVector(b, t.shape().toArray());
    int name = b.createString(t.name());
    int quant = t.quantization().isQuantized() ? writeQuantization(b, t.quantization()) : 0;
    int[] signature = t.shapeSignature();
    int signatureVec = signature == null ? 0 : intVector(b, signature);
    b.startTable(8);
    b.addOffset(0, shape, 0);
    b.addByte(1, (byte) t.type().tfliteCode(), 0);
    b.addInt(2, t.buffer(), 0);
    b.addOffset(3, name, 0);
    if (quant != 0) {
      b.addOffset(4, quant, 0);
    }
    if (signatureVec != 0) {
      b.addOffset(7, signatureVec, 0);
    }
    return b.endTable();
  }

  private static int writeQuantization(FlatBufferBuilder b, Quantization q) {
    float[] scales = q.scales();
    int[] zeroPoints = q.zeroPoints();
    b.startVector(4, scales.length, 4);
    for (int i = scales.length - 1; i >= 0; i--) {
      b.addFloat(scales[i]);
    }
    int scaleVec = b.endVector();
    b.startVector(8, zeroPoints.length, 8);
    for (int i = zeroPoints.length - 1; i >= 0; i--) {
      b.addLong(zeroPoints[i]);
    }
    int zpVec = b.endVector();
    b.startTable(7);
    b.addOffset(2, scaleVec, 0);
    b.addOffset(3, zpVec, 0);
    b.addInt(6, q.axis(), 0);
    return b.endTable();
  }

  private static int writeOperator(FlatBufferBuilder b, Operator op) {
    int inputs = intVector(b, op.inputs());
    int outputs = intVector(b, op.outputs());
    OperatorOptions options = op.options();
    int optionsTable = options.table() == null ? 0 : writeOptions(b, options);
    byte[] custom = op.customOptions();
    int customVec = custom.length == 0 ? 0 : b.createByteVector(custom);
    b.startTable(9);
    b.addInt(0, op.opcodeIndex(), 0);
    b.addOffset(1, inputs, 0);
    b.addOffset(2, outputs, 0);
    if (optionsTable != 0) {
      b.addByte(3, (byte) options.table().unionType, 0);
      b.addOffset(4, optionsTable, 0);
    }
    if (customVec != 0) {
      b.addOffset(5, customVec, 0);
    }
    return b.endTable();
  }

  private static int writeOptions(FlatBufferBuilder b, OperatorOptions options) {
    OptionsSchema.Table table = options.table();
    Map<String, Object> values = options.explicitValues();
    int[] vectors = new int[table.slotCount()];
    for (OptionsSchema.Field f : table.fields().values()) {
      if (f.kind == OptionsSchema.Kind.INT_VECTOR && values.containsKey(f.name)) {
        vectors[f.id] = intVector(b, (int[]) values.get(f.name));
      }
    }
    b.startTable(table.slotCount());
    for (OptionsSchema.Field f : table.fields().values()) {
      Object v = values.get(f.name);
      if (v == null) {
        continue;
      }
      Object d = f.defaultValue();
      switch (f.kind) {
        case BOOL:
          b.addBoolean(f.id, (Boolean) v, (Boolean) d);
          break;
        case BYTE:
          b.addByte(f.id, (byte) (int) (Integer) v, (byte) (int) (Integer) d);
          break;
        case INT:
          b.addInt(f.id, (Integer) v, (Integer) d);
          break;
        case FLOAT:
          b.addFloat(f.id, (Float) v, (Float) d);
          break;
        default:
          b.addOffset(f.id, vectors[f.id], 0);
      }
    }
    return b.endTable();
  }

  private static int intVector(FlatBufferBuilder b, int[] values) {
    b.startVector(4, values.length, 4);
    for (int i = values.length - 1; i >= 0; i--) {
      b.addInt(values[i]);
    }
    return b.endVector();
  }
}
