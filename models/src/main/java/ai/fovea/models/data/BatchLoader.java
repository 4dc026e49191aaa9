package ai.fovea.models.data;

import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.data.augment.Augmentation;
import ai.fovea.models.data.augment.ImageBuffer;
import java.util.Random;

/**
 * Mini-batches of labelled images for training and evaluation. Each epoch's batches are prepared on a background
 * thread ({@link #epoch} returns a {@link BatchStream}) while the consumer trains on the previous ones. An image
 * goes through: copy → augmentation (pixels in [0, 1]) → normalization → its slot in the batch.
 *
 * <p>Deterministic: an epoch's order depends only on the shuffle seed and the epoch number, and image k of the
 * epoch is augmented with a random source seeded from the augmentation seed, the epoch and k alone, so an epoch
 * can be replayed on its own (resuming training) and gives the same batches whatever the timing of threads.
 * Without {@link Builder#shuffle} the images come in their stored order. Immutable and reusable; made by
 * {@link #builder}.
 *
 * <pre>{@code
 * BatchLoader loader = BatchLoader.builder(train).batchSize(64).shuffle(seed)
 *     .augment(pipeline, seed).normalize(Normalization.fit(train)).dropLast(true).build();
 * for (int epoch = 1; epoch <= epochs; epoch++) {
 *   try (BatchStream batches = loader.epoch(epoch)) {
 *     while (batches.hasNext()) {
 *       Batch batch = batches.next();
 *       ...
 *     }
 *   }
 * }
 * }</pre>
 */
public final class BatchLoader {
  private final LabeledImages images;
  private final int batchSize;
  private final boolean shuffle;
  private final long shuffleSeed;
  private final Augmentation augmentation;
  private final long augmentationSeed;
  private final Normalization normalization;
  private final boolean dropLast;
  private final int prefetch;

  private BatchLoader(Builder b) {
    this.images = b.images;
    this.batchSize = b.batchSize;
    this.shuffle = b.shuffle;
    this.shuffleSeed = b.shuffleSeed;
    this.augmentation = b.augmentation;
    this.augmentationSeed = b.augmentationSeed;
    this.normalization = b.normalization;
    this.dropLast = b.dropLast;
    this.prefetch = b.prefetch;
  }

  public static Builder builder(LabeledImages images) {
    return new Builder(images);
  }

  /** Batches in one epoch: a short last batch counts unless {@link Builder#dropLast} is set. */
  public int batchesPerEpoch() {
    return dropLast ? images.count() / batchSize : (images.count() + batchSize - 1) / batchSize;
  }

  public int batchSize() {
    return batchSize;
  }

  /** The images this loader reads. */
  public LabeledImages images() {
    return images;
  }

  /**
   * Starts preparing the batches of {@code epoch} (any int; training usually counts from 1) on a background
   * thread. Close the stream when done, also when stopping early.
   */
  public BatchStream epoch(int epoch) {
    return new BatchStream(this, epoch, prefetch);
  }

  /** The image order of {@code epoch}: a seeded permutation, or the stored order without shuffling. */
  int[] order(int epoch) {
    if (shuffle) {
      return Shuffle.permutation(images.count(), mix(shuffleSeed, epoch, -1));
    }
    int[] order = new int[images.count()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    return order;
  }

  /**
   * Builds batch {@code index} of an epoch whose image order is {@code order}; checks for interruption between
   * images so that closing a stream does not wait for a whole batch of slow augmentations.
   */
  Batch prepare(int epoch, int[] order, int index) throws InterruptedException {
    int from = index * batchSize;
    int size = Math.min(batchSize, order.length - from);
    int imageSize = images.imageSize();
    float[] pixels = new float[size * imageSize];
    int[] labels = new int[size];
    int[] sources = new int[size];
    ImageBuffer buffer = augmentation == null ? null
        : new ImageBuffer(images.height(), images.width(), images.channels());
    for (int i = 0; i < size; i++) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      int source = order[from + i];
      sources[i] = source;
      labels[i] = images.label(source);
      if (buffer == null) {
        images.copyImage(source, pixels, i * imageSize);
      } else {
        images.copyImage(source, buffer.pixels(), 0);
        augmentation.apply(buffer, new Random(mix(augmentationSeed, epoch, from + i)));
        buffer.store(pixels, i * imageSize);
      }
      if (normalization != null) {
        normalization.applyInPlace(pixels, i * imageSize, imageSize);
      }
    }
    Shape shape = Shape.of(size, images.height(), images.width(), images.channels());
    return new Batch(epoch, index, shape, pixels, labels, sources);
  }

  /** A well-spread 64-bit seed from a base seed, an epoch and a position (SplitMix64's finalizer). */
  static long mix(long seed, int epoch, long position) {
    long z = seed + 0x9E3779B97F4A7C15L * (1 + epoch) + 0xBF58476D1CE4E5B9L * (position + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Defaults: batch 32, stored order, no augmentation, no normalization, short last batch kept, prefetch 2. */
  public static final class Builder {
    private final LabeledImages images;
    private int batchSize = 32;
    private boolean shuffle;
    private long shuffleSeed;
    private Augmentation augmentation;
    private long augmentationSeed;
    private Normalization normalization;
    private boolean dropLast;
    private int prefetch = 2;

    private Builder(LabeledImages images) {
      if (images == null || images.count() == 0) {
        throw new IllegalArgumentException("a batch loader needs at least one image");
      }
      this.images = images;
    }

    public Builder batchSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("batch size " + size + " must be positive");
      }
      this.batchSize = size;
      return this;
    }

    /** Shuffles every epoch with a permutation drawn from {@code seed} and the epoch number. */
    public Builder shuffle(long seed) {
      this.shuffle = true;
      this.shuffleSeed = seed;
      return this;
    }

    /** Augments every image; the random draws come from {@code seed}, the epoch and the image's position. */
    public Builder augment(Augmentation augmentation, long seed) {
      if (augmentation == null) {
        throw new IllegalArgumentException("augmentation is null");
      }
      this.augmentation = augmentation;
      this.augmentationSeed = seed;
      return this;
    }

    /** Normalizes after augmentation; its channel count must match the images'. */
    public Builder normalize(Normalization normalization) {
      if (normalization == null || normalization.channels() != images.channels()) {
        throw new IllegalArgumentException("normalization " + normalization + " does not have the images' "
            + images.channels() + " channel(s)");
      }
      this.normalization = normalization;
      return this;
    }

    /** Skips the short last batch of an epoch (batch norm wants full batches; the next shuffle covers them). */
    public Builder dropLast(boolean drop) {
      this.dropLast = drop;
      return this;
    }

    /** Batches prepared ahead of the consumer, at least 1. */
    public Builder prefetch(int batches) {
      if (batches < 1) {
        throw new IllegalArgumentException("prefetch " + batches + " must be at least 1");
      }
      this.prefetch = batches;
      return this;
    }

    public BatchLoader build() {
      if (dropLast && images.count() < batchSize) {
        throw new IllegalArgumentException(images.count() + " images do not fill one batch of " + batchSize
            + " and the short batch is dropped");
      }
      return new BatchLoader(this);
    }
  }
}
