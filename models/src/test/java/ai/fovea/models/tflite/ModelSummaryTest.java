package ai.fovea.models.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {
  @Test
  void countsConvolutionMacsAndConstantParameters() {
    ModelSummary s = ModelSummary.of(TfliteReader.read(TfliteRoundTripTest.int8ConvModel()));
    // output 1x3x3x3 = 27 values, each 3x3x2 = 18 MACs
    assertEquals(27 * 18, s.totalMacs());
    assertEquals(54 + 3, s.parameters());
    assertTrue(s.toText().contains("CONV_2D"), s.toText());
  }

  @Test
  void countsDepthwiseMacsPerOutputAndNothingForReshape() {
    ModelSummary s = ModelSummary.of(TfliteReader.read(MalformedModels.base()));
    assertEquals(8 * 9, s.ops().get(0).macs, "depthwise: 1x2x2x2 outputs, 3x3 taps each");
    assertEquals(12 * 2, s.ops().get(1).macs, "conv: 1x2x2x3 outputs, 1x1x2 taps each");
    assertEquals(0, s.ops().get(2).macs);
    assertEquals(72 + 24, s.totalMacs());
    assertEquals(18 + 2 + 6 + 3 + 2, s.parameters(), "constants only; metadata is not a parameter");
    assertEquals("int8[1,2,2,2] int8[3,1,1,2] int32[3]", s.ops().get(1).inputs);
  }

  @Test
  void countsFullyConnectedAndTransposeConvMacs() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(2, 8), Quantization.none());
    int w = b.addConstant("w", Shape.of(5, 8), new float[40]);
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(2, 5));
    b.addOperator(BuiltinOperator.FULLY_CONNECTED, OperatorOptions.none(), new int[] {x, w, -1}, new int[] {y});
    int img = b.addInput("img", DataType.FLOAT32, Shape.of(1, 3, 3, 4), Quantization.none());
    int outShape = b.addConstant("out_shape", Shape.of(4), Quantization.none(), new int[] {1, 6, 6, 2});
    int k = b.addConstant("k", Shape.of(2, 3, 3, 4), new float[72]);
    int up = b.addTensor("up", DataType.FLOAT32, Shape.of(1, 6, 6, 2));
    b.addOperator(BuiltinOperator.TRANSPOSE_CONV, OperatorOptions.builder("TransposeConvOptions").set("stride_w", 2)
        .set("stride_h", 2).build(), new int[] {outShape, k, img}, new int[] {up});
    b.markOutput(y);
    b.markOutput(up);
    ModelSummary s = ModelSummary.of(b.toModel());
    assertEquals(2 * 5 * 8, s.ops().get(0).macs);
    // every input value is scattered through a 3x3 kernel into 2 output channels
    assertEquals(9 * 4 * (3 * 3 * 2), s.ops().get(1).macs);
    assertEquals(40 + 4 + 72, s.parameters());
    String text = s.toText();
    assertTrue(text.contains("TRANSPOSE_CONV") && text.contains("total MACs: 728"), text);
  }
}
