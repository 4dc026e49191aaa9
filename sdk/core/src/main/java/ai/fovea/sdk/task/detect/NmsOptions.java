package ai.fovea.sdk.task.detect;

/**
 * Options of {@link NonMaxSuppression}. Immutable; build with {@link #builder()}. Defaults: {@link NmsMethod#HARD},
 * IoU threshold 0.5, Gaussian sigma 0.5, score threshold 0 (candidates scoring less are dropped, before and,
 * for soft-NMS, after decay), at most 100 detections, class-aware (only candidates of the same class
 * suppress each other).
 */
public final class NmsOptions {
  private final NmsMethod method;
  private final float iouThreshold;
  private final float sigma;
  private final float scoreThreshold;
  private final int maxDetections;
  private final boolean classAware;

  private NmsOptions(Builder b) {
    this.method = b.method;
    this.iouThreshold = b.iouThreshold;
    this.sigma = b.sigma;
    this.scoreThreshold = b.scoreThreshold;
    this.maxDetections = b.maxDetections;
    this.classAware = b.classAware;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static NmsOptions defaults() {
    return builder().build();
  }

  public NmsMethod method() {
    return method;
  }

  public float iouThreshold() {
    return iouThreshold;
  }

  public float sigma() {
    return sigma;
  }

  public float scoreThreshold() {
    return scoreThreshold;
  }

  public int maxDetections() {
    return maxDetections;
  }

  public boolean classAware() {
    return classAware;
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return builder().method(method).iouThreshold(iouThreshold).sigma(sigma).scoreThreshold(scoreThreshold)
        .maxDetections(maxDetections).classAware(classAware);
  }

  @Override
  public String toString() {
    return method + " iou>" + iouThreshold + (method == NmsMethod.SOFT_GAUSSIAN ? " sigma " + sigma : "") + " score>="
        + scoreThreshold + " max " + maxDetections + (classAware ? " class-aware" : " class-agnostic");
  }

  /** Builds {@link NmsOptions}; each setter checks its value and throws {@link IllegalArgumentException}. */
  public static final class Builder {
    private NmsMethod method = NmsMethod.HARD;
    private float iouThreshold = 0.5f;
    private float sigma = 0.5f;
    private float scoreThreshold = 0;
    private int maxDetections = 100;
    private boolean classAware = true;

    private Builder() {}

    public Builder method(NmsMethod method) {
      if (method == null) {
        throw new IllegalArgumentException("NMS method is null");
      }
      this.method = method;
      return this;
    }

    /** Overlap above which candidates interact, in [0, 1]. */
    public Builder iouThreshold(float iouThreshold) {
      if (!(iouThreshold >= 0 && iouThreshold <= 1)) {
        throw new IllegalArgumentException("IoU threshold must be in [0, 1], got " + iouThreshold);
      }
      this.iouThreshold = iouThreshold;
      return this;
    }

    /** Width of the Gaussian soft-NMS decay; positive. */
    public Builder sigma(float sigma) {
      if (!(sigma > 0 && sigma < Float.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("sigma must be positive and finite, got " + sigma);
      }
      this.sigma = sigma;
      return this;
    }

    /** Candidates scoring less are dropped; any value but NaN ({@code -Infinity} keeps all). */
    public Builder scoreThreshold(float scoreThreshold) {
      if (Float.isNaN(scoreThreshold)) {
        throw new IllegalArgumentException("score threshold is NaN");
      }
      this.scoreThreshold = scoreThreshold;
      return this;
    }

    public Builder maxDetections(int maxDetections) {
      if (maxDetections < 1) {
        throw new IllegalArgumentException("max detections must be >= 1, got " + maxDetections);
      }
      this.maxDetections = maxDetections;
      return this;
    }

    /** True: only candidates of the same class interact; false: all do. */
    public Builder classAware(boolean classAware) {
      this.classAware = classAware;
      return this;
    }

    public NmsOptions build() {
      return new NmsOptions(this);
    }
  }
}
