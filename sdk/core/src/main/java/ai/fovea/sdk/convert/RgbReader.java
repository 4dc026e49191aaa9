package ai.fovea.sdk.convert;

import ai.fovea.sdk.frame.Frame;

/**
 * Reads pixels of one upright row, at a list of upright columns fixed in advance, as packed {@code 0xRRGGBB}
 * ints: the only format-specific step of a conversion. Each reader turns the orientation and its frame's
 * strides into one offset table per axis when planned, so reading a pixel is two table lookups and an add.
 */
abstract class RgbReader {
  /** Writes the pixel at upright ({@code columns[k]}, {@code row}) to {@code out[k]} for every planned column. */
  abstract void read(Frame frame, int row, int[] out);

  /** A reader for frames laid out like {@code frame}, reading the upright columns {@code columns}. */
  static RgbReader plan(Frame frame, Orientation orientation, int[] columns) {
    switch (frame.format()) {
      case YUV_420_888:
      case NV21:
        return new YuvReader(frame, orientation, columns);
      case RGBA_8888:
        return new RgbaReader(frame, orientation, columns);
      default:
        return new ArgbReader(frame, orientation, columns);
    }
  }

  /**
   * Offset contributed by each planned column in a plane subsampled by {@code 2^shift}: the column decides the
   * source x (times the pixel stride), or the source y (times the row stride) when the rotation swaps axes.
   */
  static int[] columnOffsets(Orientation o, int[] columns, int shift, int pixelStride, int rowStride) {
    int stride = o.swapsAxes() ? rowStride : pixelStride;
    int[] offsets = new int[columns.length];
    for (int k = 0; k < columns.length; k++) {
      offsets[k] = (o.sourceOfColumn(columns[k]) >> shift) * stride;
    }
    return offsets;
  }

  /** Offset contributed by each upright row, the counterpart of {@link #columnOffsets}. */
  static int[] rowOffsets(Orientation o, int shift, int pixelStride, int rowStride) {
    int stride = o.swapsAxes() ? pixelStride : rowStride;
    int[] offsets = new int[o.uprightHeight];
    for (int v = 0; v < offsets.length; v++) {
      offsets[v] = (o.sourceOfRow(v) >> shift) * stride;
    }
    return offsets;
  }
}
