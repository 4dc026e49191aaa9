package ai.fovea.models.train;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Properties;

/**
 * A training run's hyper-parameters. The learning rate warms up linearly over the first epoch, then follows a
 * half cosine to zero at the last step. Augmentation shifts each image by up to {@code shift} pixels
 * (background fill) and, when {@code flip}, mirrors it left-right with probability ½; with probability
 * {@code erase} it then overwrites a random rectangle with noise (random erasing). Immutable; written into every
 * checkpoint so a resumed run can be checked against it.
 */
public final class TrainingConfig {
  public final int epochs;
  public final int batchSize;
  public final float learningRate;
  public final OptimizerKind optimizer;
  public final float weightDecay;
  public final long seed;
  public final int threads;
  public final int shift;
  public final boolean flip;
  public final float erase;

  private TrainingConfig(Builder b) {
    this.epochs = b.epochs;
    this.batchSize = b.batchSize;
    this.learningRate = b.learningRate;
    this.optimizer = b.optimizer;
    this.weightDecay = b.weightDecay;
    this.seed = b.seed;
    this.threads = b.threads;
    this.shift = b.shift;
    this.flip = b.flip;
    this.erase = b.erase;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The configuration as Properties text (stable key order). */
  public String toText() {
    return "epochs=" + epochs + "\nbatch=" + batchSize + "\nlr=" + learningRate + "\noptimizer=" + optimizer.id()
        + "\nweight_decay=" + weightDecay + "\nseed=" + seed + "\nthreads=" + threads + "\nshift=" + shift
        + "\nflip=" + flip + "\nerase=" + erase + "\n";
  }

  /** Parses {@link #toText()}; throws IllegalArgumentException on a missing or bad value. */
  public static TrainingConfig fromText(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable training configuration", e);
    }
    try {
      return builder().epochs(Integer.parseInt(required(p, "epochs")))
          .batchSize(Integer.parseInt(required(p, "batch")))
          .learningRate(Float.parseFloat(required(p, "lr")))
          .optimizer(OptimizerKind.parse(required(p, "optimizer")))
          .weightDecay(Float.parseFloat(required(p, "weight_decay")))
          .seed(Long.parseLong(required(p, "seed")))
          .threads(Integer.parseInt(required(p, "threads")))
          .augmentation(Integer.parseInt(required(p, "shift")), Boolean.parseBoolean(required(p, "flip")))
          .erasing(Float.parseFloat(required(p, "erase")))
          .build();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad number in training configuration: " + e.getMessage(), e);
    }
  }

  private static String required(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("training configuration lacks '" + key + "'");
    }
    return value.trim();
  }

  /**
   * Whether {@code other} describes the same run: every field but the thread count, which changes no result
   * (the training ops are bit-identical for any thread count).
   */
  public boolean sameRunAs(TrainingConfig other) {
    return other != null && withoutThreads(other.toText()).equals(withoutThreads(toText()));
  }

  private static String withoutThreads(String text) {
    return text.replaceAll("(?m)^threads=.*$", "");
  }

  @Override
  public String toString() {
    return toText().trim().replace('\n', ' ');
  }

  /** Defaults: 10 epochs, batch 64, AdamW at 2e-3 with decay 5e-4, seed 1, 1 thread, shift 2, no flip, no erasing. */
  public static final class Builder {
    private int epochs = 10;
    private int batchSize = 64;
    private float learningRate = 2e-3f;
    private OptimizerKind optimizer = OptimizerKind.ADAMW;
    private float weightDecay = 5e-4f;
    private long seed = 1;
    private int threads = 1;
    private int shift = 2;
    private boolean flip;
    private float erase;

    public Builder epochs(int epochs) {
      if (epochs < 1 || epochs > 100_000) {
        throw new IllegalArgumentException("epochs must be in [1, 100000], got " + epochs);
      }
      this.epochs = epochs;
      return this;
    }

    public Builder batchSize(int batchSize) {
      if (batchSize < 2 || batchSize > 65_536) {
        throw new IllegalArgumentException("batch size must be in [2, 65536] (batch norm needs 2), got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    public Builder learningRate(float learningRate) {
      if (!(learningRate > 0f) || Float.isInfinite(learningRate)) {
        throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
      }
      this.learningRate = learningRate;
      return this;
    }

    public Builder optimizer(OptimizerKind optimizer) {
      if (optimizer == null) {
        throw new IllegalArgumentException("optimizer is required");
      }
      this.optimizer = optimizer;
      return this;
    }

    public Builder weightDecay(float weightDecay) {
      if (!(weightDecay >= 0f) || Float.isInfinite(weightDecay)) {
        throw new IllegalArgumentException("weight decay must be finite and >= 0, got " + weightDecay);
      }
      this.weightDecay = weightDecay;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder threads(int threads) {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("threads must be in [1, 256], got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Random shifts of up to {@code shift} pixels (0 = none) and optional left-right flips. */
    public Builder augmentation(int shift, boolean flip) {
      if (shift < 0 || shift > 16) {
        throw new IllegalArgumentException("shift must be in [0, 16], got " + shift);
      }
      this.shift = shift;
      this.flip = flip;
      return this;
    }

    /** Random erasing ({@code data.augment.RandomErasing} with its defaults) with {@code probability} in [0, 1]. */
    public Builder erasing(float probability) {
      if (!(probability >= 0f && probability <= 1f)) {
        throw new IllegalArgumentException("erase probability must be in [0, 1], got " + probability);
      }
      this.erase = probability;
      return this;
    }

    public TrainingConfig build() {
      return new TrainingConfig(this);
    }
  }
}
