package ai.fovea.kernels.detection;

/**
 * The options of TFLite's {@code TFLite_Detection_PostProcess} custom op, validated. Box encodings are
 * (y, x, h, w) relative to (y, x, h, w) anchors, divided by the scales before decoding; scores are used as they
 * come (the graph applies its own sigmoid before the op); {@code numClasses} excludes the optional background
 * class in column 0. {@code useRegularNms} selects class-wise NMS ({@code detectionsPerClass} per class, the best
 * {@code maxDetections} over all classes) instead of the fast form (NMS on each anchor's best class score, then the
 * top {@code maxClassesPerDetection} classes of each kept anchor). Immutable.
 */
public final class DetectionPostprocessParams {
  /** TFLite's {@code detections_per_class} when the options leave it out. */
  public static final int DEFAULT_DETECTIONS_PER_CLASS = 100;

  private final int maxDetections;
  private final int maxClassesPerDetection;
  private final int detectionsPerClass;
  private final boolean useRegularNms;
  private final float scoreThreshold;
  private final float iouThreshold;
  private final int numClasses;
  private final float yScale;
  private final float xScale;
  private final float hScale;
  private final float wScale;

  private DetectionPostprocessParams(Builder b) {
    this.maxDetections = b.maxDetections;
    this.maxClassesPerDetection = b.maxClassesPerDetection;
    this.detectionsPerClass = b.detectionsPerClass;
    this.useRegularNms = b.useRegularNms;
    this.scoreThreshold = b.scoreThreshold;
    this.iouThreshold = b.iouThreshold;
    this.numClasses = b.numClasses;
    this.yScale = b.yScale;
    this.xScale = b.xScale;
    this.hScale = b.hScale;
    this.wScale = b.wScale;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int maxDetections() {
    return maxDetections;
  }

  public int maxClassesPerDetection() {
    return maxClassesPerDetection;
  }

  public int detectionsPerClass() {
    return detectionsPerClass;
  }

  public boolean useRegularNms() {
    return useRegularNms;
  }

  public float scoreThreshold() {
    return scoreThreshold;
  }

  public float iouThreshold() {
    return iouThreshold;
  }

  public int numClasses() {
    return numClasses;
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

  /** Output slots: {@code maxDetections × maxClassesPerDetection}, as TFLite sizes its outputs. */
  public int outputSlots() {
    return maxDetections * maxClassesPerDetection;
  }

  @Override
  public String toString() {
    return "DetectionPostprocessParams{maxDetections=" + maxDetections + ", maxClassesPerDetection="
        + maxClassesPerDetection + ", detectionsPerClass=" + detectionsPerClass + ", useRegularNms=" + useRegularNms
        + ", scoreThreshold=" + scoreThreshold + ", iouThreshold=" + iouThreshold + ", numClasses=" + numClasses
        + ", scales y/x/h/w=" + yScale + "/" + xScale + "/" + hScale + "/" + wScale + "}";
  }

  /** Every value is required but {@code detectionsPerClass} (default 100) and {@code useRegularNms} (false). */
  public static final class Builder {
    private int maxDetections = -1;
    private int maxClassesPerDetection = -1;
    private int detectionsPerClass = DEFAULT_DETECTIONS_PER_CLASS;
    private boolean useRegularNms;
    private float scoreThreshold = Float.NaN;
    private float iouThreshold = Float.NaN;
    private int numClasses = -1;
    private float yScale = Float.NaN;
    private float xScale = Float.NaN;
    private float hScale = Float.NaN;
    private float wScale = Float.NaN;

    private Builder() {}

    public Builder maxDetections(int v) {
      this.maxDetections = v;
      return this;
    }

    public Builder maxClassesPerDetection(int v) {
      this.maxClassesPerDetection = v;
      return this;
    }

    public Builder detectionsPerClass(int v) {
      this.detectionsPerClass = v;
      return this;
    }

    public Builder useRegularNms(boolean v) {
      this.useRegularNms = v;
      return this;
    }

    public Builder scoreThreshold(float v) {
      this.scoreThreshold = v;
      return this;
    }

    public Builder iouThreshold(float v) {
      this.iouThreshold = v;
      return this;
    }

    public Builder numClasses(int v) {
      this.numClasses = v;
      return this;
    }

    /** Box-encoding scales y, x, h, w (10, 10, 5, 5 in the TF Object Detection API's SSDs). */
    public Builder scales(float y, float x, float h, float w) {
      this.yScale = y;
      this.xScale = x;
      this.hScale = h;
      this.wScale = w;
      return this;
    }

    /** Throws IllegalArgumentException naming the first missing or out-of-range value. */
    public DetectionPostprocessParams build() {
      require(maxDetections >= 1 && maxDetections <= 100_000, "max_detections must be in [1, 100000], got "
          + maxDetections);
      require(maxClassesPerDetection >= 1 && maxClassesPerDetection <= 10_000,
          "max_classes_per_detection must be in [1, 10000], got " + maxClassesPerDetection);
      require((long) maxDetections * maxClassesPerDetection <= 1_000_000,
          "max_detections × max_classes_per_detection must be at most 1,000,000");
      // TFLite checks it only where it is used: files for the fast form often carry 0.
      require(detectionsPerClass >= (useRegularNms ? 1 : 0), "detections_per_class must be >= 1 with regular NMS"
          + " (>= 0 otherwise), got " + detectionsPerClass);
      require(numClasses >= 1 && numClasses <= 100_000, "num_classes must be in [1, 100000], got " + numClasses);
      require(iouThreshold > 0f && iouThreshold <= 1f, "nms_iou_threshold must be in (0, 1], got " + iouThreshold);
      require(!Float.isNaN(scoreThreshold), "nms_score_threshold is required");
      for (float s : new float[] {yScale, xScale, hScale, wScale}) {
        require(Float.isFinite(s) && s != 0f, "y/x/h/w scales must be finite and non-zero, got " + yScale + "/"
            + xScale + "/" + hScale + "/" + wScale);
      }
      return new DetectionPostprocessParams(this);
    }

    private static void require(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException("TFLite_Detection_PostProcess: " + message);
      }
    }
  }
}
