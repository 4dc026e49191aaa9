package ai.fovea.sdk.convert;

import ai.fovea.sdk.frame.Frame;

/** Reads ARGB_8888 frames, dropping alpha. */
final class ArgbReader extends RgbReader {
  private final int[] columnOffsets;
  private final int[] rowOffsets;

  ArgbReader(Frame frame, Orientation o, int[] columns) {
    this.columnOffsets = columnOffsets(o, columns, 0, 1, frame.argbRowStride());
    this.rowOffsets = rowOffsets(o, 0, 1, frame.argbRowStride());
  }

  @Override
  void read(Frame frame, int row, int[] out) {
    int[] pixels = frame.argbPixels();
    int base = rowOffsets[row];
    int[] co = columnOffsets;
    for (int k = 0; k < co.length; k++) {
      out[k] = pixels[base + co[k]] & 0xFFFFFF;
    }
  }
}
