package ai.fovea.desktop.verify.cases;

import ai.fovea.desktop.verify.ConformanceCase;
import ai.fovea.desktop.verify.ModelOutputs;
import ai.fovea.desktop.verify.Scale;
import ai.fovea.desktop.verify.Tolerance;
import ai.fovea.models.quantize.CalibrationSamples;
import ai.fovea.models.quantize.PostTrainingQuantizer;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteWriter;
import ai.fovea.models.zoo.ReferenceNetworks;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-model conformance: the random-weight reference networks, float and int8 (quantized by our
 * PostTrainingQuantizer on uniform [-1, 1] calibration samples, the range the runner draws float inputs from;
 * int8 inputs cover the whole type range, which maps back to the same interval). Each model also outputs its
 * class scores (the softmax input), so a disagreement anywhere shows before the softmax flattens it.
 */
public final class ModelCases {
  private static final int CLASSES = 1000;
  private static final int CALIBRATION_SAMPLES = 4;
  private static final long SEED = 20240601L;

  private ModelCases() {}

  public static List<ConformanceCase> cases(Scale scale) {
    List<ConformanceCase> cases = new ArrayList<>();
    mobileNet(cases, 96, 0.25f, true);
    residualStack(cases);
    if (scale == Scale.FULL) {
      mobileNet(cases, 128, 0.25f, true);
      mobileNet(cases, 224, 0.25f, false);
      mobileNet(cases, 224, 1.0f, false);
    }
    return cases;
  }

  private static void mobileNet(List<ConformanceCase> cases, int size, float width, boolean floatIo) {
    TfliteModel model = ReferenceNetworks.mobileNetV1(size, width, CLASSES, SEED);
    addAll(cases, String.format("MODEL mobilenet_v1 %.2f %dx%d", width, size, size), model, floatIo);
  }

  private static void residualStack(List<ConformanceCase> cases) {
    TfliteModel model = ReferenceNetworks.residualStack(64, new int[] {16, 32, 64}, 2, 10, SEED);
    addAll(cases, "MODEL resnet_stack 16-32-64 x2 64x64", model, false);
  }

  /** The float model, its int8 version and, when asked, the int8 version with float input and output. */
  private static void addAll(List<ConformanceCase> cases, String name, TfliteModel floatModel, boolean floatIo) {
    cases.add(ConformanceCase.of(name + " float", write(floatModel), Tolerance.float32()));
    cases.add(ConformanceCase.of(name + " int8", write(quantized(floatModel, false)), Tolerance.exact()));
    if (floatIo) {
      cases.add(ConformanceCase.of(name + " int8 float-io", write(quantized(floatModel, true)), Tolerance.float32()));
    }
  }

  private static TfliteModel quantized(TfliteModel floatModel, boolean floatIo) {
    return PostTrainingQuantizer.builder().floatInputOutput(floatIo).build()
        .quantize(floatModel, CalibrationSamples.uniform(floatModel, CALIBRATION_SAMPLES, -1f, 1f, SEED));
  }

  private static byte[] write(TfliteModel model) {
    return TfliteWriter.write(ModelOutputs.withSoftmaxInputs(model));
  }
}
