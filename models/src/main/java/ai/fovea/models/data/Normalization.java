package ai.fovea.models.data;

import java.util.Arrays;

/**
 * Per-channel input centering and scaling, {@code (pixel - mean[c]) / std[c]}, for pixels in [0, 1]. Fit it on
 * the training split only ({@link #fit}) and apply the same values to validation, test and deployment inputs.
 * The model metadata contract states mean and std in 0..255 pixel units: {@link #scaled scaled(255)} gives them.
 * Immutable.
 */
public final class Normalization {
  /**
   * A channel whose standard deviation is below this (a constant channel) is only centered, std 1: dividing by
   * a near-zero spread would blow its rounding noise up into huge inputs.
   */
  public static final float MIN_STD = 1e-6f;

  private final float[] mean;
  private final float[] std;

  private Normalization(float[] mean, float[] std) {
    this.mean = mean;
    this.std = std;
  }

  /** The given per-channel values (copied); every mean finite, every std finite and positive. */
  public static Normalization of(float[] mean, float[] std) {
    if (mean == null || std == null || mean.length == 0 || mean.length != std.length) {
      throw new IllegalArgumentException("need one mean and one std per channel, got "
          + (mean == null ? "null" : mean.length) + " and " + (std == null ? "null" : std.length));
    }
    for (int c = 0; c < mean.length; c++) {
      if (!Float.isFinite(mean[c]) || !(std[c] > 0f) || !Float.isFinite(std[c])) {
        throw new IllegalArgumentException("channel " + c + ": mean " + mean[c] + ", std " + std[c]
            + "; need a finite mean and a finite std > 0");
      }
    }
    return new Normalization(mean.clone(), std.clone());
  }

  /** The identity on {@code channels} channels (mean 0, std 1). */
  public static Normalization identity(int channels) {
    if (channels < 1) {
      throw new IllegalArgumentException("channels " + channels + " must be positive");
    }
    float[] std = new float[channels];
    Arrays.fill(std, 1f);
    return new Normalization(new float[channels], std);
  }

  /**
   * Mean and population standard deviation of each channel over every pixel of {@code images}, summed in double
   * precision (two passes, so the variance does not suffer from cancellation).
   */
  public static Normalization fit(LabeledImages images) {
    if (images == null || images.count() == 0) {
      throw new IllegalArgumentException("need at least one image to fit a normalization");
    }
    int channels = images.channels();
    // One image at a time: a copy of all pixels would double the memory of a 60k-image set.
    float[] image = new float[images.imageSize()];
    double[] sums = new double[channels];
    for (int n = 0; n < images.count(); n++) {
      images.copyImage(n, image, 0);
      for (int i = 0; i < image.length; i++) {
        sums[i % channels] += image[i];
      }
    }
    double perChannel = (double) images.count() * images.height() * images.width();
    double[] means = new double[channels];
    for (int c = 0; c < channels; c++) {
      means[c] = sums[c] / perChannel;
    }
    double[] squares = new double[channels];
    for (int n = 0; n < images.count(); n++) {
      images.copyImage(n, image, 0);
      for (int i = 0; i < image.length; i++) {
        double d = image[i] - means[i % channels];
        squares[i % channels] += d * d;
      }
    }
    float[] mean = new float[channels];
    float[] std = new float[channels];
    for (int c = 0; c < channels; c++) {
      mean[c] = (float) means[c];
      float s = (float) Math.sqrt(squares[c] / perChannel);
      std[c] = s < MIN_STD ? 1f : s;
    }
    return new Normalization(mean, std);
  }

  public int channels() {
    return mean.length;
  }

  /** A fresh copy of the per-channel means. */
  public float[] mean() {
    return mean.clone();
  }

  /** A fresh copy of the per-channel standard deviations. */
  public float[] std() {
    return std.clone();
  }

  /**
   * The same map for pixels multiplied by {@code factor}: mean and std times {@code factor}. {@code scaled(255)}
   * states it in 0..255 pixel units, as the {@code fovea.model} metadata's {@code input.mean}/{@code input.std}.
   */
  public Normalization scaled(float factor) {
    if (!(factor > 0f) || !Float.isFinite(factor)) {
      throw new IllegalArgumentException("factor " + factor + " must be finite and positive");
    }
    float[] m = new float[mean.length];
    float[] s = new float[std.length];
    for (int c = 0; c < m.length; c++) {
      m[c] = mean[c] * factor;
      s[c] = std[c] * factor;
    }
    return of(m, s);
  }

  /** Normalizes {@code count} values of NHWC data in place, starting at {@code offset} (a pixel boundary). */
  public void applyInPlace(float[] values, int offset, int count) {
    if (values == null || offset < 0 || count < 0 || offset > values.length - count) {
      throw new IndexOutOfBoundsException("range " + offset + "+" + count + " outside "
          + (values == null ? "null" : values.length + " values"));
    }
    int channels = mean.length;
    if (count % channels != 0) {
      throw new IllegalArgumentException(count + " values are not whole pixels of " + channels + " channels");
    }
    for (int i = 0; i < count; i += channels) {
      for (int c = 0; c < channels; c++) {
        values[offset + i + c] = (values[offset + i + c] - mean[c]) / std[c];
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normalization && Arrays.equals(mean, ((Normalization) o).mean)
        && Arrays.equals(std, ((Normalization) o).std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std);
  }
}
