package ai.fovea.desktop.verify.cases;

import ai.fovea.desktop.verify.ConformanceCase;
import ai.fovea.desktop.verify.ModelOutputs;
import ai.fovea.desktop.verify.Scale;
import ai.fovea.desktop.verify.Tolerance;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.quantize.CalibrationSamples;
import ai.fovea.models.quantize.PostTrainingQuantizer;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteWriter;
import ai.fovea.models.zoo.NetworkBuilder;
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
    addAll(cases, "MODEL branchy op mix 32x32", branchyMix(), true);
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

  /**
   * A small branchy network with one of each op whose int8 parameters TFLite constrains: MAX_POOL_2D and PAD
   * (output shares the input's), LOGISTIC and TANH (fixed outputs), CONCATENATION of those differently
   * quantized branches (inputs requantized to the output), MEAN, FULLY_CONNECTED and SOFTMAX.
   */
  private static TfliteModel branchyMix() {
    NetworkBuilder net = new NetworkBuilder("branchy op mix (random weights)", SEED);
    int x = net.input("input", Shape.of(1, 32, 32, 3));
    x = net.conv(x, 16, 3, 2, Activation.RELU);
    int pooled = net.maxPool(x, 2, 2);
    int gated = net.logistic(net.conv(x, 8, 3, 2, Activation.NONE));
    int squashed = net.tanh(net.depthwise(x, 3, 2, Activation.NONE));
    int y = net.padSpatial(net.concatChannels(pooled, gated, squashed), 1);
    y = net.spatialMean(net.conv(y, 32, 3, 1, Activation.RELU6));
    y = net.fullyConnected(net.reshape(y, 1, 32), 10, Activation.NONE);
    return net.output(net.softmax(y)).build();
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
