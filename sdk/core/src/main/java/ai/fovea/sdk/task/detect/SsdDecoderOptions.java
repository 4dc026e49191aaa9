package ai.fovea.sdk.task.detect;

/**
 * Options of {@link SsdDecoder}. Immutable; {@link #builder(Anchors)} starts from TensorFlow's object-detection
 * defaults: {@link BoxEncoding#YXHW}, scales y = x = 10, h = w = 5, exponential sizes, sigmoid scores without
 * clipping, no background column, no keypoints, minimum score 0.5, best class per anchor, boxes from output 0 and
 * scores from output 1.
 */
public final class SsdDecoderOptions {
  private final Anchors anchors;
  private final BoxEncoding encoding;
  private final float yScale;
  private final float xScale;
  private final float hScale;
  private final float wScale;
  private final boolean exponentialSize;
  private final ScoreConversion scoreConversion;
  private final float scoreClip;
  private final int backgroundClasses;
  private final int keypointCount;
  private final int keypointOffset;
  private final float minScore;
  private final boolean everyClass;
  private final int boxesOutput;
  private final int scoresOutput;

  private SsdDecoderOptions(Builder b) {
    this.anchors = b.anchors;
    this.encoding = b.encoding;
    this.yScale = b.yScale;
    this.xScale = b.xScale;
    this.hScale = b.hScale;
    this.wScale = b.wScale;
    this.exponentialSize = b.exponentialSize;
    this.scoreConversion = b.scoreConversion;
    this.scoreClip = b.scoreClip;
    this.backgroundClasses = b.backgroundClasses;
    this.keypointCount = b.keypointCount;
    this.keypointOffset = b.keypointOffset;
    this.minScore = b.minScore;
    this.everyClass = b.everyClass;
    this.boxesOutput = b.boxesOutput;
    this.scoresOutput = b.scoresOutput;
  }

  public static Builder builder(Anchors anchors) {
    if (anchors == null || anchors.count() == 0) {
      throw new IllegalArgumentException("SSD decoding needs anchors, got " + anchors);
    }
    return new Builder(anchors);
  }

  public Anchors anchors() {
    return anchors;
  }

  public BoxEncoding encoding() {
    return encoding;
  }

  public float yScale() {
    return yScale;
  }

  public float xScale() {
    return xScale;
  }

  public float hScale() {
    return hScale;
  }

  public float wScale() {
    return wScale;
  }

  /** True: size = exp(raw / scale) * anchor size (TensorFlow); false: raw / scale * anchor size (MediaPipe's default). */
  public boolean exponentialSize() {
    return exponentialSize;
  }

  public ScoreConversion scoreConversion() {
    return scoreConversion;
  }

  /** Raw scores are clipped to [-clip, clip] before the sigmoid; infinity when not clipped. */
  public float scoreClip() {
    return scoreClip;
  }

  /** Leading score columns that are not classes (TensorFlow's background); class id = column - this. */
  public int backgroundClasses() {
    return backgroundClasses;
  }

  public int keypointCount() {
    return keypointCount;
  }

  /** Index of the first keypoint value in a box row. */
  public int keypointOffset() {
    return keypointOffset;
  }

  /** Candidates scoring less are not emitted. */
  public float minScore() {
    return minScore;
  }

  /** True: one candidate per class that reaches the minimum score; false: only each anchor's best class. */
  public boolean everyClass() {
    return everyClass;
  }

  public int boxesOutput() {
    return boxesOutput;
  }

  public int scoresOutput() {
    return scoresOutput;
  }

  /** Builds {@link SsdDecoderOptions}; each setter checks its value and throws {@link IllegalArgumentException}. */
  public static final class Builder {
    private final Anchors anchors;
    private BoxEncoding encoding = BoxEncoding.YXHW;
    private float yScale = 10;
    private float xScale = 10;
    private float hScale = 5;
    private float wScale = 5;
    private boolean exponentialSize = true;
    private ScoreConversion scoreConversion = ScoreConversion.SIGMOID;
    private float scoreClip = Float.POSITIVE_INFINITY;
    private int backgroundClasses;
    private int keypointCount;
    private int keypointOffset = 4;
    private float minScore = 0.5f;
    private boolean everyClass;
    private int boxesOutput = 0;
    private int scoresOutput = 1;

    private Builder(Anchors anchors) {
      this.anchors = anchors;
    }

    public Builder encoding(BoxEncoding encoding) {
      if (encoding == null) {
        throw new IllegalArgumentException("box encoding is null");
      }
      this.encoding = encoding;
      return this;
    }

    /** The divisors of the raw y, x, h and w values. */
    public Builder scales(float y, float x, float h, float w) {
      for (float s : new float[] {y, x, h, w}) {
        if (!(s > 0 && Float.isFinite(s))) {
          throw new IllegalArgumentException("box scales must be positive and finite, got " + y + ", " + x + ", " + h + ", " + w);
        }
      }
      this.yScale = y;
      this.xScale = x;
      this.hScale = h;
      this.wScale = w;
      return this;
    }

    public Builder exponentialSize(boolean exponential) {
      this.exponentialSize = exponential;
      return this;
    }

    public Builder scoreConversion(ScoreConversion conversion) {
      if (conversion == null) {
        throw new IllegalArgumentException("score conversion is null");
      }
      this.scoreConversion = conversion;
      return this;
    }

    /** Clip raw scores to [-clip, clip] before the sigmoid (MediaPipe's {@code score_clipping_thresh}). */
    public Builder scoreClip(float clip) {
      if (!(clip > 0)) {
        throw new IllegalArgumentException("score clip must be positive, got " + clip);
      }
      this.scoreClip = clip;
      return this;
    }

    public Builder backgroundClasses(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("background classes must not be negative, got " + count);
      }
      this.backgroundClasses = count;
      return this;
    }

    /** {@code count} keypoints, their values starting at {@code offset} in each box row. */
    public Builder keypoints(int count, int offset) {
      if (count < 0 || offset < 4) {
        throw new IllegalArgumentException("keypoints need count >= 0 and offset >= 4, got " + count + ", " + offset);
      }
      this.keypointCount = count;
      this.keypointOffset = offset;
      return this;
    }

    public Builder minScore(float minScore) {
      if (Float.isNaN(minScore)) {
        throw new IllegalArgumentException("minimum score is NaN");
      }
      this.minScore = minScore;
      return this;
    }

    public Builder everyClass(boolean everyClass) {
      this.everyClass = everyClass;
      return this;
    }

    /** Which model outputs hold the boxes and the scores. */
    public Builder outputs(int boxes, int scores) {
      if (boxes < 0 || scores < 0 || boxes == scores) {
        throw new IllegalArgumentException("boxes and scores need two distinct output indices, got " + boxes + ", " + scores);
      }
      this.boxesOutput = boxes;
      this.scoresOutput = scores;
      return this;
    }

    public SsdDecoderOptions build() {
      return new SsdDecoderOptions(this);
    }
  }
}
