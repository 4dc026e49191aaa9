package ai.fovea.models.train;

import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.data.LabeledImages;
import ai.fovea.models.data.Normalization;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.tflite.TfliteModel;

/**
 * A classifier's answers on a labelled set: the predicted class of each image (arg max of the scores, first on
 * ties), the true labels and the mean softmax cross-entropy. Immutable; arrays are copied out.
 */
public final class Predictions {
  private static final int BATCH = 250;
  private final int classes;
  private final int[] labels;
  private final int[] predicted;
  private final double meanLoss;

  Predictions(int classes, int[] labels, int[] predicted, double meanLoss) {
    this.classes = classes;
    this.labels = labels;
    this.predicted = predicted;
    this.meanLoss = meanLoss;
  }

  /** Runs {@code network} in inference mode on every image of {@code images}, normalized as in training. */
  public static Predictions of(Network network, LabeledImages images, Normalization normalization, ComputePool pool) {
    checkChannels(images, normalization);
    int n = images.count();
    int classes = network.classes();
    int size = images.imageSize();
    Accumulator acc = new Accumulator(classes, n);
    for (int from = 0; from < n; from += BATCH) {
      int count = Math.min(BATCH, n - from);
      float[] pixels = new float[count * size];
      for (int i = 0; i < count; i++) {
        images.copyImage(from + i, pixels, i * size);
      }
      normalization.applyInPlace(pixels, 0, pixels.length);
      float[] logits = network.logits(pool, pixels, count);
      for (int i = 0; i < count; i++) {
        acc.add(images.label(from + i), logits, i * classes);
      }
    }
    return acc.result();
  }

  /**
   * Runs an exported classifier (float, or int8 with int8 input and output) on our graph runner, one image at a
   * time: the normalized image is quantized to the input tensor's scale and zero point (round half away from
   * zero, saturate) and int8 scores are dequantized.
   */
  public static Predictions of(TfliteModel model, LabeledImages images, Normalization normalization, ComputePool pool) {
    try (GraphRunner runner = GraphRunner.builder(model).pool(pool).build()) {
      if (runner.input(0).shape().size() != images.imageSize()) {
        throw new IllegalArgumentException("model input " + runner.input(0).shape() + " does not take "
            + images.height() + "x" + images.width() + "x" + images.channels() + " images");
      }
      return of((pixels, scores) -> {
        writeInput(runner.input(0), pixels);
        runner.run();
        readScores(runner.output(0), scores);
      }, runner.output(0).shape().size(), images, normalization);
    }
  }

  /** Computes one image's class scores from its normalized pixels (any engine). */
  public interface Scorer {
    void score(float[] pixels, float[] scores);
  }

  /** Scores every image of {@code images}, normalized as in training, one at a time with {@code scorer}. */
  public static Predictions of(Scorer scorer, int classes, LabeledImages images, Normalization normalization) {
    checkChannels(images, normalization);
    Accumulator acc = new Accumulator(classes, images.count());
    float[] scores = new float[classes];
    float[] pixels = new float[images.imageSize()];
    for (int i = 0; i < images.count(); i++) {
      images.copyImage(i, pixels, 0);
      normalization.applyInPlace(pixels, 0, pixels.length);
      scorer.score(pixels, scores);
      acc.add(images.label(i), scores, 0);
    }
    return acc.result();
  }

  private static void checkChannels(LabeledImages images, Normalization normalization) {
    if (normalization.channels() != images.channels()) {
      throw new IllegalArgumentException("normalization " + normalization + " does not have the images' "
          + images.channels() + " channel(s)");
    }
  }

  /**
   * Writes normalized pixels into a float or int8 model input (int8: the input tensor's scale and zero point,
   * round half away from zero, saturate).
   */
  public static void writeInput(Tensor input, float[] pixels) {
    if (input.dataType() == DataType.FLOAT32) {
      System.arraycopy(pixels, 0, input.floats(), 0, pixels.length);
      return;
    }
    if (input.dataType() != DataType.INT8) {
      throw new IllegalArgumentException("model input must be FLOAT32 or INT8, got " + input.dataType());
    }
    Quantization q = input.quantization();
    byte[] data = input.bytes();
    for (int i = 0; i < pixels.length; i++) {
      double x = pixels[i] / (double) q.scale();
      long v = (long) (x >= 0 ? Math.floor(x + 0.5) : Math.ceil(x - 0.5)) + q.zeroPoint();
      data[i] = (byte) Math.max(-128, Math.min(127, v));
    }
  }

  /** Reads float or dequantized int8 scores. */
  public static void readScores(Tensor output, float[] scores) {
    if (output.dataType() == DataType.FLOAT32) {
      System.arraycopy(output.floats(), 0, scores, 0, scores.length);
      return;
    }
    if (output.dataType() != DataType.INT8) {
      throw new IllegalArgumentException("model output must be FLOAT32 or INT8, got " + output.dataType());
    }
    Quantization q = output.quantization();
    byte[] data = output.bytes();
    for (int i = 0; i < scores.length; i++) {
      scores[i] = (data[i] - q.zeroPoint()) * q.scale();
    }
  }

  /** Collects one image's scores at a time. */
  static final class Accumulator {
    private final int classes;
    private final int[] labels;
    private final int[] predicted;
    private double loss;
    private int next;

    Accumulator(int classes, int count) {
      this.classes = classes;
      this.labels = new int[count];
      this.predicted = new int[count];
    }

    void add(int label, float[] scores, int offset) {
      if (label >= classes) {
        throw new IllegalArgumentException("label " + label + " but the classifier has " + classes + " classes");
      }
      int best = 0;
      float max = scores[offset];
      for (int j = 1; j < classes; j++) {
        if (scores[offset + j] > max) {
          max = scores[offset + j];
          best = j;
        }
      }
      double sum = 0;
      for (int j = 0; j < classes; j++) {
        sum += Math.exp(scores[offset + j] - max);
      }
      loss += Math.log(sum) - (scores[offset + label] - max);
      labels[next] = label;
      predicted[next++] = best;
    }

    Predictions result() {
      return new Predictions(classes, labels, predicted, next == 0 ? 0 : loss / next);
    }
  }

  public int count() {
    return labels.length;
  }

  public int classes() {
    return classes;
  }

  public int[] labels() {
    return labels.clone();
  }

  public int[] predicted() {
    return predicted.clone();
  }

  /** Mean softmax cross-entropy of the scores (for int8 models: of the dequantized scores). */
  public double meanLoss() {
    return meanLoss;
  }

  public double accuracy() {
    int right = 0;
    for (int i = 0; i < labels.length; i++) {
      right += labels[i] == predicted[i] ? 1 : 0;
    }
    return labels.length == 0 ? 0 : (double) right / labels.length;
  }

  /** {@code [true class][predicted class]} counts. */
  public int[][] confusionMatrix() {
    int[][] m = new int[classes][classes];
    for (int i = 0; i < labels.length; i++) {
      m[labels[i]][predicted[i]]++;
    }
    return m;
  }

  /** Accuracy of each true class (NaN for a class with no images). */
  public double[] perClassAccuracy() {
    int[][] m = confusionMatrix();
    double[] acc = new double[classes];
    for (int c = 0; c < classes; c++) {
      int total = 0;
      for (int p = 0; p < classes; p++) {
        total += m[c][p];
      }
      acc[c] = total == 0 ? Double.NaN : (double) m[c][c] / total;
    }
    return acc;
  }
}
