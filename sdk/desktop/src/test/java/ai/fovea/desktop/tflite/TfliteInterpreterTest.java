package ai.fovea.desktop.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Acceptance: models written by our writer load and run in the real interpreter. */
class TfliteInterpreterTest {
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
      assertArrayEquals(new byte[] {10, 44}, Arrays.copyOf(tflite.output(0).bytes(), 2));
    }
  }

  @Test
  void rejectsGarbageWithATypedError() {
    assertThrows(IllegalArgumentException.class, () -> TfliteInterpreter.builder(new byte[64]).build());
  }
}
