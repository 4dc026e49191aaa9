package ai.fovea.kernels.conv;

import ai.fovea.kernels.op.ConvGeometry;

/**
 * The layout of DEPTHWISE_CONV_2D's optimized forms. Each output row is cut into segments of whole pixels, and
 * for every filter tap the source values a segment reads are gathered into a zero-based scratch row (zeros stand
 * for padding), next to a weight row that repeats the tap's per-channel weights once per pixel. Accumulation
 * then runs over arrays that are all indexed by one counter, at most three taps per loop: the shape HotSpot C2
 * (JDK 17) vectorizes. It leaves scalar any loop whose arrays are offset by different loop-invariant amounts, as
 * a per-pixel channel loop over NHWC is, and any loop with a larger body. The source holds one value per output
 * channel and pixel (the input itself, or its copy widened or expanded by the depth multiplier), so the layout
 * serves every kernel size, stride and dilation alike.
 */
final class DepthwiseTaps {
  /** Values per segment: eight such rows (accumulator, three taps, three weight rows, bias) fill about L1. */
  private static final int SEGMENT_VALUES = 1024;

  private final ConvGeometry g;
  /** Output channels, which is also the source's values per pixel. */
  final int channels;
  /** Output pixels per full segment. */
  final int segmentPixels;
  /** Values per full segment: {@code segmentPixels × channels}. */
  final int segmentLength;

  DepthwiseTaps(ConvGeometry g, int channels) {
    this.g = g;
    this.channels = channels;
    this.segmentPixels = Math.max(1, Math.min(g.outWidth, SEGMENT_VALUES / channels));
    this.segmentLength = segmentPixels * channels;
  }

  /** Output rows over all batches: the unit threads split. */
  int rows() {
    return g.batch * g.outHeight;
  }

  int tapCount() {
    return g.filterHeight * g.filterWidth;
  }

  /** Index of the first tap of output row {@code row} whose input row is inside the image. */
  int firstTap(int row) {
    int y0 = row % g.outHeight * g.strideH - g.padTop;
    int ky = y0 >= 0 ? 0 : (-y0 + g.dilationH - 1) / g.dilationH;
    return Math.min(ky, g.filterHeight) * g.filterWidth;
  }

  /** One past the last tap of output row {@code row} whose input row is inside the image. */
  int endTap(int row) {
    int y0 = row % g.outHeight * g.strideH - g.padTop;
    int ky = y0 >= g.inHeight ? 0 : Math.min(g.filterHeight, (g.inHeight - 1 - y0) / g.dilationH + 1);
    return Math.max(ky * g.filterWidth, firstTap(row));
  }

  /**
   * Gathers into {@code dst[0, count × channels)} the source values that tap {@code tap} reads for output pixels
   * [{@code ox0}, {@code ox0 + count}) of output row {@code row}, copying from {@code zeros} where the tap falls
   * in the padding. The tap's input row must be inside the image ({@link #firstTap} ≤ tap < {@link #endTap}).
   * Arrays are of one primitive type; {@code zeros} holds at least {@link #segmentLength} zeros.
   */
  void gather(Object src, Object zeros, Object dst, int row, int ox0, int count, int tap) {
    int ky = tap / g.filterWidth;
    int kx = tap % g.filterWidth;
    int b = row / g.outHeight;
    int iy = row % g.outHeight * g.strideH - g.padTop + ky * g.dilationH;
    int rowStart = (b * g.inHeight + iy) * g.inWidth;
    int shift = kx * g.dilationW - g.padLeft; // input column = ox × stride + shift
    int first = Math.max(ox0, shift >= 0 ? 0 : (-shift + g.strideW - 1) / g.strideW);
    int end = Math.min(ox0 + count, Math.floorDiv(g.inWidth - 1 - shift, g.strideW) + 1);
    if (end <= first) {
      System.arraycopy(zeros, 0, dst, 0, count * channels);
      return;
    }
    System.arraycopy(zeros, 0, dst, 0, (first - ox0) * channels);
    if (g.strideW == 1) {
      System.arraycopy(src, (rowStart + first + shift) * channels, dst, (first - ox0) * channels,
          (end - first) * channels);
    } else {
      for (int ox = first; ox < end; ox++) {
        System.arraycopy(src, (rowStart + ox * g.strideW + shift) * channels, dst, (ox - ox0) * channels, channels);
      }
    }
    System.arraycopy(zeros, 0, dst, (end - ox0) * channels, (ox0 + count - end) * channels);
  }

  /** Fills {@code row}, one segment long, with {@code values[offset, offset + channels)} once per pixel. */
  void repeatPerPixel(Object values, int offset, Object row) {
    for (int p = 0; p < segmentPixels; p++) {
      System.arraycopy(values, offset, row, p * channels, channels);
    }
  }
}
