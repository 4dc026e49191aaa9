package ai.fovea.models.graph.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.graph.UnsupportedOpException;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.ModelFormatException;
import ai.fovea.models.tflite.TfliteReader;
import com.google.flatbuffers.FlexBuffersBuilder;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Loading custom operators: TFLite_Detection_PostProcess with its FlexBuffer options (validated at load, running
 * on a hand-checked example), and any other custom code refused at load with UnsupportedOpException.
 */
class DetectionOpsTest {
  private static byte[] options(boolean withIou) {
    FlexBuffersBuilder fbb = new FlexBuffersBuilder(ByteBuffer.allocate(256), FlexBuffersBuilder.BUILDER_FLAG_NONE);
    int map = fbb.startMap();
    fbb.putInt("max_detections", 2);
    fbb.putInt("max_classes_per_detection", 1);
    fbb.putInt("num_classes", 1);
    fbb.putFloat("nms_score_threshold", 0.3f);
    if (withIou) {
      fbb.putFloat("nms_iou_threshold", 0.5f);
    }
    fbb.putFloat("y_scale", 1f);
    fbb.putFloat("x_scale", 1f);
    fbb.putFloat("h_scale", 1f);
    fbb.putFloat("w_scale", 1f);
    fbb.endMap(null, map);
    ByteBuffer bb = fbb.finish();
    byte[] bytes = new byte[bb.remaining()];
    bb.get(bytes);
    return bytes;
  }

  private static ModelBuilder model(String customCode, byte[] options) {
    ModelBuilder b = new ModelBuilder();
    int boxes = b.addInput("boxes", DataType.FLOAT32, Shape.of(1, 3, 4), Quantization.none());
    int scores = b.addInput("scores", DataType.FLOAT32, Shape.of(1, 3, 2), Quantization.none());
    // Anchors (y, x, h, w): two overlapping unit-ish boxes and one far away.
    int anchors = b.addConstant("anchors", Shape.of(3, 4), new float[] {
        0.5f, 0.5f, 0.4f, 0.4f, 0.52f, 0.5f, 0.4f, 0.4f, 0.1f, 0.1f, 0.1f, 0.1f});
    int[] outs = {b.addTensor("b", DataType.FLOAT32, Shape.of(1, 2, 4)), b.addTensor("c", DataType.FLOAT32,
        Shape.of(1, 2)), b.addTensor("s", DataType.FLOAT32, Shape.of(1, 2)), b.addTensor("n", DataType.FLOAT32,
        Shape.of(1))};
    b.addCustomOperator(customCode, options, new int[] {boxes, scores, anchors}, outs);
    for (int o : outs) {
      b.markOutput(o);
    }
    return b;
  }

  @Test
  void suppressesTheOverlappingBoxAndKeepsTheFarOne() {
    try (GraphRunner r = GraphRunner.builder(TfliteReader.read(model(DetectionOps.DETECTION_POSTPROCESS,
        options(true)).build())).build()) {
      // Zero encodings: boxes are the anchors. Column 0 is the background.
      r.input(1).floats()[1] = 0.9f;
      r.input(1).floats()[3] = 0.8f;
      r.input(1).floats()[5] = 0.4f;
      r.run();
      assertEquals(2f, r.output(3).floats()[0]);
      assertArrayEquals(new float[] {0.9f, 0.4f}, r.output(2).floats());
      assertArrayEquals(new float[] {0f, 0f}, r.output(1).floats());
      assertArrayEquals(new float[] {0.3f, 0.3f, 0.7f, 0.7f, 0.05f, 0.05f, 0.15f, 0.15f}, r.output(0).floats(),
          1e-6f);
    }
  }

  @Test
  void missingOptionsAreModelFormatExceptionsNamingTheNode() {
    byte[] file = model(DetectionOps.DETECTION_POSTPROCESS, options(false)).build();
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> GraphRunner.builder(TfliteReader.read(file)).build());
    assertTrue(e.getMessage().startsWith("node 0 (") && e.getMessage().contains("'nms_iou_threshold'"),
        e.getMessage());
    byte[] empty = model(DetectionOps.DETECTION_POSTPROCESS, new byte[0]).build();
    assertThrows(ModelFormatException.class, () -> GraphRunner.builder(TfliteReader.read(empty)).build());
  }

  @Test
  void anyOtherCustomOpIsUnsupportedAtLoad() {
    byte[] file = model("Convolution2DTransposeBias", options(true)).build();
    UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
        () -> GraphRunner.builder(TfliteReader.read(file)).build());
    assertTrue(e.getMessage().contains("Convolution2DTransposeBias"), e.getMessage());
  }
}
