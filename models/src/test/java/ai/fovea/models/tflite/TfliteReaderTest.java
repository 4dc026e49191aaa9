package ai.fovea.models.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Valid files at the edges of the format load; the model's own rules hold for models assembled in memory too. */
class TfliteReaderTest {
  @Test
  void zeroElementTensorsNeedNoProducer() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 6), Quantization.none());
    int empty = b.addTensor("empty", DataType.INT32, Shape.of(0));
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(2, 3));
    b.addOperator(BuiltinOperator.RESHAPE, OperatorOptions.builder("ReshapeOptions").set("new_shape",
        new int[] {2, 3}).build(), new int[] {x, empty}, new int[] {y});
    b.markOutput(y);
    TfliteModel m = TfliteReader.read(b.build());
    assertEquals(0, m.mainSubgraph().tensors().get(empty).shape().size());
  }

  @Test
  void shapeSignaturesRoundTripAndMustDescribeTheShape() {
    TensorInfo in = new TensorInfo("in", DataType.FLOAT32, Shape.of(1, 4), new int[] {-1, 4}, Quantization.none(), 0,
        null);
    Subgraph g = new Subgraph("main", List.of(in), new int[] {0}, new int[] {0}, List.of());
    TfliteModel m = new TfliteModel("sig", List.of(), List.of(g), List.of(new byte[0]), Map.of());
    TfliteModel back = TfliteReader.read(TfliteWriter.write(m));
    assertArrayEquals(new int[] {-1, 4}, back.mainSubgraph().tensors().get(0).shapeSignature());
    assertNull(TfliteReader.read(MalformedModels.base()).mainSubgraph().tensors().get(0).shapeSignature());
    assertThrows(IllegalArgumentException.class, () -> new TensorInfo("in", DataType.FLOAT32, Shape.of(1, 4),
        new int[] {-1, 5}, Quantization.none(), 0, null));
  }

  @Test
  void readsLargeModelBuffersStoredAfterTheFlatBuffer() {
    byte[] data = {1, 2, 3, 4, 5, 6, 7, 8};
    // The data goes right after the FlatBuffer; a first build with a placeholder offset gives its length.
    byte[] head = MalformedModels.withOutOfLineBuffer(1L << 40, data.length);
    int offset = (head.length + 15) / 16 * 16;
    byte[] flat = MalformedModels.withOutOfLineBuffer(offset, data.length);
    assertEquals(head.length, flat.length);
    byte[] file = Arrays.copyOf(flat, offset + data.length);
    System.arraycopy(data, 0, file, offset, data.length);
    assertArrayEquals(data, TfliteReader.read(file).buffers().get(1));
  }

  @Test
  void readsFromTheBufferPositionWithoutMovingIt() {
    byte[] model = MalformedModels.base();
    byte[] padded = new byte[model.length + 5];
    System.arraycopy(model, 0, padded, 5, model.length);
    ByteBuffer buf = ByteBuffer.wrap(padded);
    buf.position(5);
    assertEquals(3, TfliteReader.read(buf).mainSubgraph().operators().size());
    assertEquals(5, buf.position());
  }

  @Test
  void codesAbove127UseThePlaceholderInTheDeprecatedByte() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 3), Quantization.none());
    int shape = b.addConstant("shape", Shape.of(2), Quantization.none(), new int[] {2, 3});
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(2, 3));
    b.addOperator(BuiltinOperator.BROADCAST_TO, OperatorOptions.none(), new int[] {x, shape}, new int[] {y});
    b.markOutput(y);
    byte[] file = b.build();
    int deprecatedAt = FlatCursor.root(file).table(1, 0).field(0);
    assertEquals(BuiltinOperator.PLACEHOLDER_FOR_GREATER_OP_CODES, file[deprecatedAt]);
    assertEquals(BuiltinOperator.BROADCAST_TO, TfliteReader.read(file).operatorCodes().get(0).builtin());
  }

  @Test
  void controlFlowSubgraphIndicesMustExist() {
    ModelBuilder b = new ModelBuilder();
    int cond = b.addInput("cond", DataType.INT32, Shape.of(1), Quantization.none());
    int out = b.addTensor("out", DataType.INT32, Shape.of(1));
    b.addOperator(BuiltinOperator.IF, OperatorOptions.builder("IfOptions").set("then_subgraph_index", 3).build(),
        new int[] {cond}, new int[] {out});
    b.markOutput(out);
    ModelFormatException e = assertThrows(ModelFormatException.class, b::build);
    assertTrue(e.getMessage().contains("IfOptions.then_subgraph_index: subgraph index 3 out of range [0, 1)"),
        e.getMessage());
  }

  @Test
  void modelsAssembledInMemoryKeepTheSameRules() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 3), Quantization.none());
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(1, 3));
    int z = b.addTensor("z", DataType.FLOAT32, Shape.of(1, 3));
    b.addOperator(BuiltinOperator.ADD, OperatorOptions.none(), new int[] {x, z}, new int[] {y});
    b.addOperator(BuiltinOperator.RELU, OperatorOptions.none(), new int[] {y}, new int[] {z});
    b.markOutput(z);
    ModelFormatException e = assertThrows(ModelFormatException.class, b::toModel);
    assertTrue(e.getMessage().contains("operator 0 input 1: tensor 2 is produced by operator 1"), e.getMessage());
  }

  @Test
  void rejectsNullInput() {
    assertThrows(IllegalArgumentException.class, () -> TfliteReader.read((byte[]) null));
    assertThrows(IllegalArgumentException.class, () -> TfliteReader.read((ByteBuffer) null));
  }
}
