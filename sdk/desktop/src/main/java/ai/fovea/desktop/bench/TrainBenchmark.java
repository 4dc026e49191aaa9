package ai.fovea.desktop.bench;

import ai.fovea.models.data.LabeledImages;
import ai.fovea.models.train.Architecture;
import ai.fovea.models.train.EpochRecord;
import ai.fovea.models.train.Network;
import ai.fovea.models.train.OptimizerKind;
import ai.fovea.models.train.Trainer;
import ai.fovea.models.train.TrainingConfig;
import ai.fovea.models.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Training throughput, ours against TensorFlow Java on the same network: samples per second of full training
 * steps (forward, softmax cross-entropy, backward, plain SGD update) at a fixed batch size on 28×28×1 images,
 * 10 classes. Both sides warm up for the same number of steps, {@link #WARMUP_EPOCHS} × {@code steps}, then
 * time {@code steps} more: ours runs through the real {@link Trainer} for that many epochs of {@code steps}
 * batches plus the timed one (one warm-up epoch of 100 steps was not enough: the JIT was still compiling, and
 * the next epoch ran up to 1.4× faster); its epoch time includes filling each batch from the training set (a
 * normalizing copy; augmentation is off). TensorFlow starts from our network's initial weights and is fed
 * prepared batches. Pixel values are seeded noise: speed does not depend on them.
 */
public final class TrainBenchmark {
  static final int SIZE = 28;
  static final int CLASSES = 10;
  private static final float LEARNING_RATE = 0.01f;
  /** Epochs of {@code steps} batches each side runs before the timed one. */
  static final int WARMUP_EPOCHS = 2;

  private final int threads;
  private final int batch;
  private final int steps;
  private final Consumer<String> progress;

  public TrainBenchmark(int threads, int batch, int steps, Consumer<String> progress) {
    if (threads < 1 || batch < 1 || steps < 1) {
      throw new IllegalArgumentException("threads, batch and steps must be >= 1, got " + threads + ", " + batch
          + ", " + steps);
    }
    this.threads = threads;
    this.batch = batch;
    this.steps = steps;
    this.progress = progress;
  }

  /** The TensorFlow form of {@code architecture}. */
  public static TrainingRecipe recipe(Architecture architecture) {
    switch (architecture) {
      case LENET5:
        return TrainingRecipe.lenet5();
      case VGG:
        return TrainingRecipe.vgg();
      case MOBILENET:
        return TrainingRecipe.mobilenet();
      case RESNET:
        return TrainingRecipe.resnet();
      default:
        throw new AssertionError(architecture);
    }
  }

  public List<TrainBenchRow> run(List<Architecture> architectures) {
    List<TrainBenchRow> rows = new ArrayList<>();
    for (Architecture a : architectures) {
      rows.add(measure(a));
    }
    return rows;
  }

  public TrainBenchRow measure(Architecture architecture) {
    TrainingRecipe recipe = recipe(architecture);
    Network network = architecture.build(SIZE, SIZE, 1, CLASSES, 1f, 1);
    LabeledImages images = noise(steps * batch, 2);
    double reference;
    progress.accept(String.format("bench train: %s (%d parameters), TensorFlow Java: %d warm-up + %d timed steps",
        architecture.id(), network.parameterCount(), WARMUP_EPOCHS * steps, steps));
    // TensorFlow first: it copies the untrained weights, so both start from the same point.
    try (TensorflowTrainStep tf = new TensorflowTrainStep(recipe, network.parameters(), batch, SIZE, SIZE, 1,
        CLASSES, LEARNING_RATE, threads)) {
      float[][] pixels = new float[steps][];
      int[][] labels = new int[steps][];
      for (int s = 0; s < steps; s++) {
        pixels[s] = new float[batch * SIZE * SIZE];
        labels[s] = new int[batch];
        for (int i = 0; i < batch; i++) {
          images.copyImage(s * batch + i, pixels[s], i * SIZE * SIZE);
          labels[s][i] = images.label(s * batch + i);
        }
      }
      for (int s = 0; s < WARMUP_EPOCHS * steps; s++) {
        tf.step(pixels[s % steps], labels[s % steps]);
      }
      long start = System.nanoTime();
      for (int s = 0; s < steps; s++) {
        tf.step(pixels[s], labels[s]);
      }
      reference = steps * (double) batch / ((System.nanoTime() - start) / 1e9);
    }
    progress.accept(String.format("bench train: %s, ours: %d epochs of %d steps (the last timed)",
        architecture.id(), WARMUP_EPOCHS + 1, steps));
    TrainingConfig config = TrainingConfig.builder().epochs(WARMUP_EPOCHS + 1).batchSize(batch)
        .learningRate(LEARNING_RATE).optimizer(OptimizerKind.SGD).weightDecay(0f).seed(1).threads(threads)
        .augmentation(0, false).build();
    TrainingResult result = Trainer.builder(config).build().train(network, images, noise(batch, 3));
    EpochRecord timed = result.history().get(WARMUP_EPOCHS);
    return new TrainBenchRow(architecture.id(), network.parameterCount(), batch, timed.samplesPerSecond, reference);
  }

  /** {@code count} seeded noise images with labels cycling over the classes. */
  static LabeledImages noise(int count, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[count * SIZE * SIZE];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat();
    }
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % CLASSES;
    }
    return LabeledImages.of(SIZE, SIZE, 1, pixels, labels);
  }
}
