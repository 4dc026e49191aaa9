package ai.fovea.models.train;

import ai.fovea.models.data.LabeledImages;

/**
 * The input normalization a network is trained with: {@code (pixel − mean) / std} for pixels in [0, 1]. The
 * exported model's metadata states the same map in 0..255 pixel units.
 */
public final class Normalization {
  private final float mean;
  private final float std;

  public Normalization(float mean, float std) {
    if (!Float.isFinite(mean) || !(std > 0f) || Float.isInfinite(std)) {
      throw new IllegalArgumentException("need a finite mean and std > 0, got " + mean + ", " + std);
    }
    this.mean = mean;
    this.std = std;
  }

  /** One mean and standard deviation over every pixel of {@code images} (all channels together). */
  public static Normalization of(LabeledImages images) {
    float[] pixels = images.copyPixels();
    double sum = 0;
    double squares = 0;
    for (float p : pixels) {
      sum += p;
      squares += (double) p * p;
    }
    double mean = sum / pixels.length;
    double std = Math.sqrt(Math.max(squares / pixels.length - mean * mean, 1e-12));
    return new Normalization((float) mean, (float) std);
  }

  public float mean() {
    return mean;
  }

  public float std() {
    return std;
  }

  public float apply(float pixel) {
    return (pixel - mean) / std;
  }

  @Override
  public String toString() {
    return "mean " + mean + ", std " + std;
  }
}
