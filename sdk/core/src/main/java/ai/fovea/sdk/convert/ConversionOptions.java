package ai.fovea.sdk.convert;

/**
 * What a {@link FrameConverter} does besides colour conversion and orientation: the region of interest, how it
 * is fitted into the model input, the resampling, the per-channel normalization {@code (pixel - mean) / std}
 * (pixels in 0..255, as TFLite metadata states it; a quantized input then stores that value at its own scale
 * and zero point) and the pixel value letterbox padding gets. Immutable; the defaults are the whole frame,
 * letterbox, bilinear, mean 0, std 1, padding 0.
 */
public final class ConversionOptions {
  private final Region region;
  private final ScaleMode scaleMode;
  private final Interpolation interpolation;
  private final float[] mean;
  private final float[] std;
  private final float padValue;

  private ConversionOptions(Builder b) {
    this.region = b.region;
    this.scaleMode = b.scaleMode;
    this.interpolation = b.interpolation;
    this.mean = b.mean.clone();
    this.std = b.std.clone();
    this.padValue = b.padValue;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static ConversionOptions defaults() {
    return builder().build();
  }

  /** The region of interest in upright coordinates, or null for the whole upright frame. */
  public Region region() {
    return region;
  }

  public ScaleMode scaleMode() {
    return scaleMode;
  }

  public Interpolation interpolation() {
    return interpolation;
  }

  /** Mean subtracted from channel {@code c} (0 = R, 1 = G, 2 = B). */
  public float mean(int c) {
    return mean[checkChannel(c)];
  }

  /** Divisor of channel {@code c} after the mean is subtracted. */
  public float std(int c) {
    return std[checkChannel(c)];
  }

  private static int checkChannel(int c) {
    if (c < 0 || c > 2) {
      throw new IllegalArgumentException("channel must be 0, 1 or 2 (R, G, B), got " + c);
    }
    return c;
  }

  /** The pixel value (0..255, every channel) of letterbox padding, normalized like any pixel. */
  public float padValue() {
    return padValue;
  }

  /** Collects options; every setter validates its argument. */
  public static final class Builder {
    private Region region;
    private ScaleMode scaleMode = ScaleMode.LETTERBOX;
    private Interpolation interpolation = Interpolation.BILINEAR;
    private float[] mean = {0, 0, 0};
    private float[] std = {1, 1, 1};
    private float padValue;

    private Builder() {}

    /** Converts only this part of the upright image; null means all of it. */
    public Builder region(Region region) {
      this.region = region;
      return this;
    }

    public Builder scaleMode(ScaleMode mode) {
      if (mode == null) {
        throw new IllegalArgumentException("scale mode is null");
      }
      this.scaleMode = mode;
      return this;
    }

    public Builder interpolation(Interpolation interpolation) {
      if (interpolation == null) {
        throw new IllegalArgumentException("interpolation is null");
      }
      this.interpolation = interpolation;
      return this;
    }

    /** The same mean and std for all three channels, e.g. (127.5, 127.5) for inputs in [-1, 1]. */
    public Builder normalization(float mean, float std) {
      return normalization(new float[] {mean, mean, mean}, new float[] {std, std, std});
    }

    /** Per-channel (R, G, B) mean and std. */
    public Builder normalization(float[] mean, float[] std) {
      if (mean == null || mean.length != 3) {
        throw new IllegalArgumentException("mean needs 3 values (R, G, B), got " + (mean == null ? null : mean.length));
      }
      if (std == null || std.length != 3) {
        throw new IllegalArgumentException("std needs 3 values (R, G, B), got " + (std == null ? null : std.length));
      }
      for (int c = 0; c < 3; c++) {
        if (!Float.isFinite(mean[c])) {
          throw new IllegalArgumentException("mean of channel " + c + " must be finite, got " + mean[c]);
        }
        if (!(std[c] > 0) || Float.isInfinite(std[c])) {
          throw new IllegalArgumentException("std of channel " + c + " must be positive and finite, got " + std[c]);
        }
      }
      this.mean = mean.clone();
      this.std = std.clone();
      return this;
    }

    public Builder padValue(float value) {
      if (!(value >= 0 && value <= 255)) {
        throw new IllegalArgumentException("padding value must be a pixel value in [0, 255], got " + value);
      }
      this.padValue = value;
      return this;
    }

    public ConversionOptions build() {
      return new ConversionOptions(this);
    }
  }
}
