package ai.fovea.sdk.task.detect;

/**
 * Options of {@link CenterNetDecoder}. Immutable; defaults: heatmap, offsets and sizes from outputs 0, 1, 2;
 * sigmoid scores; minimum score 0.3; at most 100 peaks; offsets (dx, dy) and sizes (w, h) in
 * {@link BoxEncoding#XYWH} order; sizes in feature-map cells.
 */
public final class CenterNetDecoderOptions {
  private final int heatmapOutput;
  private final int offsetsOutput;
  private final int sizesOutput;
  private final ScoreConversion scoreConversion;
  private final float minScore;
  private final int maxPeaks;
  private final BoxEncoding encoding;
  private final boolean normalizedSizes;

  private CenterNetDecoderOptions(Builder b) {
    this.heatmapOutput = b.heatmapOutput;
    this.offsetsOutput = b.offsetsOutput;
    this.sizesOutput = b.sizesOutput;
    this.scoreConversion = b.scoreConversion;
    this.minScore = b.minScore;
    this.maxPeaks = b.maxPeaks;
    this.encoding = b.encoding;
    this.normalizedSizes = b.normalizedSizes;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static CenterNetDecoderOptions defaults() {
    return builder().build();
  }

  public int heatmapOutput() {
    return heatmapOutput;
  }

  public int offsetsOutput() {
    return offsetsOutput;
  }

  public int sizesOutput() {
    return sizesOutput;
  }

  /** {@link ScoreConversion#NONE} (the heatmap holds probabilities) or {@link ScoreConversion#SIGMOID} (logits). */
  public ScoreConversion scoreConversion() {
    return scoreConversion;
  }

  public float minScore() {
    return minScore;
  }

  /** The most peaks kept (top-k over every class and cell). */
  public int maxPeaks() {
    return maxPeaks;
  }

  /** XYWH: offsets (dx, dy) and sizes (w, h), as the original CenterNet; YXHW: (dy, dx) and (h, w), as TensorFlow's. */
  public BoxEncoding encoding() {
    return encoding;
  }

  /** True when sizes are fractions of the input already; false when they count feature-map cells. */
  public boolean normalizedSizes() {
    return normalizedSizes;
  }

  /** Builds {@link CenterNetDecoderOptions}; each setter checks its value and throws {@link IllegalArgumentException}. */
  public static final class Builder {
    private int heatmapOutput = 0;
    private int offsetsOutput = 1;
    private int sizesOutput = 2;
    private ScoreConversion scoreConversion = ScoreConversion.SIGMOID;
    private float minScore = 0.3f;
    private int maxPeaks = 100;
    private BoxEncoding encoding = BoxEncoding.XYWH;
    private boolean normalizedSizes;

    private Builder() {}

    public Builder outputs(int heatmap, int offsets, int sizes) {
      if (heatmap < 0 || offsets < 0 || sizes < 0 || heatmap == offsets || heatmap == sizes || offsets == sizes) {
        throw new IllegalArgumentException("heatmap, offsets and sizes need three distinct output indices, got " + heatmap + ", "
            + offsets + ", " + sizes);
      }
      this.heatmapOutput = heatmap;
      this.offsetsOutput = offsets;
      this.sizesOutput = sizes;
      return this;
    }

    public Builder scoreConversion(ScoreConversion conversion) {
      if (conversion != ScoreConversion.NONE && conversion != ScoreConversion.SIGMOID) {
        throw new IllegalArgumentException("CenterNet heatmaps take NONE or SIGMOID, got " + conversion);
      }
      this.scoreConversion = conversion;
      return this;
    }

    public Builder minScore(float minScore) {
      if (Float.isNaN(minScore)) {
        throw new IllegalArgumentException("minimum score is NaN");
      }
      this.minScore = minScore;
      return this;
    }

    public Builder maxPeaks(int maxPeaks) {
      if (maxPeaks < 1) {
        throw new IllegalArgumentException("max peaks must be >= 1, got " + maxPeaks);
      }
      this.maxPeaks = maxPeaks;
      return this;
    }

    public Builder encoding(BoxEncoding encoding) {
      if (encoding == null) {
        throw new IllegalArgumentException("encoding is null");
      }
      this.encoding = encoding;
      return this;
    }

    public Builder normalizedSizes(boolean normalized) {
      this.normalizedSizes = normalized;
      return this;
    }

    public CenterNetDecoderOptions build() {
      return new CenterNetDecoderOptions(this);
    }
  }
}
