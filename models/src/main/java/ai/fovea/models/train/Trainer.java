package ai.fovea.models.train;

import ai.fovea.kernels.autodiff.Tape;
import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.loss.SoftmaxCrossEntropy;
import ai.fovea.kernels.optim.LearningRateSchedule;
import ai.fovea.kernels.optim.Optimizer;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.data.Batch;
import ai.fovea.models.data.BatchLoader;
import ai.fovea.models.data.BatchStream;
import ai.fovea.models.data.LabeledImages;
import ai.fovea.models.data.Normalization;
import ai.fovea.models.data.augment.AffineWarp;
import ai.fovea.models.data.augment.AugmentationPipeline;
import ai.fovea.models.data.augment.Geometry;
import ai.fovea.models.data.augment.RandomErasing;
import ai.fovea.models.data.augment.RandomTransform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains a {@link Network} with mini-batch gradient descent and softmax cross-entropy. Batches come from a
 * {@link BatchLoader} on a background thread: shuffled and augmented from the run's seed and the epoch alone,
 * normalized per channel with the {@link Normalization} fit on the training images; dropout draws from
 * {@link #epochRandom}. The ops give bit-identical results for any thread count, so a run is reproducible from
 * its configuration, and a run resumed from a {@link Checkpoint} after epoch k continues exactly as the
 * uninterrupted run would. Every epoch ends with a validation pass, a history record and a checkpoint handed to
 * the {@link CheckpointSink}. The learning rate warms up over the first epoch and then decays along a half cosine
 * to zero; the last partial batch of an epoch is skipped (batch norm needs full batches; the next shuffle covers
 * those images).
 */
public final class Trainer {
  /** Receives each epoch's checkpoint (for example, writes it to a file). */
  public interface CheckpointSink {
    void save(Checkpoint checkpoint) throws IOException;
  }

  private final TrainingConfig config;
  private final TrainingListener listener;
  private final CheckpointSink sink;
  private final String tags;

  private Trainer(Builder b) {
    this.config = b.config;
    this.listener = b.listener;
    this.sink = b.sink;
    this.tags = b.tags;
  }

  public static Builder builder(TrainingConfig config) {
    return new Builder(config);
  }

  /** Trains {@code network} in place from its initial weights. */
  public TrainingResult train(Network network, LabeledImages train, LabeledImages validation) {
    return run(network, train, validation, null);
  }

  /** Continues the run {@code checkpoint} was taken from, restoring it into {@code network} first. */
  public TrainingResult resume(Network network, Checkpoint checkpoint, LabeledImages train, LabeledImages validation) {
    if (checkpoint == null) {
      throw new IllegalArgumentException("checkpoint is required");
    }
    if (!config.sameRunAs(checkpoint.config())) {
      throw new IllegalArgumentException("checkpoint was made with {" + checkpoint.config() + "}, not {" + config
          + "}");
    }
    return run(network, train, validation, checkpoint);
  }

  private TrainingResult run(Network network, LabeledImages train, LabeledImages validation, Checkpoint from) {
    if (network == null || train == null || validation == null) {
      throw new IllegalArgumentException("network, training and validation images are required");
    }
    checkFits(network, train);
    checkFits(network, validation);
    if (train.count() < config.batchSize) {
      throw new IllegalArgumentException(train.count() + " training images do not fill one batch of "
          + config.batchSize);
    }
    Normalization normalization = from != null ? from.normalization() : Normalization.fit(train);
    BatchLoader loader = batches(config, train, normalization);
    int batches = loader.batchesPerEpoch();
    Optimizer optimizer = config.optimizer.create(network.parameters(), config.learningRate, config.weightDecay);
    List<EpochRecord> history = new ArrayList<>();
    if (from != null) {
      from.restoreInto(network, optimizer);
      history.addAll(from.history());
    }
    LearningRateSchedule schedule = LearningRateSchedule.warmup(batches,
        LearningRateSchedule.cosine(config.learningRate, 0f, Math.max(1, (config.epochs - 1) * batches)));
    int classes = network.classes();
    try (ComputePool pool = config.threads > 1 ? new ComputePool(config.threads) : ComputePool.serial()) {
      for (int epoch = history.size() + 1; epoch <= config.epochs; epoch++) {
        Pass pass = Pass.training(epochRandom(config.seed, epoch));
        double lossSum = 0;
        int right = 0;
        long start = System.nanoTime();
        try (BatchStream stream = loader.epoch(epoch)) {
          for (int b = 0; b < batches; b++) {
            Batch batch = stream.next();
            int[] labels = batch.copyLabels();
            Tape tape = new Tape(pool);
            Variable logits = network.forward(tape, Variable.constant("images", batch.shape(), batch.copyPixels()),
                pass);
            Variable loss = SoftmaxCrossEntropy.apply(tape, logits, labels);
            optimizer.zeroGrad();
            tape.backward(loss);
            optimizer.setLearningRate(schedule.rate(optimizer.steps()));
            optimizer.step();
            lossSum += loss.values()[0];
            right += correct(logits.values(), labels, classes);
            double seen = (b + 1.0) * config.batchSize;
            listener.onBatch(epoch, b + 1, batches, lossSum / (b + 1), right / seen,
                seen / ((System.nanoTime() - start) / 1e9));
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Predictions val = Predictions.of(network, validation, normalization, pool);
        EpochRecord record = new EpochRecord(epoch, lossSum / batches, right / ((double) batches * config.batchSize),
            val.meanLoss(), val.accuracy(), optimizer.learningRate(), seconds,
            batches * config.batchSize / seconds);
        history.add(record);
        if (sink != null) {
          try {
            sink.save(Checkpoint.capture(network, optimizer, config, tags, normalization, history));
          } catch (IOException e) {
            throw new UncheckedIOException("could not save the checkpoint of epoch " + epoch, e);
          }
        }
        listener.onEpoch(record);
      }
    }
    return new TrainingResult(network, normalization, config, history);
  }

  /**
   * The training batches of a run: full batches of {@code config.batchSize}, shuffled and augmented from
   * {@code config.seed} (the loader derives each epoch's order and each image's draws from it), normalized.
   */
  static BatchLoader batches(TrainingConfig config, LabeledImages train, Normalization normalization) {
    BatchLoader.Builder loader = BatchLoader.builder(train).batchSize(config.batchSize).shuffle(config.seed)
        .normalize(normalization).dropLast(true);
    List<RandomTransform> geometry = new ArrayList<>();
    if (config.flip) {
      geometry.add(Geometry.flipHorizontal(0.5));
    }
    if (config.shift > 0) {
      geometry.add(Geometry.shift(config.shift, config.shift));
    }
    AugmentationPipeline.Builder pipeline = AugmentationPipeline.builder();
    if (!geometry.isEmpty()) {
      // Whole-pixel shifts and flips land on whole pixels: the warp copies them exactly, filling 0 (black).
      pipeline.add(AffineWarp.of(geometry.toArray(new RandomTransform[0])));
    }
    if (config.erase > 0f) {
      pipeline.add(RandomErasing.builder().build(), config.erase);
    }
    if (!geometry.isEmpty() || config.erase > 0f) {
      loader.augment(pipeline.build(), config.seed);
    }
    return loader.build();
  }

  /** Dropout's randomness in an epoch comes from the run's seed and the epoch number only. */
  static Random epochRandom(long seed, int epoch) {
    return new Random(seed * 0x9E3779B97F4A7C15L + epoch);
  }

  private static int correct(float[] logits, int[] labels, int classes) {
    int right = 0;
    for (int i = 0; i < labels.length; i++) {
      int best = 0;
      for (int j = 1; j < classes; j++) {
        if (logits[i * classes + j] > logits[i * classes + best]) {
          best = j;
        }
      }
      right += best == labels[i] ? 1 : 0;
    }
    return right;
  }

  private static void checkFits(Network network, LabeledImages images) {
    Shape in = network.inputShape();
    if (images.height() != in.dim(0) || images.width() != in.dim(1) || images.channels() != in.dim(2)) {
      throw new IllegalArgumentException("images are " + images.height() + "x" + images.width() + "x"
          + images.channels() + "; network " + network.name() + " takes " + in);
    }
    if (images.classes() > network.classes()) {
      throw new IllegalArgumentException("labels go up to " + (images.classes() - 1) + "; network "
          + network.name() + " has " + network.classes() + " classes");
    }
  }

  public static final class Builder {
    private final TrainingConfig config;
    private TrainingListener listener = new TrainingListener() {};
    private CheckpointSink sink;
    private String tags = "";

    private Builder(TrainingConfig config) {
      if (config == null) {
        throw new IllegalArgumentException("config is required");
      }
      this.config = config;
    }

    public Builder listener(TrainingListener listener) {
      if (listener == null) {
        throw new IllegalArgumentException("listener is null");
      }
      this.listener = listener;
      return this;
    }

    /** Where each epoch's checkpoint goes; none by default. */
    public Builder checkpoints(CheckpointSink sink) {
      this.sink = sink;
      return this;
    }

    /** Properties text stored in every checkpoint (how to rebuild the network). */
    public Builder tags(String tags) {
      this.tags = tags == null ? "" : tags;
      return this;
    }

    public Trainer build() {
      return new Trainer(this);
    }
  }
}
