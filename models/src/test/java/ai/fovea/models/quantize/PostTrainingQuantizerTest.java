package ai.fovea.models.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.Operator;
import ai.fovea.models.tflite.OperatorOptions;
import ai.fovea.models.tflite.TensorInfo;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteReader;
import ai.fovea.models.tflite.TfliteWriter;
import ai.fovea.models.zoo.NetworkBuilder;
import ai.fovea.models.zoo.ReferenceNetworks;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostTrainingQuantizerTest {
  private static final PostTrainingQuantizer INT8_IO = PostTrainingQuantizer.builder().build();

  @Test
  void quantizedMobileNetTracksTheFloatModel() {
    // Measured on held-out inputs: class scores 3.3% relative RMS error, probabilities within 0.002.
    assertTracksFloat(ReferenceNetworks.mobileNetV1(96, 0.25f, 1000, 1), 0.06, 0.01);
  }

  @Test
  void quantizedResidualStackTracksTheFloatModel() {
    // Measured: class scores 1.2% relative RMS error, probabilities within 0.006.
    assertTracksFloat(ReferenceNetworks.residualStack(64, new int[] {16, 32, 64}, 2, 10, 2), 0.03, 0.02);
  }

  /** Runs both models on an input outside the calibration set and compares scores and probabilities. */
  private static void assertTracksFloat(TfliteModel floatModel, double maxScoreError, double maxProbabilityError) {
    TfliteModel int8 = quantize(floatModel, INT8_IO);
    Tensor input = CalibrationSamples.uniform(floatModel, 1, -1f, 1f, 99).get(0)[0];
    try (GraphRunner f = GraphRunner.builder(floatModel).build(); GraphRunner q = GraphRunner.builder(int8).build()) {
      System.arraycopy(input.floats(), 0, f.input(0).floats(), 0, input.size());
      byte[] quantized = Int8Scheme.quantize(input.floats(), input.shape(), q.input(0).quantization());
      System.arraycopy(quantized, 0, q.input(0).bytes(), 0, quantized.length);
      f.run();
      q.run();
      String scores = softmaxInput(floatModel).name();
      double[] err = errors(tensor(f, scores), tensor(q, scores));
      assertTrue(err[0] < maxScoreError, floatModel.description() + ": scores relative RMS error " + err[0]);
      double[] probabilityErr = errors(f.output(0), q.output(0));
      assertTrue(probabilityErr[1] < maxProbabilityError, "probabilities max error " + probabilityErr[1]);
    }
  }

  @Test
  void sharesOrFixesParametersWhereTfliteKernelsRequireIt() {
    TfliteModel int8 = quantize(ReferenceNetworks.mobileNetV1(64, 0.25f, 10, 1), INT8_IO);
    for (Operator node : int8.mainSubgraph().operators()) {
      BuiltinOperator op = int8.operatorCodes().get(node.opcodeIndex()).builtin();
      TensorInfo in = info(int8, node.inputs()[0]);
      TensorInfo out = info(int8, node.outputs()[0]);
      assertEquals(DataType.INT8, out.type());
      if (op == BuiltinOperator.AVERAGE_POOL_2D || op == BuiltinOperator.RESHAPE) {
        assertEquals(in.quantization(), out.quantization(), op + " output must share its input's parameters");
      } else if (op == BuiltinOperator.SOFTMAX) {
        assertEquals(Quantization.perTensor(1f / 256, -128), out.quantization());
      } else if (op == BuiltinOperator.CONV_2D || op == BuiltinOperator.DEPTHWISE_CONV_2D) {
        TensorInfo filter = info(int8, node.inputs()[1]);
        TensorInfo bias = info(int8, node.inputs()[2]);
        int axis = op == BuiltinOperator.CONV_2D ? 0 : 3;
        assertEquals(axis, filter.quantization().axis());
        assertEquals(filter.shape().dim(axis), filter.quantization().channelCount());
        assertEquals(DataType.INT32, bias.type());
        for (int c = 0; c < filter.quantization().channelCount(); c++) {
          assertEquals(in.quantization().scale() * filter.quantization().scale(c), bias.quantization().scale(c));
        }
      }
    }
  }

  @Test
  void concatenationInputsAreRequantizedToTheOutputWhereTheyDiffer() {
    NetworkBuilder net = new NetworkBuilder("t", 2);
    int x = net.input("x", Shape.of(1, 8, 8, 3));
    int relu = net.conv(x, 4, 3, 1, Activation.RELU);
    int logistic = net.logistic(net.conv(x, 4, 3, 1, Activation.NONE));
    TfliteModel floatModel = net.output(net.maxPool(net.concatChannels(relu, logistic), 2, 2)).build();
    TfliteModel int8 = quantize(floatModel, INT8_IO);
    Operator concat = int8.mainSubgraph().operators().stream()
        .filter(n -> int8.operatorCodes().get(n.opcodeIndex()).builtin() == BuiltinOperator.CONCATENATION)
        .findFirst().get();
    Quantization output = info(int8, concat.outputs()[0]).quantization();
    for (int input : concat.inputs()) {
      assertEquals(output, info(int8, input).quantization());
    }
    // The ReLU branch spans the whole concatenated range and passes as is; the logistic branch's fixed 1/256
    // parameters differ, so it alone goes through an int8 -> int8 QUANTIZE.
    List<Operator> requantizations = int8.mainSubgraph().operators().stream()
        .filter(n -> int8.operatorCodes().get(n.opcodeIndex()).builtin() == BuiltinOperator.QUANTIZE)
        .collect(java.util.stream.Collectors.toList());
    assertEquals(1, requantizations.size());
    assertEquals(Quantization.perTensor(1f / 256, -128),
        info(int8, requantizations.get(0).inputs()[0]).quantization());
    try (GraphRunner runner = GraphRunner.builder(int8).build()) {
      runner.run();
    }
  }

  @Test
  void fullyConnectedWeightsArePerTensor() {
    TfliteModel int8 = quantize(ReferenceNetworks.residualStack(32, new int[] {8, 16}, 1, 10, 1), INT8_IO);
    Operator fc = int8.mainSubgraph().operators().stream()
        .filter(n -> int8.operatorCodes().get(n.opcodeIndex()).builtin() == BuiltinOperator.FULLY_CONNECTED)
        .findFirst().get();
    assertEquals(1, info(int8, fc.inputs()[1]).quantization().channelCount());
    assertEquals(1, info(int8, fc.inputs()[2]).quantization().channelCount());
  }

  @Test
  void floatInputOutputWrapsTheInt8GraphInQuantizeAndDequantize() {
    TfliteModel floatModel = ReferenceNetworks.residualStack(32, new int[] {8, 16}, 1, 10, 4);
    TfliteModel wrapped = quantize(floatModel, PostTrainingQuantizer.builder().floatInputOutput(true).build());
    TfliteModel int8 = quantize(floatModel, INT8_IO);
    List<Operator> ops = wrapped.mainSubgraph().operators();
    assertEquals(BuiltinOperator.QUANTIZE, wrapped.operatorCodes().get(ops.get(0).opcodeIndex()).builtin());
    assertEquals(BuiltinOperator.DEQUANTIZE,
        wrapped.operatorCodes().get(ops.get(ops.size() - 1).opcodeIndex()).builtin());
    assertEquals(DataType.FLOAT32, info(wrapped, wrapped.mainSubgraph().inputs()[0]).type());
    assertEquals("input", info(wrapped, wrapped.mainSubgraph().inputs()[0]).name());
    Tensor input = CalibrationSamples.uniform(floatModel, 1, -1f, 1f, 5).get(0)[0];
    try (GraphRunner w = GraphRunner.builder(wrapped).build(); GraphRunner q = GraphRunner.builder(int8).build()) {
      System.arraycopy(input.floats(), 0, w.input(0).floats(), 0, input.size());
      byte[] quantized = Int8Scheme.quantize(input.floats(), input.shape(), q.input(0).quantization());
      System.arraycopy(quantized, 0, q.input(0).bytes(), 0, quantized.length);
      w.run();
      q.run();
      Quantization oq = q.output(0).quantization();
      for (int k = 0; k < q.output(0).size(); k++) {
        assertEquals(oq.scale() * (q.output(0).bytes()[k] - oq.zeroPoint()), w.output(0).floats()[k], 1e-7f);
      }
    }
  }

  @Test
  void conv2dWithoutBiasGetsTheZeroBiasTflite26Requires() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 4, 4, 2), Quantization.none());
    int w = b.addConstant("w", Shape.of(3, 1, 1, 2), new float[] {1, -1, 0.5f, 0.25f, -2, 2});
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(1, 4, 4, 3));
    b.addOperator(BuiltinOperator.CONV_2D, OperatorOptions.builder("Conv2DOptions").set("stride_w", 1)
        .set("stride_h", 1).build(), new int[] {x, w, -1}, new int[] {y});
    b.markOutput(y);
    TfliteModel int8 = quantize(TfliteReader.read(b.build()), INT8_IO);
    Operator conv = int8.mainSubgraph().operators().get(0);
    TensorInfo bias = info(int8, conv.inputs()[2]);
    assertEquals(DataType.INT32, bias.type());
    assertEquals(Shape.of(3), bias.shape());
    try (GraphRunner runner = GraphRunner.builder(int8).build()) {
      runner.run();
    }
  }

  @Test
  void rejectsOpsWithoutAnInt8RuleAndAlreadyQuantizedModels() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 4), Quantization.none());
    int q = b.addTensor("q", DataType.INT8, Shape.of(1, 4), Quantization.perTensor(0.1f, 0));
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(1, 4));
    b.addOperator(BuiltinOperator.QUANTIZE, new int[] {x}, new int[] {q});
    b.addOperator(BuiltinOperator.DEQUANTIZE, new int[] {q}, new int[] {y});
    b.markOutput(y);
    TfliteModel model = b.toModel();
    QuantizationException e = assertThrows(QuantizationException.class,
        () -> INT8_IO.quantize(model, CalibrationSamples.uniform(model, 1, -1f, 1f, 1)));
    assertTrue(e.getMessage().contains("QUANTIZE"), e.getMessage());
  }

  @Test
  void rejectsSamplesThatDoNotMatchTheInputs() {
    NetworkBuilder net = new NetworkBuilder("t", 1);
    int x = net.input("x", Shape.of(1, 8, 8, 3));
    TfliteModel model = net.output(net.conv(x, 4, 3, 1, Activation.RELU)).build();
    Tensor wrong = Tensor.ofFloats("x", Shape.of(1, 4, 4, 3), new float[48]);
    assertThrows(IllegalArgumentException.class, () -> INT8_IO.quantize(model, List.<Tensor[]>of(new Tensor[] {wrong})));
    assertThrows(IllegalArgumentException.class, () -> INT8_IO.quantize(model, List.of()));
  }

  private static TfliteModel quantize(TfliteModel floatModel, PostTrainingQuantizer quantizer) {
    TfliteModel int8 = quantizer.quantize(floatModel, CalibrationSamples.uniform(floatModel, 4, -1f, 1f, 7));
    return TfliteReader.read(TfliteWriter.write(int8));
  }

  private static TensorInfo info(TfliteModel model, int index) {
    return model.mainSubgraph().tensors().get(index);
  }

  private static TensorInfo softmaxInput(TfliteModel model) {
    Operator softmax = model.mainSubgraph().operators().stream()
        .filter(n -> model.operatorCodes().get(n.opcodeIndex()).builtin() == BuiltinOperator.SOFTMAX)
        .findFirst().get();
    return info(model, softmax.inputs()[0]);
  }

  private static Tensor tensor(GraphRunner runner, String name) {
    for (int t = 0; t < runner.tensorCount(); t++) {
      if (runner.tensor(t).name().equals(name)) {
        return runner.tensor(t);
      }
    }
    throw new AssertionError("no tensor " + name);
  }

  /** {relative RMS error, max absolute error} of an int8 tensor (dequantized) against a float one. */
  private static double[] errors(Tensor expected, Tensor int8) {
    Quantization q = int8.quantization();
    double squaredError = 0;
    double squared = 0;
    double maxAbs = 0;
    for (int k = 0; k < expected.size(); k++) {
      double e = expected.floats()[k];
      double a = q.scale() * (int8.bytes()[k] - q.zeroPoint());
      squaredError += (e - a) * (e - a);
      squared += e * e;
      maxAbs = Math.max(maxAbs, Math.abs(e - a));
    }
    return new double[] {Math.sqrt(squaredError / squared), maxAbs};
  }
}
