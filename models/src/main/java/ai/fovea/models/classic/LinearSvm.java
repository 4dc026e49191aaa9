package ai.fovea.models.classic;

import ai.fovea.kernels.autodiff.Add;
import ai.fovea.kernels.autodiff.FullyConnected;
import ai.fovea.kernels.autodiff.Tape;
import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.loss.MulticlassHinge;
import ai.fovea.kernels.loss.WeightPenalty;
import ai.fovea.kernels.optim.Sgd;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Shape;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A linear multiclass SVM: scores {@code W·x + b}, trained by mini-batch SGD with momentum on the multiclass
 * hinge loss (Weston–Watkins, margin 1) plus an L2 penalty on W (not b), on the autodiff core the CNNs use.
 * Rows are visited in a seeded random order each epoch, so a fit is reproducible from its {@link Options}.
 */
public final class LinearSvm implements ClassicClassifier {
  private static final int PREDICT_BATCH = 1000;

  private final Options options;
  private final int dimensions;
  private final int classes;
  private final int trainingRows;
  private final float[] weights;
  private final float[] bias;
  private final double finalLoss;

  private LinearSvm(Options options, int dimensions, int classes, int trainingRows, float[] weights, float[] bias,
      double finalLoss) {
    this.options = options;
    this.dimensions = dimensions;
    this.classes = classes;
    this.trainingRows = trainingRows;
    this.weights = weights;
    this.bias = bias;
    this.finalLoss = finalLoss;
  }

  /** Training settings: epochs, batch size, learning rate, momentum, L2 strength and seed. Immutable. */
  public static final class Options {
    final int epochs;
    final int batchSize;
    final float learningRate;
    final float momentum;
    final float l2;
    final long seed;

    private Options(int epochs, int batchSize, float learningRate, float momentum, float l2, long seed) {
      if (epochs < 1 || batchSize < 1) {
        throw new IllegalArgumentException("epochs and batch size must be >= 1, got " + epochs + ", " + batchSize);
      }
      if (!(learningRate > 0f) || Float.isInfinite(learningRate) || !(momentum >= 0f && momentum < 1f)
          || !(l2 >= 0f) || Float.isInfinite(l2)) {
        throw new IllegalArgumentException("need learning rate > 0, momentum in [0, 1), l2 >= 0; got "
            + learningRate + ", " + momentum + ", " + l2);
      }
      this.epochs = epochs;
      this.batchSize = batchSize;
      this.learningRate = learningRate;
      this.momentum = momentum;
      this.l2 = l2;
      this.seed = seed;
    }

    /** 10 epochs, batch 128, learning rate 0.01, momentum 0.9, L2 1e-4, seed 1. */
    public static Options defaults() {
      return new Options(10, 128, 0.01f, 0.9f, 1e-4f, 1);
    }

    public Options epochs(int epochs) {
      return new Options(epochs, batchSize, learningRate, momentum, l2, seed);
    }

    public Options batchSize(int batchSize) {
      return new Options(epochs, batchSize, learningRate, momentum, l2, seed);
    }

    public Options learningRate(float learningRate) {
      return new Options(epochs, batchSize, learningRate, momentum, l2, seed);
    }

    public Options momentum(float momentum) {
      return new Options(epochs, batchSize, learningRate, momentum, l2, seed);
    }

    public Options l2(float l2) {
      return new Options(epochs, batchSize, learningRate, momentum, l2, seed);
    }

    public Options seed(long seed) {
      return new Options(epochs, batchSize, learningRate, momentum, l2, seed);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d epochs, batch %d, SGD lr %s momentum %s, L2 %s, seed %d", epochs,
          batchSize, learningRate, momentum, l2, seed);
    }
  }

  /** Trains from zero weights; the last batch of an epoch may be smaller. */
  public static LinearSvm fit(float[] rows, int dimensions, int[] labels, int classes, Options options,
      ComputePool pool) {
    int count = FeatureRows.checkTraining(rows, dimensions, labels, classes);
    if (options == null || pool == null) {
      throw new IllegalArgumentException("options and pool are required");
    }
    Variable w = Variable.parameter("svm/weights", Shape.of(classes, dimensions), new float[classes * dimensions]);
    Variable b = Variable.parameter("svm/bias", Shape.of(classes), new float[classes]);
    Sgd sgd = new Sgd(List.of(w, b), options.learningRate, options.momentum, false, 0f);
    Random random = new Random(options.seed);
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    double lastEpochLoss = 0;
    for (int epoch = 0; epoch < options.epochs; epoch++) {
      shuffle(order, random);
      double lossSum = 0;
      for (int from = 0; from < count; from += options.batchSize) {
        int n = Math.min(options.batchSize, count - from);
        float[] x = new float[n * dimensions];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
          System.arraycopy(rows, order[from + i] * dimensions, x, i * dimensions, dimensions);
          y[i] = labels[order[from + i]];
        }
        Tape tape = new Tape(pool);
        Variable scores = FullyConnected.apply(tape, Variable.constant("rows", Shape.of(n, dimensions), x), w, b);
        Variable loss = Add.apply(tape, MulticlassHinge.apply(tape, scores, y, 1f),
            WeightPenalty.apply(tape, List.of(w), 0f, options.l2));
        sgd.zeroGrad();
        tape.backward(loss);
        sgd.step();
        lossSum += loss.values()[0] * n;
      }
      lastEpochLoss = lossSum / count;
    }
    return new LinearSvm(options, dimensions, classes, count, w.values(), b.values(), lastEpochLoss);
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** Mean objective (hinge + L2) over the last training epoch, as its batches saw it. */
  public double finalLoss() {
    return finalLoss;
  }

  /** Scores [rows, classes] = W·x + b. */
  public float[] scores(float[] rows, ComputePool pool) {
    int count = FeatureRows.count(rows, dimensions);
    Variable w = Variable.constant("svm/weights", Shape.of(classes, dimensions), weights);
    Variable b = Variable.constant("svm/bias", Shape.of(classes), bias);
    float[] out = new float[count * classes];
    for (int from = 0; from < count; from += PREDICT_BATCH) {
      int n = Math.min(PREDICT_BATCH, count - from);
      float[] x = java.util.Arrays.copyOfRange(rows, from * dimensions, (from + n) * dimensions);
      Variable s = FullyConnected.apply(Tape.inference(pool), Variable.constant("rows", Shape.of(n, dimensions), x),
          w, b);
      System.arraycopy(s.values(), 0, out, from * classes, n * classes);
    }
    return out;
  }

  @Override
  public int[] predict(float[] rows, ComputePool pool) {
    float[] s = scores(rows, pool);
    int count = s.length / classes;
    int[] predicted = new int[count];
    for (int i = 0; i < count; i++) {
      int best = 0;
      for (int j = 1; j < classes; j++) {
        if (s[i * classes + j] > s[i * classes + best]) {
          best = j;
        }
      }
      predicted[i] = best;
    }
    return predicted;
  }

  @Override
  public String description() {
    return "linear SVM (multiclass hinge, " + options + ", " + trainingRows + " training rows)";
  }

  @Override
  public int dimensions() {
    return dimensions;
  }
}
