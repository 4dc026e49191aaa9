package ai.fovea.models.data.augment;

import java.util.Random;

/**
 * Random erasing (Zhong et al., 2017): overwrites one rectangle of the image. Its area is a fraction of the
 * image drawn from [minArea, maxArea] and its aspect ratio (height / width) is log-uniform in
 * [minAspect, 1 / minAspect]; a rectangle that does not fit is drawn again, at most {@value #ATTEMPTS} times,
 * after which the image is left unchanged. The rectangle is filled with a constant or with uniform random values
 * in [0, 1) (the paper's default). Immutable; made by {@link #builder()}.
 */
public final class RandomErasing implements Augmentation {
  /** Tries before giving up on an image (the paper retries without bound). */
  public static final int ATTEMPTS = 10;

  private final double minArea;
  private final double maxArea;
  private final double minAspect;
  private final float fill;
  private final boolean randomFill;

  private RandomErasing(Builder b) {
    this.minArea = b.minArea;
    this.maxArea = b.maxArea;
    this.minAspect = b.minAspect;
    this.fill = b.fill;
    this.randomFill = b.randomFill;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void apply(ImageBuffer image, Random random) {
    int h = image.height();
    int w = image.width();
    double logAspect = StrictMath.log(minAspect);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      double area = Geometry.uniform(random, minArea, maxArea) * h * w;
      double aspect = StrictMath.exp(Geometry.uniform(random, logAspect, -logAspect));
      int eh = (int) Math.round(Math.sqrt(area * aspect));
      int ew = (int) Math.round(Math.sqrt(area / aspect));
      if (eh >= 1 && ew >= 1 && eh <= h && ew <= w) {
        int top = random.nextInt(h - eh + 1);
        int left = random.nextInt(w - ew + 1);
        erase(image, top, left, eh, ew, random);
        return;
      }
    }
  }

  private void erase(ImageBuffer image, int top, int left, int eh, int ew, Random random) {
    int channels = image.channels();
    float[] p = image.pixels();
    for (int y = top; y < top + eh; y++) {
      int base = (y * image.width() + left) * channels;
      for (int i = 0; i < ew * channels; i++) {
        p[base + i] = randomFill ? random.nextFloat() : fill;
      }
    }
  }

  /** Defaults are the paper's: area [0.02, 0.4], aspect from 0.3, random fill. */
  public static final class Builder {
    private double minArea = 0.02;
    private double maxArea = 0.4;
    private double minAspect = 0.3;
    private float fill;
    private boolean randomFill = true;

    private Builder() {}

    /** The rectangle covers a fraction in [min, max] of the image, 0 < min ≤ max ≤ 1. */
    public Builder area(double min, double max) {
      if (!(min > 0 && min <= max && max <= 1)) {
        throw new IllegalArgumentException("area fractions [" + min + ", " + max + "] must satisfy 0 < min <= max <= 1");
      }
      this.minArea = min;
      this.maxArea = max;
      return this;
    }

    /** Height / width lies in [minAspect, 1 / minAspect], 0 < minAspect ≤ 1. */
    public Builder aspect(double minAspect) {
      if (!(minAspect > 0 && minAspect <= 1)) {
        throw new IllegalArgumentException("minimum aspect " + minAspect + " outside (0, 1]");
      }
      this.minAspect = minAspect;
      return this;
    }

    /** Fills the rectangle with {@code value} in [0, 1] instead of random values. */
    public Builder fill(float value) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException("fill value " + value + " outside [0, 1]");
      }
      this.fill = value;
      this.randomFill = false;
      return this;
    }

    public RandomErasing build() {
      return new RandomErasing(this);
    }
  }
}
