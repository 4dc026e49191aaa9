package ai.fovea.sdk.vision;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.sdk.model.InputColor;
import ai.fovea.sdk.model.ModelDescriptor;
import ai.fovea.sdk.model.OutputLayout;
import ai.fovea.sdk.model.Task;
import ai.fovea.sdk.convert.ScaleMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small real classification models with Fovea metadata, written by our writer, and their plain reference: a
 * linear layer over the normalized pixels of a frame of exactly the input size (stretch, so conversion is exact).
 */
final class TestClassifiers {
  private TestClassifiers() {}

  static List<String> labels(int n) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      labels.add("class_" + (char) ('a' + i));
    }
    return labels;
  }

  static ModelDescriptor descriptor(InputColor color, OutputLayout layout, int classes) {
    return ModelDescriptor.builder().task(Task.CLASSIFY).name("linear").version("1").inputColor(color)
        .normalization(0, 255).resize(ScaleMode.STRETCH).outputLayout(layout).labels(labels(classes)).build();
  }

  /** Seeded weights [classes, size * size * channels] in [-4, 4]. */
  static float[] weights(int classes, int inputs, long seed) {
    Random random = new Random(seed);
    float[] w = new float[classes * inputs];
    for (int i = 0; i < w.length; i++) {
      w[i] = random.nextFloat() * 8 - 4;
    }
    return w;
  }

  /** scores = W · (pixels / 255), input [1, size, size, channels], output float [1, classes]. */
  static TfliteModel linear(int size, int channels, int classes, float[] w, ModelDescriptor metadata) {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("image", DataType.FLOAT32, Shape.of(1, size, size, channels), Quantization.none());
    int weights = b.addConstant("w", Shape.of(classes, size * size * channels), w);
    int bias = b.addConstant("b", Shape.of(classes), new float[classes]);
    int y = b.addTensor("scores", DataType.FLOAT32, Shape.of(1, classes));
    b.addOperator(BuiltinOperator.FULLY_CONNECTED, OperatorOptions.builder("FullyConnectedOptions").build(),
        new int[] {x, weights, bias}, new int[] {y});
    b.markOutput(y);
    if (metadata != null) {
      b.addMetadata(ModelDescriptor.MODEL_METADATA, metadata.modelMetadata());
      b.addMetadata(ModelDescriptor.LABELS_METADATA, metadata.labelsMetadata());
    }
    return b.toModel();
  }

  /**
   * An 8-bit model whose probabilities are its input pixels: RESHAPE of a [1, 1, 1, 3] image (scale 1/255, so a
   * pixel p quantizes to p, or p - 128 for int8) to [1, 3]; class c's probability is channel c / 255.
   */
  static TfliteModel pixelProbabilities(DataType type) {
    int zeroPoint = type == DataType.INT8 ? -128 : 0;
    Quantization q = Quantization.perTensor(1 / 255f, zeroPoint);
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("image", type, Shape.of(1, 1, 1, 3), q);
    int shape = b.addConstant("shape", Shape.of(2), Quantization.none(), new int[] {1, 3});
    int y = b.addTensor("probabilities", type, Shape.of(1, 3), q);
    b.addOperator(BuiltinOperator.RESHAPE, OperatorOptions.builder("ReshapeOptions").set("new_shape", new int[] {1, 3})
        .build(), new int[] {x, shape}, new int[] {y});
    b.markOutput(y);
    ModelDescriptor d = descriptor(InputColor.RGB, OutputLayout.PROBABILITIES, 3);
    b.addMetadata(ModelDescriptor.MODEL_METADATA, d.modelMetadata());
    b.addMetadata(ModelDescriptor.LABELS_METADATA, d.labelsMetadata());
    return b.toModel();
  }

  /** Reference softmax(W · x) of a linear model, in double. */
  static double[] referenceProbabilities(float[] w, float[] x, int classes) {
    double[] s = new double[classes];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      for (int i = 0; i < x.length; i++) {
        s[c] += (double) w[c * x.length + i] * x[i];
      }
      max = Math.max(max, s[c]);
    }
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      s[c] = Math.exp(s[c] - max);
      sum += s[c];
    }
    for (int c = 0; c < classes; c++) {
      s[c] /= sum;
    }
    return s;
  }
}
