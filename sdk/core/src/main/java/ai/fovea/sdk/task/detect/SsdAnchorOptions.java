package ai.fovea.sdk.task.detect;

import java.util.Arrays;

/**
 * MediaPipe's {@code SsdAnchorsCalculatorOptions}, field for field with its defaults:
 * input size, min/max scale, anchor offsets (0.5), one stride per layer (optionally with explicit feature-map
 * sizes), aspect ratios, {@code reduce_boxes_in_lowest_layer} (false), {@code interpolated_scale_aspect_ratio}
 * (1.0; 0 turns the extra anchor off) and {@code fixed_anchor_size} (false); or the multiscale form
 * ({@link Builder#multiscale}). Immutable; see {@link SsdAnchorGenerator} for what they generate.
 */
public final class SsdAnchorOptions {
  private final int inputWidth;
  private final int inputHeight;
  private final float minScale;
  private final float maxScale;
  private final float anchorOffsetX;
  private final float anchorOffsetY;
  private final int[] strides;
  private final int[] featureMapWidths;
  private final int[] featureMapHeights;
  private final float[] aspectRatios;
  private final boolean reduceBoxesInLowestLayer;
  private final float interpolatedScaleAspectRatio;
  private final boolean fixedAnchorSize;
  private final boolean multiscale;
  private final int minLevel;
  private final float anchorScale;
  private final int scalesPerOctave;
  private final boolean normalizeCoordinates;

  private SsdAnchorOptions(Builder b) {
    this.inputWidth = b.inputWidth;
    this.inputHeight = b.inputHeight;
    this.minScale = b.minScale;
    this.maxScale = b.maxScale;
    this.anchorOffsetX = b.anchorOffsetX;
    this.anchorOffsetY = b.anchorOffsetY;
    this.strides = b.strides;
    this.featureMapWidths = b.featureMapWidths;
    this.featureMapHeights = b.featureMapHeights;
    this.aspectRatios = b.aspectRatios;
    this.reduceBoxesInLowestLayer = b.reduceBoxesInLowestLayer;
    this.interpolatedScaleAspectRatio = b.interpolatedScaleAspectRatio;
    this.fixedAnchorSize = b.fixedAnchorSize;
    this.multiscale = b.multiscale;
    this.minLevel = b.minLevel;
    this.anchorScale = b.anchorScale;
    this.scalesPerOctave = b.scalesPerOctave;
    this.normalizeCoordinates = b.normalizeCoordinates;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int inputWidth() {
    return inputWidth;
  }

  public int inputHeight() {
    return inputHeight;
  }

  public float minScale() {
    return minScale;
  }

  public float maxScale() {
    return maxScale;
  }

  public float anchorOffsetX() {
    return anchorOffsetX;
  }

  public float anchorOffsetY() {
    return anchorOffsetY;
  }

  /** Number of layers: one per stride. */
  public int layerCount() {
    return strides.length;
  }

  public int stride(int layer) {
    return strides[layer];
  }

  /** Feature-map width of {@code layer}: the explicit one, else ceil(input width / stride) as MediaPipe computes it. */
  public int featureMapWidth(int layer) {
    return featureMapWidths != null ? featureMapWidths[layer] : (int) Math.ceil(1.0f * inputWidth / strides[layer]);
  }

  public int featureMapHeight(int layer) {
    return featureMapHeights != null ? featureMapHeights[layer] : (int) Math.ceil(1.0f * inputHeight / strides[layer]);
  }

  public float[] aspectRatios() {
    return aspectRatios.clone();
  }

  public boolean reduceBoxesInLowestLayer() {
    return reduceBoxesInLowestLayer;
  }

  public float interpolatedScaleAspectRatio() {
    return interpolatedScaleAspectRatio;
  }

  public boolean fixedAnchorSize() {
    return fixedAnchorSize;
  }

  /** True for MediaPipe's {@code multiscale_anchor_generation} (RetinaNet-style levels); see {@link Builder#multiscale}. */
  public boolean multiscale() {
    return multiscale;
  }

  /** The pyramid level of the first layer (multiscale only): layer i has level minLevel + i and stride 2^level. */
  public int minLevel() {
    return minLevel;
  }

  /** Anchor size over stride (multiscale only). */
  public float anchorScale() {
    return anchorScale;
  }

  public int scalesPerOctave() {
    return scalesPerOctave;
  }

  /** Multiscale anchors divided by the input size (true) or in input pixels (false). */
  public boolean normalizeCoordinates() {
    return normalizeCoordinates;
  }

  @Override
  public String toString() {
    return inputWidth + "x" + inputHeight + " scales " + minScale + ".." + maxScale + " strides " + Arrays.toString(strides)
        + " aspect ratios " + Arrays.toString(aspectRatios) + (fixedAnchorSize ? " fixed size" : "")
        + (multiscale ? " multiscale levels " + minLevel + ".." + (minLevel + strides.length - 1) + " anchor scale " + anchorScale
            + " " + scalesPerOctave + " scales per octave" : "");
  }

  /**
   * Builds {@link SsdAnchorOptions}. Required: input size, scales, strides, at least one aspect ratio (unless
   * every layer is the reduced lowest layer). {@link #build} checks them together and throws
   * {@link IllegalArgumentException} naming the bad field.
   */
  public static final class Builder {
    private int inputWidth;
    private int inputHeight;
    private float minScale = Float.NaN;
    private float maxScale = Float.NaN;
    private float anchorOffsetX = 0.5f;
    private float anchorOffsetY = 0.5f;
    private int[] strides = new int[0];
    private int[] featureMapWidths;
    private int[] featureMapHeights;
    private float[] aspectRatios = new float[0];
    private boolean reduceBoxesInLowestLayer;
    private float interpolatedScaleAspectRatio = 1.0f;
    private boolean fixedAnchorSize;
    private boolean multiscale;
    private int minLevel = 3;
    private int maxLevel = 7;
    private float anchorScale = 4.0f;
    private int scalesPerOctave = 2;
    private boolean normalizeCoordinates = true;

    private Builder() {}

    public Builder inputSize(int width, int height) {
      this.inputWidth = width;
      this.inputHeight = height;
      return this;
    }

    public Builder scales(float minScale, float maxScale) {
      this.minScale = minScale;
      this.maxScale = maxScale;
      return this;
    }

    public Builder anchorOffset(float x, float y) {
      this.anchorOffsetX = x;
      this.anchorOffsetY = y;
      return this;
    }

    /** One stride per layer (MediaPipe's {@code num_layers} is their count). */
    public Builder strides(int... strides) {
      this.strides = strides == null ? null : strides.clone();
      return this;
    }

    /** Explicit feature-map sizes, one per layer, used instead of ceil(input / stride). */
    public Builder featureMapSizes(int[] widths, int[] heights) {
      this.featureMapWidths = widths == null ? null : widths.clone();
      this.featureMapHeights = heights == null ? null : heights.clone();
      return this;
    }

    public Builder aspectRatios(float... aspectRatios) {
      this.aspectRatios = aspectRatios == null ? null : aspectRatios.clone();
      return this;
    }

    public Builder reduceBoxesInLowestLayer(boolean reduce) {
      this.reduceBoxesInLowestLayer = reduce;
      return this;
    }

    /** Aspect ratio of the extra anchor with the interpolated scale; 0 (or less) adds none. */
    public Builder interpolatedScaleAspectRatio(float ratio) {
      this.interpolatedScaleAspectRatio = ratio;
      return this;
    }

    /** Every anchor 1 × 1 (models that predict sizes directly, like BlazeFace). */
    public Builder fixedAnchorSize(boolean fixed) {
      this.fixedAnchorSize = fixed;
      return this;
    }

    /**
     * MediaPipe's multiscale generation (its defaults: levels 3..7, anchor scale 4, 2 scales per octave,
     * normalized): one layer per level, stride 2^level, anchors {@code anchorScale * 2^level * 2^(k / scalesPerOctave)}
     * for every aspect ratio; min/max scale, the interpolated anchor, the reduced lowest layer and fixed sizes do
     * not apply. Strides (or feature-map sizes) are still given, one per level, as MediaPipe requires.
     */
    public Builder multiscale(int minLevel, int maxLevel, float anchorScale, int scalesPerOctave, boolean normalizeCoordinates) {
      this.multiscale = true;
      this.minLevel = minLevel;
      this.maxLevel = maxLevel;
      this.anchorScale = anchorScale;
      this.scalesPerOctave = scalesPerOctave;
      this.normalizeCoordinates = normalizeCoordinates;
      return this;
    }

    public SsdAnchorOptions build() {
      if (multiscale) {
        if (minLevel < 0 || maxLevel < minLevel || maxLevel > 30) {
          throw new IllegalArgumentException("multiscale levels must satisfy 0 <= min <= max <= 30, got " + minLevel + ".." + maxLevel);
        }
        if (!(anchorScale > 0 && Float.isFinite(anchorScale)) || scalesPerOctave < 1) {
          throw new IllegalArgumentException("multiscale needs a positive anchor scale and scales per octave, got " + anchorScale
              + ", " + scalesPerOctave);
        }
        if (strides != null && strides.length != maxLevel - minLevel + 1) {
          throw new IllegalArgumentException("multiscale levels " + minLevel + ".." + maxLevel + " need " + (maxLevel - minLevel + 1)
              + " strides, got " + strides.length);
        }
        if (aspectRatios != null && aspectRatios.length == 0) {
          throw new IllegalArgumentException("multiscale generation needs at least one aspect ratio");
        }
      }
      if (inputWidth < 1 || inputHeight < 1) {
        throw new IllegalArgumentException("input size must be positive, got " + inputWidth + "x" + inputHeight);
      }
      if (!multiscale && !(minScale > 0 && maxScale > 0 && Float.isFinite(minScale) && Float.isFinite(maxScale))) {
        throw new IllegalArgumentException("min and max scale must be positive and finite, got " + minScale + ", " + maxScale);
      }
      if (!Float.isFinite(anchorOffsetX) || !Float.isFinite(anchorOffsetY)) {
        throw new IllegalArgumentException("anchor offsets must be finite, got " + anchorOffsetX + ", " + anchorOffsetY);
      }
      if (strides == null || strides.length == 0) {
        throw new IllegalArgumentException("strides are required, one per layer");
      }
      for (int s : strides) {
        if (s < 1) {
          throw new IllegalArgumentException("strides must be positive, got " + Arrays.toString(strides));
        }
      }
      if ((featureMapWidths == null) != (featureMapHeights == null)) {
        throw new IllegalArgumentException("feature map widths and heights come together");
      }
      if (featureMapWidths != null) {
        if (featureMapWidths.length != strides.length || featureMapHeights.length != strides.length) {
          throw new IllegalArgumentException("need one feature map size per stride (" + strides.length + "), got "
              + featureMapWidths.length + " widths and " + featureMapHeights.length + " heights");
        }
        for (int i = 0; i < strides.length; i++) {
          if (featureMapWidths[i] < 1 || featureMapHeights[i] < 1) {
            throw new IllegalArgumentException("feature map sizes must be positive, got " + featureMapWidths[i] + "x"
                + featureMapHeights[i] + " for layer " + i);
          }
        }
      }
      if (aspectRatios == null) {
        throw new IllegalArgumentException("aspect ratios are null");
      }
      for (float r : aspectRatios) {
        if (!(r > 0 && Float.isFinite(r))) {
          throw new IllegalArgumentException("aspect ratios must be positive and finite, got " + Arrays.toString(aspectRatios));
        }
      }
      if (Float.isNaN(interpolatedScaleAspectRatio) || interpolatedScaleAspectRatio == Float.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("interpolated scale aspect ratio must be finite, got " + interpolatedScaleAspectRatio);
      }
      boolean onlyReduced = reduceBoxesInLowestLayer && strides.length == 1;
      if (!multiscale && aspectRatios.length == 0 && interpolatedScaleAspectRatio <= 0 && !onlyReduced) {
        throw new IllegalArgumentException("no anchors per cell: give aspect ratios or an interpolated scale aspect ratio");
      }
      return new SsdAnchorOptions(this);
    }
  }
}
