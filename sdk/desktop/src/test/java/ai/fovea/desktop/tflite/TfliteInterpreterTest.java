package ai.fovea.desktop.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Acceptance: models written by our writer load and run in the real interpreter, and data crosses intact. */
class TfliteInterpreterTest {
  @Test
  void loadsTheNativeRuntimeOfTflite262() {
    assertEquals("2.6.2", TfliteInterpreter.runtimeVersion());
  }

  @Test
  void runsAWriterMadeFloatModel() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 2, 2, 1), Quantization.none());
    int k = b.addConstant("k", Shape.of(1, 2, 2, 1), new float[] {10, 20, 30, 40});
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(1, 2, 2, 1));
    b.addOperator(BuiltinOperator.ADD, OperatorOptions.builder("AddOptions").set("fused_activation_function", 3).build(),
        new int[] {x, k}, new int[] {y});
    b.markOutput(y);
    try (TfliteInterpreter tflite = TfliteInterpreter.builder(b.build()).build()) {
      tflite.run(Tensor.ofFloats("x", Shape.of(1, 2, 2, 1), new float[] {-20, -15.5f, -25, 1}));
      Tensor out = tflite.output(0);
      assertEquals(Shape.of(1, 2, 2, 1), out.shape());
      assertArrayEquals(new float[] {0, 4.5f, 5, 6}, Arrays.copyOf(out.floats(), 4), "ADD with fused RELU6");
    }
  }

  @Test
  void runsAWriterMadeInt8ModelWithPerChannelWeights() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.INT8, Shape.of(1, 1, 1, 2), Quantization.perTensor(0.5f, 0));
    int w = b.addConstant("w", DataType.INT8, Shape.of(2, 1, 1, 2),
        Quantization.perChannel(0, new float[] {0.25f, 0.5f}, new int[2]), new byte[] {1, 2, 3, 4});
    int bias = b.addConstant("b", Shape.of(2), Quantization.perChannel(0, new float[] {0.125f, 0.25f}, new int[2]),
        new int[] {0, 0});
    int y = b.addTensor("y", DataType.INT8, Shape.of(1, 1, 1, 2), Quantization.perTensor(0.125f, 0));
    b.addOperator(BuiltinOperator.CONV_2D, OperatorOptions.builder("Conv2DOptions").set("padding", 1)
        .set("stride_w", 1).set("stride_h", 1).build(), new int[] {x, w, bias}, new int[] {y});
    b.markOutput(y);
    try (TfliteInterpreter tflite = TfliteInterpreter.builder(b.build()).build()) {
      tflite.run(Tensor.ofBytes("x", DataType.INT8, Shape.of(1, 1, 1, 2), Quantization.perTensor(0.5f, 0),
          new byte[] {2, 4}));
      // real x = (1, 2); channel 0: (0.25 + 1.0) = 1.25 -> 10; channel 1: (1.5 + 4.0) = 5.5 -> 44
      Tensor out = tflite.output(0);
      assertArrayEquals(new byte[] {10, 44}, Arrays.copyOf(out.bytes(), 2));
      assertEquals(0.125f, out.quantization().scale(0), "output keeps the model's quantization");
    }
  }

  @Test
  void carriesEveryElementTypeInAndOutUnchanged() {
    Tensor[] inputs = {
      Tensor.ofFloats("x", Shape.of(2, 3), new float[] {-1.5f, 0, 1e-30f, 3, Float.MAX_VALUE, -7}),
      Tensor.ofBytes("x", DataType.INT8, Shape.of(2, 3), Quantization.perTensor(0.1f, -3),
          new byte[] {-128, -1, 0, 1, 64, 127}),
      Tensor.ofBytes("x", DataType.UINT8, Shape.of(2, 3), Quantization.perTensor(0.1f, 128),
          new byte[] {(byte) 255, (byte) 128, 0, 1, 64, 127}),
      Tensor.ofInts("x", Shape.of(2, 3), Quantization.none(), new int[] {Integer.MIN_VALUE, -1, 0, 1, 1 << 20, Integer.MAX_VALUE}),
      Tensor.ofLongs("x", Shape.of(2, 3), new long[] {Long.MIN_VALUE, -1, 0, 1, 1L << 40, Long.MAX_VALUE}),
    };
    for (Tensor in : inputs) {
      ModelBuilder b = new ModelBuilder();
      int x = b.addInput("x", in.dataType(), in.shape(), in.quantization());
      int shape = b.addConstant("shape", Shape.of(2), Quantization.none(), new int[] {3, 2});
      int y = b.addTensor("y", in.dataType(), Shape.of(3, 2), in.quantization());
      b.addOperator(BuiltinOperator.RESHAPE, new int[] {x, shape}, new int[] {y});
      b.markOutput(y);
      try (TfliteInterpreter tflite = TfliteInterpreter.builder(b.build()).build()) {
        tflite.run(in);
        Tensor out = tflite.output(0);
        assertEquals(Shape.of(3, 2), out.shape(), in.dataType().toString());
        assertEquals(in.dataType(), out.dataType());
        assertArrayEquals(values(in), values(out), in.dataType() + " values");
      }
    }
  }

  private static long[] values(Tensor t) {
    long[] v = new long[t.size()];
    for (int i = 0; i < v.length; i++) {
      switch (t.dataType()) {
        case FLOAT32:
          v[i] = Float.floatToRawIntBits(t.floats()[i]);
          break;
        case INT32:
          v[i] = t.ints()[i];
          break;
        case INT64:
          v[i] = t.longs()[i];
          break;
        default:
          v[i] = t.bytes()[i];
      }
    }
    return v;
  }

  /** y = x * x, the smallest model with an op that accepts any input shape. */
  private static byte[] squareModel(Shape shape) {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, shape, Quantization.none());
    int y = b.addTensor("y", DataType.FLOAT32, shape);
    b.addOperator(BuiltinOperator.MUL, new int[] {x, x}, new int[] {y});
    b.markOutput(y);
    return b.build();
  }

  @Test
  void resizesInputsToTheShapeOfTheGivenTensorsAndReusesThemAcrossRuns() {
    try (TfliteInterpreter tflite = TfliteInterpreter.builder(squareModel(Shape.of(1, 2))).threads(2).xnnpack(true).build()) {
      tflite.run(Tensor.ofFloats("x", Shape.of(3, 2), new float[] {1, 2, 3, 4, 5, 6}));
      assertEquals(Shape.of(3, 2), tflite.output(0).shape());
      assertArrayEquals(new float[] {1, 4, 9, 16, 25, 36}, tflite.output(0).floats());
      tflite.run(Tensor.ofFloats("x", Shape.of(3, 2), new float[] {-1, -2, -3, -4, -5, -6}));
      assertArrayEquals(new float[] {1, 4, 9, 16, 25, 36}, tflite.output(0).floats());
      assertTrue(tflite.lastRunNanos() > 0);
    }
  }

  @Test
  void rejectsInputsThatDoNotMatchTheModel() {
    try (TfliteInterpreter tflite = TfliteInterpreter.builder(squareModel(Shape.of(2))).build()) {
      IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
          () -> tflite.run(Tensor.allocate("x", DataType.INT8, Shape.of(2), Quantization.perTensor(1f, 0))));
      assertTrue(wrongType.getMessage().contains("must be FLOAT32, got INT8"), wrongType.getMessage());
      assertThrows(IllegalArgumentException.class, () -> tflite.run());
      assertThrows(IllegalStateException.class, () -> tflite.output(0), "no run yet");
      assertThrows(IndexOutOfBoundsException.class, () -> tflite.output(1));
    }
  }

  @Test
  void refusesUseAfterClose() {
    TfliteInterpreter tflite = TfliteInterpreter.builder(squareModel(Shape.of(2))).build();
    tflite.close();
    tflite.close();
    assertThrows(IllegalStateException.class, () -> tflite.run(Tensor.allocate("x", DataType.FLOAT32, Shape.of(2))));
  }

  @Test
  void rejectsGarbageAndBadOptionsWithTypedErrors() {
    IllegalArgumentException garbage = assertThrows(IllegalArgumentException.class,
        () -> TfliteInterpreter.builder(new byte[64]).build());
    assertTrue(garbage.getMessage().startsWith("TFLite rejected the model"), garbage.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TfliteInterpreter.builder(new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> TfliteInterpreter.builder(new byte[8]).threads(0));
  }
}
