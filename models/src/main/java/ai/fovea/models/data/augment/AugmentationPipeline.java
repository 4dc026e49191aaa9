package ai.fovea.models.data.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Augmentations applied in order, each with its own probability. Every step draws its coin from the random
 * source even when its probability is 1 or 0, so adding or changing one step's probability leaves the coins of
 * the steps before it unchanged. A pipeline is itself an {@link Augmentation}, so pipelines nest. Immutable.
 *
 * <pre>{@code
 * Augmentation pipeline = AugmentationPipeline.builder()
 *     .add(AffineWarp.of(Geometry.flipHorizontal(0.5), Geometry.shift(2, 2), Geometry.rotation(10)))
 *     .add(BrightnessContrast.of(0.1f, 0.2f), 0.5)
 *     .add(RandomErasing.builder().build(), 0.5)
 *     .build();
 * }</pre>
 */
public final class AugmentationPipeline implements Augmentation {
  private final Augmentation[] steps;
  private final double[] probabilities;

  private AugmentationPipeline(Builder b) {
    this.steps = b.steps.toArray(new Augmentation[0]);
    this.probabilities = new double[b.probabilities.size()];
    for (int i = 0; i < probabilities.length; i++) {
      probabilities[i] = b.probabilities.get(i);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void apply(ImageBuffer image, Random random) {
    for (int i = 0; i < steps.length; i++) {
      if (random.nextDouble() < probabilities[i]) {
        steps[i].apply(image, random);
      }
    }
  }

  /** Collects steps in application order. */
  public static final class Builder {
    private final List<Augmentation> steps = new ArrayList<>();
    private final List<Double> probabilities = new ArrayList<>();

    private Builder() {}

    /** A step applied to every image. */
    public Builder add(Augmentation step) {
      return add(step, 1.0);
    }

    /** A step applied with {@code probability} in [0, 1]. */
    public Builder add(Augmentation step, double probability) {
      if (step == null) {
        throw new IllegalArgumentException("augmentation step is null");
      }
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("probability " + probability + " outside [0, 1]");
      }
      steps.add(step);
      probabilities.add(probability);
      return this;
    }

    public AugmentationPipeline build() {
      return new AugmentationPipeline(this);
    }
  }
}
