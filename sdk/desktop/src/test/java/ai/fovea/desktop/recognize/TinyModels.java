package ai.fovea.desktop.recognize;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import ai.fovea.sdk.convert.ScaleMode;
import ai.fovea.sdk.model.InputColor;
import ai.fovea.sdk.model.ModelDescriptor;
import ai.fovea.sdk.model.OutputLayout;
import ai.fovea.sdk.model.Task;
import java.util.List;

/**
 * Small real models with Fovea metadata for front-end tests, written by our writer and run by every engine. The
 * brightness classifier's answer is known for any picture: "bright" when the mean luma is above half, "dark"
 * otherwise, so a test can tell a right answer from a wrong one.
 */
public final class TinyModels {
  private TinyModels() {}

  /**
   * Gray [1, 8, 8, 1] float input in [0, 1] → 8×8 average pool → fully connected to two scores: dark = 5 - 10 m,
   * bright = 10 m - 5 for mean m.
   */
  public static byte[] brightnessClassifier() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("image", DataType.FLOAT32, Shape.of(1, 8, 8, 1), Quantization.none());
    int pooled = b.addTensor("mean", DataType.FLOAT32, Shape.of(1, 1, 1, 1));
    b.addOperator(BuiltinOperator.AVERAGE_POOL_2D, OperatorOptions.builder("Pool2DOptions").set("padding", 1)
        .set("stride_w", 8).set("stride_h", 8).set("filter_width", 8).set("filter_height", 8).build(),
        new int[] {x}, new int[] {pooled});
    int w = b.addConstant("fc/w", Shape.of(2, 1), new float[] {-10, 10});
    int bias = b.addConstant("fc/b", Shape.of(2), new float[] {5, -5});
    int scores = b.addTensor("scores", DataType.FLOAT32, Shape.of(1, 2));
    b.addOperator(BuiltinOperator.FULLY_CONNECTED, OperatorOptions.builder("FullyConnectedOptions").build(),
        new int[] {pooled, w, bias}, new int[] {scores});
    b.markOutput(scores);
    ModelDescriptor d = ModelDescriptor.builder().task(Task.CLASSIFY).name("brightness").version("1")
        .inputColor(InputColor.GRAY).normalization(0f, 255f).resize(ScaleMode.STRETCH)
        .outputLayout(OutputLayout.SCORES).labels(List.of("dark", "bright")).build();
    b.addMetadata(ModelDescriptor.MODEL_METADATA, d.modelMetadata());
    b.addMetadata(ModelDescriptor.LABELS_METADATA, d.labelsMetadata());
    return b.build();
  }

  /**
   * A detector with the outputs of TFLite's in-graph SSD post-processing (boxes, classes, scores, count; the same
   * shape as the SDK's DetectorTest model): one box fixed in model-input coordinates, x 0.125..0.75 and y
   * 0.25..0.5 of the stretched upright picture, class 2 ("kite"), scored by the mean pixel in [0, 1].
   */
  public static byte[] fixedBoxDetector() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("image", DataType.FLOAT32, Shape.of(1, 8, 8, 3), Quantization.none());
    int axes = b.addConstant("axes", Shape.of(3), Quantization.none(), new int[] {1, 2, 3});
    int mean = b.addTensor("mean", DataType.FLOAT32, Shape.of(1));
    b.addOperator(BuiltinOperator.MEAN, OperatorOptions.builder("ReducerOptions").set("keep_dims", false).build(),
        new int[] {x, axes}, new int[] {mean});
    int nothing = b.addTensor("nothing", DataType.FLOAT32, Shape.of(1));
    b.addOperator(BuiltinOperator.MUL, OperatorOptions.builder("MulOptions").build(),
        new int[] {mean, b.addConstant("zero", Shape.of(1), new float[] {0})}, new int[] {nothing});
    // TFLite's box order: ymin, xmin, ymax, xmax.
    int boxes = add(b, "boxes", nothing, b.addConstant("box", Shape.of(1, 1, 4), new float[] {0.25f, 0.125f, 0.5f,
        0.75f}), Shape.of(1, 1, 4));
    int classes = add(b, "classes", nothing, b.addConstant("class", Shape.of(1, 1), new float[] {2}), Shape.of(1, 1));
    int scores = b.addTensor("scores", DataType.FLOAT32, Shape.of(1, 1));
    b.addOperator(BuiltinOperator.RESHAPE, OperatorOptions.builder("ReshapeOptions").set("new_shape", new int[] {1, 1})
        .build(), new int[] {mean, b.addConstant("shape", Shape.of(2), Quantization.none(), new int[] {1, 1})},
        new int[] {scores});
    int count = add(b, "count", nothing, b.addConstant("one", Shape.of(1), new float[] {1}), Shape.of(1));
    b.markOutput(boxes).markOutput(classes).markOutput(scores).markOutput(count);
    ModelDescriptor d = ModelDescriptor.builder().task(Task.DETECT).name("fixed-box").version("1")
        .normalization(0f, 255f).resize(ScaleMode.STRETCH).outputLayout(OutputLayout.SSD_POSTPROCESS)
        .labels(List.of("cat", "dog", "kite")).build();
    b.addMetadata(ModelDescriptor.MODEL_METADATA, d.modelMetadata());
    b.addMetadata(ModelDescriptor.LABELS_METADATA, d.labelsMetadata());
    return b.build();
  }

  private static int add(ModelBuilder b, String name, int x, int y, Shape shape) {
    int out = b.addTensor(name, DataType.FLOAT32, shape);
    b.addOperator(BuiltinOperator.ADD, OperatorOptions.builder("AddOptions").build(), new int[] {x, y},
        new int[] {out});
    return out;
  }
}
