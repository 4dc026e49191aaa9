package ai.fovea.models.train;

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
