package ai.fovea.models.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.tflite.TensorInfo;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteReader;
import ai.fovea.models.tflite.TfliteWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class NetworkBuilderTest {
  @Test
  void tracksSamePaddedShapesThroughStridedLayers() {
    NetworkBuilder net = new NetworkBuilder("t", 1);
    int x = net.input("x", Shape.of(1, 15, 15, 3));
    x = net.conv(x, 8, 3, 2, Activation.RELU6);
    assertEquals(Shape.of(1, 8, 8, 8), net.shape(x));
    x = net.depthwise(x, 3, 2, Activation.RELU6);
    assertEquals(Shape.of(1, 4, 4, 8), net.shape(x));
    x = net.globalAveragePool(x);
    assertEquals(Shape.of(1, 1, 1, 8), net.shape(x));
    x = net.reshape(x, 1, 8);
    x = net.fullyConnected(x, 5, Activation.NONE);
    assertEquals(Shape.of(1, 5), net.shape(x));
    TfliteModel model = TfliteReader.read(TfliteWriter.write(net.output(net.softmax(x)).build()));
    assertEquals(6, model.mainSubgraph().operators().size());
  }

  @Test
  void branchLayersKeepShapes() {
    NetworkBuilder net = new NetworkBuilder("t", 1);
    int x = net.input("x", Shape.of(1, 6, 6, 4));
    int a = net.maxPool(x, 2, 2);
    int b = net.tanh(net.logistic(net.conv(x, 3, 1, 2, Activation.NONE)));
    int c = net.concatChannels(a, b);
    assertEquals(Shape.of(1, 3, 3, 7), net.shape(c));
    assertEquals(Shape.of(1, 5, 5, 7), net.shape(net.padSpatial(c, 1)));
    assertEquals(Shape.of(1, 1, 1, 7), net.shape(net.spatialMean(c)));
    assertThrows(IllegalArgumentException.class, () -> net.concatChannels(x, a));
  }

  @Test
  void heInitialisationHasTheExpectedSpread() {
    NetworkBuilder net = new NetworkBuilder("t", 9);
    int x = net.input("x", Shape.of(1, 4, 4, 64));
    net.conv(x, 256, 3, 1, Activation.NONE);
    TfliteModel model = net.build();
    float[] w = constant(model, "conv1/weights");
    double ss = 0;
    for (float v : w) {
      ss += v * v;
    }
    // std sqrt(2 / 576) times the folded batch-norm factor, uniform in [0.75, 1.25] (mean square 1.0208).
    assertEquals(2.0 / 576 * 1.0208, ss / w.length, 0.05 * 2.0 / 576);
  }

  static float[] constant(TfliteModel model, String name) {
    TensorInfo info = model.mainSubgraph().tensors().stream().filter(t -> t.name().equals(name)).findFirst().get();
    float[] data = new float[info.shape().size()];
    ByteBuffer.wrap(model.buffers().get(info.buffer())).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
    return data;
  }

  @Test
  void rejectsMismatchedLayers() {
    NetworkBuilder net = new NetworkBuilder("t", 1);
    int x = net.input("x", Shape.of(1, 8, 8, 3));
    int y = net.conv(x, 4, 1, 1, Activation.NONE);
    assertThrows(IllegalArgumentException.class, () -> net.add(x, y, Activation.NONE));
    assertThrows(IllegalArgumentException.class, () -> net.fullyConnected(x, 10, Activation.NONE));
    assertThrows(IllegalArgumentException.class, () -> net.reshape(x, 1, 100));
    assertThrows(IllegalArgumentException.class, () -> net.conv(x, 0, 3, 1, Activation.NONE));
    assertThrows(IllegalArgumentException.class, () -> net.shape(999));
  }
}
