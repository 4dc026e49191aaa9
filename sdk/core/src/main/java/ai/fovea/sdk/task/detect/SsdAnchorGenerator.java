package ai.fovea.sdk.task.detect;

/**
 * Generates SSD anchors from {@link SsdAnchorOptions} exactly as MediaPipe's {@code SsdAnchorsCalculator} does,
 * including its float/double arithmetic, so a model trained with MediaPipe's anchors decodes against the same
 * numbers. The multiscale form is described at {@code generateMultiscale}; the usual form:
 * <ul>
 *   <li>layer scale: {@code (min + max) / 2} for one layer, else {@code min + (max - min) * i / (layers - 1)};
 *   <li>consecutive layers with equal strides share one grid; each contributes one anchor per aspect ratio at
 *       its scale, plus (when the interpolated aspect ratio is &gt; 0) one at {@code sqrt(scale * next scale)}
 *       (next scale 1 for the last layer); the lowest layer, when reduced, has ratios 1, 2, 0.5 at scales 0.1,
 *       scale, scale;
 *   <li>an anchor of ratio r and scale s is {@code s / sqrt(r)} high and {@code s * sqrt(r)} wide (1 × 1 with
 *       fixed anchor size), centred at {@code ((x + offset_x) / map width, (y + offset_y) / map height)};
 *   <li>order: layer group, then grid row, column, then anchor.
 * </ul>
 */
public final class SsdAnchorGenerator {
  private SsdAnchorGenerator() {}

  public static Anchors generate(SsdAnchorOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("anchor options are null");
    }
    if (options.multiscale()) {
      return generateMultiscale(options);
    }
    int layers = options.layerCount();
    long total = 0;
    for (int layer = 0; layer < layers; ) {
      int end = groupEnd(options, layer);
      total += (long) options.featureMapWidth(layer) * options.featureMapHeight(layer) * anchorsPerCell(options, layer, end);
      layer = end;
    }
    if (total > Integer.MAX_VALUE / 4) {
      throw new IllegalArgumentException("anchor options give " + total + " anchors, too many: " + options);
    }
    float[] table = new float[(int) total * 4];
    int at = 0;
    float[] ratios = options.aspectRatios();
    for (int layer = 0; layer < layers; ) {
      int end = groupEnd(options, layer);
      int perCell = anchorsPerCell(options, layer, end);
      float[] heights = new float[perCell];
      float[] widths = new float[perCell];
      int a = 0;
      for (int l = layer; l < end; l++) {
        float scale = scale(options, l);
        if (l == 0 && options.reduceBoxesInLowestLayer()) {
          a = addAnchor(heights, widths, a, 1.0f, 0.1f);
          a = addAnchor(heights, widths, a, 2.0f, scale);
          a = addAnchor(heights, widths, a, 0.5f, scale);
        } else {
          for (float ratio : ratios) {
            a = addAnchor(heights, widths, a, ratio, scale);
          }
          if (options.interpolatedScaleAspectRatio() > 0) {
            float next = l == layers - 1 ? 1.0f : scale(options, l + 1);
            a = addAnchor(heights, widths, a, options.interpolatedScaleAspectRatio(), (float) Math.sqrt(scale * next));
          }
        }
      }
      int mapWidth = options.featureMapWidth(layer);
      int mapHeight = options.featureMapHeight(layer);
      for (int y = 0; y < mapHeight; y++) {
        for (int x = 0; x < mapWidth; x++) {
          float xCenter = (x + options.anchorOffsetX()) * 1.0f / mapWidth;
          float yCenter = (y + options.anchorOffsetY()) * 1.0f / mapHeight;
          for (int k = 0; k < perCell; k++) {
            table[at++] = yCenter;
            table[at++] = xCenter;
            table[at++] = options.fixedAnchorSize() ? 1.0f : heights[k];
            table[at++] = options.fixedAnchorSize() ? 1.0f : widths[k];
          }
        }
      }
      layer = end;
    }
    return Anchors.wrap(table);
  }

  /**
   * MediaPipe's GenerateMultiScaleAnchors: per level l (stride 2^l, base size anchorScale * 2^l), per cell, per
   * aspect ratio r, per octave scale s = 2^(k / scalesPerOctave): height s * base / sqrt(r), width s * sqrt(r) * base,
   * centre cell * stride + stride / 2 (the half stride only when the input size is a multiple of 2^l), optionally
   * divided by the input size.
   */
  private static Anchors generateMultiscale(SsdAnchorOptions options) {
    int layers = options.layerCount();
    float[] ratios = options.aspectRatios();
    int perCell = ratios.length * options.scalesPerOctave();
    long total = 0;
    for (int layer = 0; layer < layers; layer++) {
      total += (long) options.featureMapWidth(layer) * options.featureMapHeight(layer) * perCell;
    }
    if (total > Integer.MAX_VALUE / 4) {
      throw new IllegalArgumentException("anchor options give " + total + " anchors, too many: " + options);
    }
    float[] scales = new float[options.scalesPerOctave()];
    for (int k = 0; k < scales.length; k++) {
      scales[k] = (float) Math.pow(2.0, (double) k / (double) options.scalesPerOctave());
    }
    float[] table = new float[(int) total * 4];
    int at = 0;
    int inputHeight = options.inputHeight();
    int inputWidth = options.inputWidth();
    for (int layer = 0; layer < layers; layer++) {
      int level = options.minLevel() + layer;
      float stride = (float) Math.pow(2.0, level);
      float base = stride * options.anchorScale();
      int denominator = 1 << level;
      float offsetY = inputHeight % denominator == 0 || inputHeight == 1 ? (float) (stride / 2.0) : 0;
      float offsetX = inputWidth % denominator == 0 || inputWidth == 1 ? (float) (stride / 2.0) : 0;
      for (int y = 0; y < options.featureMapHeight(layer); y++) {
        for (int x = 0; x < options.featureMapWidth(layer); x++) {
          for (float ratio : ratios) {
            float ratioSqrt = (float) Math.sqrt(ratio);
            for (float scale : scales) {
              float h = scale * base / ratioSqrt;
              float w = scale * ratioSqrt * base;
              float yCenter = y * stride + offsetY;
              float xCenter = x * stride + offsetX;
              if (options.normalizeCoordinates()) {
                h /= (float) inputHeight;
                w /= (float) inputWidth;
                yCenter /= (float) inputHeight;
                xCenter /= (float) inputWidth;
              }
              table[at++] = yCenter;
              table[at++] = xCenter;
              table[at++] = h;
              table[at++] = w;
            }
          }
        }
      }
    }
    return Anchors.wrap(table);
  }

  /** One past the last layer of the run of equal strides that starts at {@code layer}. */
  private static int groupEnd(SsdAnchorOptions options, int layer) {
    int end = layer;
    while (end < options.layerCount() && options.stride(end) == options.stride(layer)) {
      end++;
    }
    return end;
  }

  private static int anchorsPerCell(SsdAnchorOptions options, int from, int to) {
    int n = 0;
    for (int l = from; l < to; l++) {
      if (l == 0 && options.reduceBoxesInLowestLayer()) {
        n += 3;
      } else {
        n += options.aspectRatios().length + (options.interpolatedScaleAspectRatio() > 0 ? 1 : 0);
      }
    }
    return n;
  }

  /** MediaPipe's CalculateScale, whose {@code * 1.0} makes the interpolation double precision. */
  static float scale(SsdAnchorOptions options, int layer) {
    int layers = options.layerCount();
    if (layers == 1) {
      return (options.minScale() + options.maxScale()) * 0.5f;
    }
    return (float) (options.minScale() + (double) (options.maxScale() - options.minScale()) * 1.0 * layer / (double) (layers - 1.0f));
  }

  private static int addAnchor(float[] heights, float[] widths, int at, float ratio, float scale) {
    float ratioSqrt = (float) Math.sqrt(ratio);
    heights[at] = scale / ratioSqrt;
    widths[at] = scale * ratioSqrt;
    return at + 1;
  }
}
