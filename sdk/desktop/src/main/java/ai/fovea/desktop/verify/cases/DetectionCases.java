package ai.fovea.desktop.verify.cases;

import ai.fovea.desktop.verify.ConformanceCase;
import ai.fovea.desktop.verify.Scale;
import ai.fovea.desktop.verify.Tolerance;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.graph.ops.DetectionOps;
import ai.fovea.models.tflite.ModelBuilder;
import com.google.flatbuffers.FlexBuffersBuilder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Conformance cases of {@code TFLite_Detection_PostProcess} on its own: random box encodings and class scores
 * (the runner's seeded inputs; uint8 scores tie often, which tests the tie order of both sorts), constant
 * anchors on a grid, fast and regular NMS, with and without a background column, one or several classes per
 * detection. The options are written with flatbuffers-java's own FlexBuffers builder, an implementation
 * independent of our reader. Score thresholds are low enough that every output slot is filled: TFLite leaves the
 * fast form's unused slots unwritten, so they cannot be compared.
 */
public final class DetectionCases {
  private DetectionCases() {}

  public static List<ConformanceCase> cases(Scale scale) {
    List<ConformanceCase> cases = new ArrayList<>();
    for (DataType type : new DataType[] {DataType.UINT8, DataType.FLOAT32}) {
      cases.add(testCase(type, 64, 6, true, false, 10, 1, 5));
      cases.add(testCase(type, 64, 6, true, true, 10, 1, 4));
      if (scale == Scale.FULL) {
        cases.add(testCase(type, 300, 12, false, false, 25, 3, 100));
        cases.add(testCase(type, 300, 12, false, true, 25, 1, 7));
        cases.add(testCase(type, 500, 30, true, true, 40, 1, 3));
      }
    }
    return cases;
  }

  private static ConformanceCase testCase(DataType type, int boxes, int classes, boolean background,
      boolean regular, int maxDetections, int classesPerDetection, int perClass) {
    String name = String.format("%s %s %d boxes %d classes%s %s NMS max %d x%d per class %d",
        DetectionOps.DETECTION_POSTPROCESS, type.name().toLowerCase(), boxes, classes, background ? "+bg" : "",
        regular ? "regular" : "fast", maxDetections, classesPerDetection, perClass);
    byte[] model = model(type, boxes, classes, background, regular, maxDetections, classesPerDetection, perClass,
        name.hashCode());
    ConformanceCase c = ConformanceCase.of(name, model, Tolerance.exact());
    // Float encodings in [-2, 2] keep exp(h / 5) tame; float scores in [0, 1] like a sigmoid's.
    return type == DataType.FLOAT32 ? c.withInputRange(0, -2f, 2f).withInputRange(1, 0f, 1f) : c;
  }

  private static byte[] model(DataType type, int boxes, int classes, boolean background, boolean regular,
      int maxDetections, int classesPerDetection, int perClass, long seed) {
    boolean quantized = type == DataType.UINT8;
    int columns = classes + (background ? 1 : 0);
    ModelBuilder b = new ModelBuilder();
    int encodings = b.addInput("box_encodings", type, Shape.of(1, boxes, 4),
        quantized ? Quantization.perTensor(0.05f, 128) : Quantization.none());
    int scores = b.addInput("class_scores", type, Shape.of(1, boxes, columns),
        quantized ? Quantization.perTensor(1f / 256, 0) : Quantization.none());
    int anchors = anchors(b, boxes, quantized, new Random(seed));
    int slots = maxDetections * classesPerDetection;
    int outBoxes = b.addTensor("detection_boxes", DataType.FLOAT32, Shape.of(1, slots, 4));
    int outClasses = b.addTensor("detection_classes", DataType.FLOAT32, Shape.of(1, slots));
    int outScores = b.addTensor("detection_scores", DataType.FLOAT32, Shape.of(1, slots));
    int count = b.addTensor("num_detections", DataType.FLOAT32, Shape.of(1));
    b.addCustomOperator(DetectionOps.DETECTION_POSTPROCESS,
        options(maxDetections, classesPerDetection, perClass, regular, classes),
        new int[] {encodings, scores, anchors}, new int[] {outBoxes, outClasses, outScores, count});
    b.markOutput(outBoxes).markOutput(outClasses).markOutput(outScores).markOutput(count);
    return b.build();
  }

  /** Anchors (y, x, h, w) in [0, 1] with positive sizes; uint8 on the grid 1/255 when quantized. */
  private static int anchors(ModelBuilder b, int boxes, boolean quantized, Random r) {
    Shape shape = Shape.of(boxes, 4);
    if (quantized) {
      byte[] q = new byte[boxes * 4];
      for (int i = 0; i < q.length; i++) {
        q[i] = (byte) (i % 4 < 2 ? r.nextInt(256) : 20 + r.nextInt(100));
      }
      return b.addConstant("anchors", DataType.UINT8, shape, Quantization.perTensor(1f / 255, 0), q);
    }
    float[] f = new float[boxes * 4];
    for (int i = 0; i < f.length; i++) {
      f[i] = i % 4 < 2 ? r.nextFloat() : 0.08f + 0.4f * r.nextFloat();
    }
    return b.addConstant("anchors", shape, f);
  }

  static byte[] options(int maxDetections, int classesPerDetection, int perClass, boolean regular, int classes) {
    FlexBuffersBuilder fbb = new FlexBuffersBuilder(ByteBuffer.allocate(512), FlexBuffersBuilder.BUILDER_FLAG_NONE);
    int map = fbb.startMap();
    fbb.putInt("max_detections", maxDetections);
    fbb.putInt("max_classes_per_detection", classesPerDetection);
    fbb.putInt("detections_per_class", perClass);
    fbb.putBoolean("use_regular_nms", regular);
    fbb.putFloat("nms_score_threshold", 1e-8f);
    fbb.putFloat("nms_iou_threshold", 0.5f);
    fbb.putInt("num_classes", classes);
    fbb.putFloat("y_scale", 10f);
    fbb.putFloat("x_scale", 10f);
    fbb.putFloat("h_scale", 5f);
    fbb.putFloat("w_scale", 5f);
    fbb.endMap(null, map);
    ByteBuffer bb = fbb.finish();
    byte[] bytes = new byte[bb.remaining()];
    bb.get(bytes);
    return bytes;
  }
}
