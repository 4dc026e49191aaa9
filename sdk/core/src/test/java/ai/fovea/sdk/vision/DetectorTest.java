package ai.fovea.sdk.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import ai.fovea.sdk.convert.ScaleMode;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.model.ModelDescriptor;
import ai.fovea.sdk.model.ModelMetadataException;
import ai.fovea.sdk.model.OutputLayout;
import ai.fovea.sdk.model.Task;
import ai.fovea.sdk.task.detect.Box;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The detector end to end on a small real model with the outputs of TFLite's in-graph SSD post-processing: one
 * box fixed in model-input coordinates (x 0.125..0.75, y 0.25..0.5 of an 8×8 input), class 2, and a score equal
 * to the mean normalized pixel, so the frame's content decides whether it passes the threshold and the frame's
 * geometry decides where the box lands in the source.
 */
class DetectorTest {
  private static final ModelDescriptor DESCRIPTOR = ModelDescriptor.builder().task(Task.DETECT).name("fixed-box")
      .version("1").normalization(0, 255).resize(ScaleMode.LETTERBOX).outputLayout(OutputLayout.SSD_POSTPROCESS)
      .labels(List.of("a", "b", "c")).build();

  private static byte[] fixedBoxModel(ModelDescriptor metadata) {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("image", DataType.FLOAT32, Shape.of(1, 8, 8, 3), Quantization.none());
    int axes = b.addConstant("axes", Shape.of(3), Quantization.none(), new int[] {1, 2, 3});
    int mean = b.addTensor("mean", DataType.FLOAT32, Shape.of(1));
    b.addOperator(BuiltinOperator.MEAN, OperatorOptions.builder("ReducerOptions").set("keep_dims", false).build(),
        new int[] {x, axes}, new int[] {mean});
    int zero = b.addConstant("zero", Shape.of(1), new float[] {0});
    int nothing = b.addTensor("nothing", DataType.FLOAT32, Shape.of(1));
    b.addOperator(BuiltinOperator.MUL, OperatorOptions.builder("MulOptions").build(), new int[] {mean, zero},
        new int[] {nothing});
    int boxConst = b.addConstant("box", Shape.of(1, 1, 4), new float[] {0.25f, 0.125f, 0.5f, 0.75f});
    int boxes = add(b, "boxes", nothing, boxConst, Shape.of(1, 1, 4));
    int classes = add(b, "classes", nothing, b.addConstant("class", Shape.of(1, 1), new float[] {2}), Shape.of(1, 1));
    int scores = b.addTensor("scores", DataType.FLOAT32, Shape.of(1, 1));
    b.addOperator(BuiltinOperator.RESHAPE, OperatorOptions.builder("ReshapeOptions").set("new_shape", new int[] {1, 1})
        .build(), new int[] {mean, b.addConstant("shape", Shape.of(2), Quantization.none(), new int[] {1, 1})},
        new int[] {scores});
    int count = add(b, "count", nothing, b.addConstant("one", Shape.of(1), new float[] {1}), Shape.of(1));
    b.markOutput(boxes).markOutput(classes).markOutput(scores).markOutput(count);
    if (metadata != null) {
      b.addMetadata(ModelDescriptor.MODEL_METADATA, metadata.modelMetadata());
      b.addMetadata(ModelDescriptor.LABELS_METADATA, metadata.labelsMetadata());
    }
    return b.build();
  }

  private static int add(ModelBuilder b, String name, int x, int y, Shape shape) {
    int out = b.addTensor(name, DataType.FLOAT32, shape);
    b.addOperator(BuiltinOperator.ADD, OperatorOptions.builder("AddOptions").build(), new int[] {x, y},
        new int[] {out});
    return out;
  }

  private static Frame white(int width, int height, int rotation, boolean mirrored) {
    int[] argb = new int[width * height];
    Arrays.fill(argb, 0xFFFFFFFF);
    return Frame.argb(argb, width, height).rotation(rotation).mirrored(mirrored).build();
  }

  private static void assertBox(Box expected, Box actual) {
    String what = "expected " + expected + ", got " + actual;
    assertEquals(expected.left(), actual.left(), 1e-3, what);
    assertEquals(expected.top(), actual.top(), 1e-3, what);
    assertEquals(expected.right(), actual.right(), 1e-3, what);
    assertEquals(expected.bottom(), actual.bottom(), 1e-3, what);
  }

  @Test
  void mapsBoxesBackThroughLetterboxRotationAndMirroring() {
    try (Detector detector = Detector.create(ModelSource.bytes(fixedBoxModel(DESCRIPTOR)),
        TaskOptions.builder().scoreThreshold(0.3f).build())) {
      // Upright 80×40 letterboxed into 8×8: 10 source pixels per model pixel, image rows 2..6 of the input.
      // The model's box (x 1..6, y 2..4 in input pixels) is x 10..60, y 0..20 upright.
      Detections upright = detector.process(white(80, 40, 0, false));
      assertEquals(1, upright.objects().size());
      DetectedObject o = upright.objects().get(0);
      assertEquals("c", o.label());
      assertEquals(2, o.category().id());
      assertEquals(0.5f, o.score(), 1e-6, "half of the input is white image, half black padding");
      assertBox(Box.of(10, 0, 60, 20), o.box());
      assertBox(Box.of(20, 0, 70, 20), detector.process(white(80, 40, 0, true)).objects().get(0).box());
      // A 40×80 sensor image turned 90° clockwise: upright (u, v) is source (v, 80 - u).
      assertBox(Box.of(0, 20, 20, 70), detector.process(white(40, 80, 90, false)).objects().get(0).box());
      // Turned 270°: upright (u, v) is source (40 - v, u).
      assertBox(Box.of(20, 10, 40, 60), detector.process(white(40, 80, 270, false)).objects().get(0).box());
      assertEquals("java", upright.engine());
    }
  }

  @Test
  void dropsObjectsBelowTheThreshold() {
    try (Detector detector = Detector.create(ModelSource.bytes(fixedBoxModel(DESCRIPTOR)), TaskOptions.defaults())) {
      assertTrue(detector.process(white(80, 40, 0, false)).objects().get(0).score() >= 0.5f);
      int[] black = new int[16];
      Arrays.fill(black, 0xFF000000);
      Detections none = detector.process(Frame.argb(black, 4, 4).build());
      assertTrue(none.objects().isEmpty(), none.toString());
      assertTrue(none.timings().inferenceNanos() > 0);
    }
  }

  @Test
  void refusesAClassificationModelOrOutputsThatDoNotFitTheLayout() {
    ModelMetadataException task = assertThrows(ModelMetadataException.class, () -> Detector.create(
        ModelSource.bytes(fixedBoxModel(null)), TaskOptions.builder().descriptor(TestClassifiers.descriptor(
            ai.fovea.sdk.model.InputColor.RGB, OutputLayout.SCORES, 3)).build()));
    assertEquals("task", task.key());
    ModelMetadataException anchors = assertThrows(ModelMetadataException.class, () -> Detector.create(
        ModelSource.bytes(fixedBoxModel(null)), TaskOptions.builder().descriptor(
            DESCRIPTOR.toBuilder().outputLayout(OutputLayout.SSD_ANCHORS).build()).build()));
    assertEquals("output.layout", anchors.key());
    float[] w = TestClassifiers.weights(3, 27, 1);
    byte[] classifier = ai.fovea.models.tflite.TfliteWriter.write(TestClassifiers.linear(3, 3, 3, w, null));
    ModelMetadataException outputs = assertThrows(ModelMetadataException.class, () -> Detector.create(
        ModelSource.bytes(classifier), TaskOptions.builder().descriptor(DESCRIPTOR).build()));
    assertEquals("output.layout", outputs.key());
    assertTrue(outputs.getMessage().contains("do not fit ssd_postprocess"), outputs.getMessage());
  }

  @Test
  void concurrentCallersEachGetTheirFramesBoxes() throws Exception {
    int[][] frames = {{80, 40, 0}, {40, 80, 90}, {40, 80, 270}};
    Box[] expected = {Box.of(10, 0, 60, 20), Box.of(0, 20, 20, 70), Box.of(20, 10, 40, 60)};
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
    try (Detector detector = Detector.create(ModelSource.bytes(fixedBoxModel(DESCRIPTOR)),
        TaskOptions.builder().scoreThreshold(0.3f).build())) {
      List<java.util.concurrent.Future<?>> jobs = new java.util.ArrayList<>();
      for (int t = 0; t < 12; t++) {
        int which = t % 3;
        jobs.add(pool.submit(() -> {
          Frame frame = white(frames[which][0], frames[which][1], frames[which][2], false);
          for (int i = 0; i < 30; i++) {
            assertBox(expected[which], detector.process(frame).objects().get(0).box());
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> job : jobs) {
        job.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aClosedDetectorThrowsIllegalState() {
    Detector detector = Detector.create(ModelSource.bytes(fixedBoxModel(DESCRIPTOR)), TaskOptions.defaults());
    detector.close();
    assertThrows(IllegalStateException.class, () -> detector.process(white(8, 8, 0, false)));
  }
}
