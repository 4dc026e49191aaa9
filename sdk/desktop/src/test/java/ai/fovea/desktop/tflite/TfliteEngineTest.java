package ai.fovea.desktop.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.quantize.PostTrainingQuantizer;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.zoo.ReferenceNetworks;
import ai.fovea.sdk.engine.EngineAttempt;
import ai.fovea.sdk.engine.EngineModel;
import ai.fovea.sdk.engine.EngineOptions;
import ai.fovea.sdk.engine.EngineRegistry;
import ai.fovea.sdk.engine.EngineSelection;
import ai.fovea.sdk.engine.EngineSelector;
import ai.fovea.sdk.engine.EngineSession;
import ai.fovea.sdk.engine.EngineUnavailableException;
import ai.fovea.sdk.engine.JavaEngine;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tflite engine against the java engine on real models, and fallback between them on real failures. */
class TfliteEngineTest {
  private static final EngineRegistry ENGINES = EngineRegistry.installed();

  /** y = exp(x): TFLite has EXP, our kernels do not. */
  private static EngineModel expModel() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 4), Quantization.none());
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(1, 4));
    b.addOperator(BuiltinOperator.EXP, OperatorOptions.builder("ExpOptions").build(), new int[] {x}, new int[] {y});
    b.markOutput(y);
    return EngineModel.of(b.build());
  }

  /** A 1×1 CONV_2D without its optional bias: our kernels run it, TFLite 2.6.2 requires the bias and refuses it. */
  private static EngineModel convWithoutBias() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 1, 2, 2), Quantization.none());
    int w = b.addConstant("w", Shape.of(1, 1, 1, 2), new float[] {2, -1});
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(1, 1, 2, 1));
    b.addOperator(BuiltinOperator.CONV_2D, OperatorOptions.builder("Conv2DOptions").set("padding", 1)
        .set("stride_w", 1).set("stride_h", 1).build(), new int[] {x, w}, new int[] {y});
    b.markOutput(y);
    return EngineModel.of(b.build());
  }

  private static Tensor[] run(EngineSession session, Tensor... in) {
    Tensor[] out = new Tensor[session.outputs().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = session.outputs().get(i).allocate();
    }
    session.run(in, out);
    return out;
  }

  @Test
  void isFoundOnTheClassPathAndDeclaresFastFloatOnly() {
    assertTrue(ENGINES.names().contains("tflite"), ENGINES.toString());
    TfliteEngine tflite = new TfliteEngine();
    tflite.probe();
    assertEquals(java.util.Set.of(DataType.FLOAT32), tflite.capabilities().fastTypes());
    assertTrue(tflite.capabilities().operators().contains("CUSTOM(TFLite_Detection_PostProcess)"));
  }

  @Test
  void autoOrderIsTfliteFirstForFloatAndJavaFirstForInt8() {
    TfliteModel floatNet = ReferenceNetworks.mobileNetV1(32, 0.25f, 10, 1);
    EngineSelector auto = EngineSelector.auto(ENGINES);
    assertEquals(List.of("tflite", "java"), auto.order(EngineModel.of(floatNet)));
    TfliteModel int8Net = quantize(floatNet);
    assertEquals(List.of("java", "tflite"), auto.order(EngineModel.of(int8Net)));
  }

  private static TfliteModel quantize(TfliteModel floatNet) {
    Random random = new Random(3);
    List<Tensor[]> samples = new java.util.ArrayList<>();
    for (int n = 0; n < 4; n++) {
      float[] s = new float[32 * 32 * 3];
      for (int i = 0; i < s.length; i++) {
        s[i] = random.nextFloat() * 2 - 1;
      }
      samples.add(new Tensor[] {Tensor.ofFloats("input", Shape.of(1, 32, 32, 3), s)});
    }
    return PostTrainingQuantizer.builder().build().quantize(floatNet, samples);
  }

  @Test
  void int8SessionsOfBothEnginesAgreeBitForBit() {
    EngineModel model = EngineModel.of(quantize(ReferenceNetworks.mobileNetV1(32, 0.25f, 10, 1)));
    Tensor input = model.inputs().get(0).allocate();
    Random random = new Random(5);
    random.nextBytes(input.bytes());
    try (EngineSession java = new JavaEngine().open(model, EngineOptions.threads(2));
        EngineSession tflite = new TfliteEngine().open(model, EngineOptions.threads(2))) {
      assertEquals("tflite", tflite.engineName());
      Tensor[] ours = run(java, input);
      Tensor[] theirs = run(tflite, input);
      assertEquals(ours.length, theirs.length);
      for (int i = 0; i < ours.length; i++) {
        assertEquals(theirs[i].shape(), ours[i].shape());
        assertArrayEquals(theirs[i].bytes(), ours[i].bytes(), "output " + i);
      }
    }
  }

  @Test
  void fallsBackToTfliteForAnOpOurKernelsLack() {
    EngineSelector javaFirst = EngineSelector.ordered(ENGINES, List.of("java", "tflite"));
    try (EngineSelection s = javaFirst.open(expModel(), EngineOptions.defaults())) {
      assertEquals("tflite", s.engineName());
      EngineAttempt java = s.attempts().get(0);
      assertEquals(EngineUnavailableException.Reason.UNSUPPORTED_OP, java.reason());
      assertTrue(java.message().contains("EXP"), java.message());
      Tensor[] out = run(s.session(), Tensor.ofFloats("x", Shape.of(1, 4), new float[] {0, 1, -1, 2}));
      float[] expected = {1, (float) Math.E, (float) Math.exp(-1), (float) Math.exp(2)};
      for (int i = 0; i < 4; i++) {
        assertEquals(expected[i], out[0].floats()[i], 1e-5 * expected[i]);
      }
    }
  }

  @Test
  void fallsBackToJavaWhenTfliteRefusesTheModel() {
    try (EngineSelection s = EngineSelector.auto(ENGINES).open(convWithoutBias(), EngineOptions.defaults())) {
      assertEquals("java", s.engineName());
      EngineAttempt tflite = s.attempts().get(0);
      assertEquals("tflite", tflite.engine());
      assertEquals(EngineUnavailableException.Reason.OPEN_FAILED, tflite.reason());
      assertTrue(tflite.message().contains("has_bias was not true"), tflite.message());
      Tensor[] out = run(s.session(), Tensor.ofFloats("x", Shape.of(1, 1, 2, 2), new float[] {1, 2, 3, 4}));
      assertArrayEquals(new float[] {0, 2}, out[0].floats());
    }
  }
}
