package ai.fovea.models.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TfliteRoundTripTest {
  static byte[] int8ConvModel() {
    ModelBuilder b = new ModelBuilder().description("round trip");
    int in = b.addInput("in", DataType.INT8, Shape.of(1, 5, 5, 2), Quantization.perTensor(0.05f, -3));
    int w = b.addConstant("w", DataType.INT8, Shape.of(3, 3, 3, 2),
        Quantization.perChannel(0, new float[] {0.01f, 0.02f, 0.03f}, new int[3]), weights());
    int bias = b.addConstant("b", Shape.of(3), Quantization.perChannel(0, new float[] {5e-4f, 1e-3f, 1.5e-3f},
        new int[3]), new int[] {1, -2, 3});
    int out = b.addTensor("out", DataType.INT8, Shape.of(1, 3, 3, 3), Quantization.perTensor(0.1f, 7));
    b.addOperator(BuiltinOperator.CONV_2D, OperatorOptions.builder("Conv2DOptions").set("padding", 1)
        .set("stride_w", 2).set("stride_h", 2).set("fused_activation_function", 3).build(),
        new int[] {in, w, bias}, new int[] {out});
    b.markOutput(out);
    b.addMetadata("labels", "cat\ndog".getBytes(StandardCharsets.UTF_8));
    return b.build();
  }

  private static byte[] weights() {
    byte[] w = new byte[54];
    new java.util.Random(1).nextBytes(w);
    return w;
  }

  @Test
  void writerOutputReadsBackFieldForField() {
    byte[] file = int8ConvModel();
    assertEquals("TFL3", new String(file, 4, 4, StandardCharsets.US_ASCII));
    TfliteModel m = TfliteReader.read(file);
    assertEquals("round trip", m.description());
    Subgraph g = m.mainSubgraph();
    assertEquals(4, g.tensors().size());
    assertArrayEquals(new int[] {0}, g.inputs());
    assertArrayEquals(new int[] {3}, g.outputs());
    TensorInfo w = g.tensors().get(1);
    assertEquals(DataType.INT8, w.type());
    assertEquals(Shape.of(3, 3, 3, 2), w.shape());
    assertEquals(0.02f, w.quantization().scale(1));
    assertEquals(-3, g.tensors().get(0).quantization().zeroPoint());
    Operator op = g.operators().get(0);
    assertEquals(BuiltinOperator.CONV_2D, m.operatorCodes().get(op.opcodeIndex()).builtin());
    assertEquals(1, op.options().intValue("padding"));
    assertEquals(2, op.options().intValue("stride_h"));
    assertEquals(3, op.options().intValue("fused_activation_function"));
    assertEquals(1, op.options().intValue("dilation_w_factor"), "schema default");
    ByteBuffer bias = ByteBuffer.wrap(m.buffers().get(g.tensors().get(2).buffer())).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(-2, bias.getInt(4));
    assertEquals("cat\ndog", new String(m.metadata("labels"), StandardCharsets.UTF_8));
    assertNull(m.metadata("missing"));
  }

  @Test
  void constantBuffersAreSixteenByteAligned() {
    byte[] file = int8ConvModel();
    TfliteModel m = TfliteReader.read(file);
    // Find each non-empty buffer's bytes in the file and check the offset of its first byte.
    for (byte[] data : m.buffers()) {
      if (data.length >= 8) {
        int at = indexOf(file, data);
        assertEquals(0, at % 16, "buffer at offset " + at);
      }
    }
  }

  private static int indexOf(byte[] file, byte[] data) {
    outer:
    for (int i = 0; i + data.length <= file.length; i++) {
      for (int j = 0; j < data.length; j++) {
        if (file[i + j] != data[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void optionsRejectUnknownFieldsAndWrongKinds() {
    assertThrows(IllegalArgumentException.class, () -> OperatorOptions.builder("Conv2DOptions").set("stride", 1));
    assertThrows(IllegalArgumentException.class, () -> OperatorOptions.builder("SoftmaxOptions").set("beta", 1));
    assertThrows(IllegalArgumentException.class, () -> OperatorOptions.builder("NoSuchOptions"));
    assertEquals(1f, OperatorOptions.builder("SoftmaxOptions").set("beta", 1f).build().floatValue("beta"));
  }

  @Test
  void effectiveBuiltinCodeIsTheLargerOfTheTwoFields() {
    assertEquals(130, BuiltinOperator.effectiveCode(127, 130)); // codes above 127 use the placeholder
    assertEquals(3, BuiltinOperator.effectiveCode(3, 0));
    assertEquals(3, BuiltinOperator.effectiveCode(3, 3));
    assertEquals(BuiltinOperator.HARD_SWISH, BuiltinOperator.fromCode(117));
  }

  @Test
  void intVectorOptionsRoundTrip() {
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("in", DataType.FLOAT32, Shape.of(1, 6), Quantization.none());
    int out = b.addTensor("out", DataType.FLOAT32, Shape.of(2, 3));
    b.addOperator(BuiltinOperator.RESHAPE, OperatorOptions.builder("ReshapeOptions").set("new_shape", new int[] {2, 3})
        .build(), new int[] {in}, new int[] {out});
    b.markOutput(out);
    TfliteModel m = TfliteReader.read(b.build());
    assertArrayEquals(new int[] {2, 3}, m.mainSubgraph().operators().get(0).options().intsValue("new_shape"));
  }
}
