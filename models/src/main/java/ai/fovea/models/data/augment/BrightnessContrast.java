package ai.fovea.models.data.augment;

import java.util.Random;

/**
 * Random brightness and contrast: {@code p' = clamp((p - m) · factor + m + delta, 0, 1)} per value, where
 * {@code m} is the image's mean of that channel, {@code delta} is drawn from [-maxBrightness, maxBrightness] and
 * {@code factor} from [1 - maxContrast, 1 + maxContrast] (brightness first). Clamping keeps pixels in the [0, 1]
 * range the normalization was fitted on. Immutable.
 */
public final class BrightnessContrast implements Augmentation {
  private final float maxBrightness;
  private final float maxContrast;

  private BrightnessContrast(float maxBrightness, float maxContrast) {
    this.maxBrightness = maxBrightness;
    this.maxContrast = maxContrast;
  }

  /** Brightness shift up to ±{@code maxBrightness} (in [0, 1]) and contrast factor 1 ± {@code maxContrast} ([0, 1]). */
  public static BrightnessContrast of(float maxBrightness, float maxContrast) {
    if (!(maxBrightness >= 0 && maxBrightness <= 1 && maxContrast >= 0 && maxContrast <= 1)) {
      throw new IllegalArgumentException("brightness " + maxBrightness + " and contrast " + maxContrast
          + " must lie in [0, 1]");
    }
    return new BrightnessContrast(maxBrightness, maxContrast);
  }

  @Override
  public void apply(ImageBuffer image, Random random) {
    float delta = (float) Geometry.uniform(random, -maxBrightness, maxBrightness);
    float factor = (float) Geometry.uniform(random, 1 - maxContrast, 1 + maxContrast);
    adjust(image, delta, factor);
  }

  /** Applies one brightness {@code delta} and contrast {@code factor} (≥ 0) to every value, as described above. */
  public static void adjust(ImageBuffer image, float delta, float factor) {
    if (image == null || !Float.isFinite(delta) || !(factor >= 0) || !Float.isFinite(factor)) {
      throw new IllegalArgumentException("need an image, a finite delta and a finite factor >= 0; got delta "
          + delta + ", factor " + factor);
    }
    int channels = image.channels();
    float[] p = image.pixels();
    double[] sums = new double[channels];
    for (int i = 0; i < p.length; i++) {
      sums[i % channels] += p[i];
    }
    float[] means = new float[channels];
    for (int c = 0; c < channels; c++) {
      means[c] = (float) (sums[c] / (p.length / channels));
    }
    for (int i = 0; i < p.length; i++) {
      float m = means[i % channels];
      p[i] = Math.min(1f, Math.max(0f, (p[i] - m) * factor + m + delta));
    }
  }
}
