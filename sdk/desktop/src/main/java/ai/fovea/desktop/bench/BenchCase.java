package ai.fovea.desktop.bench;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.zoo.NetworkBuilder;
import ai.fovea.models.zoo.ReferenceNetworks;
import java.util.List;

/** One benchmarked float model (its int8 form is made by the quantizer) under a short name. Immutable. */
public final class BenchCase {
  private static final long SEED = 7L;
  private final String name;
  private final TfliteModel floatModel;

  BenchCase(String name, TfliteModel floatModel) {
    this.name = name;
    this.floatModel = floatModel;
  }

  /**
   * The kernel benchmark: a whole MobileNet-v1-style network and single layers at the sizes where MobileNet and
   * ResNet spend their time.
   */
  public static List<BenchCase> kernels() {
    return List.of(
        new BenchCase("mobilenet_v1 1.0 224", ReferenceNetworks.mobileNetV1(224, 1.0f, 1000, SEED)),
        new BenchCase("conv 3x3 56x56x128->128", layer(Shape.of(1, 56, 56, 128),
            (net, x) -> net.conv(x, 128, 3, 1, Activation.RELU))),
        new BenchCase("depthwise 3x3 112x112x64", layer(Shape.of(1, 112, 112, 64),
            (net, x) -> net.depthwise(x, 3, 1, Activation.RELU))),
        new BenchCase("conv 1x1 28x28x256->256", layer(Shape.of(1, 28, 28, 256),
            (net, x) -> net.conv(x, 256, 1, 1, Activation.RELU))),
        new BenchCase("fc 1024->1000", layer(Shape.of(1, 1024),
            (net, x) -> net.fullyConnected(x, 1000, Activation.NONE))));
  }

  private interface Layer {
    int add(NetworkBuilder net, int input);
  }

  private static TfliteModel layer(Shape input, Layer layer) {
    NetworkBuilder net = new NetworkBuilder("single layer", SEED);
    return net.output(layer.add(net, net.input("input", input))).build();
  }

  public String name() {
    return name;
  }

  public TfliteModel floatModel() {
    return floatModel;
  }
}
