package ai.fovea.sdk.convert;

import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.frame.Plane;
import java.nio.ByteBuffer;

/** Reads RGBA_8888 frames, dropping alpha. */
final class RgbaReader extends RgbReader {
  private final int[] columnOffsets;
  private final int[] rowOffsets;

  RgbaReader(Frame frame, Orientation o, int[] columns) {
    Plane p = frame.plane(0);
    this.columnOffsets = columnOffsets(o, columns, 0, p.pixelStride(), p.rowStride());
    this.rowOffsets = rowOffsets(o, 0, p.pixelStride(), p.rowStride());
  }

  @Override
  void read(Frame frame, int row, int[] out) {
    ByteBuffer b = frame.plane(0).buffer();
    int base = rowOffsets[row];
    int[] co = columnOffsets;
    for (int k = 0; k < co.length; k++) {
      int i = base + co[k];
      out[k] = (b.get(i) & 0xFF) << 16 | (b.get(i + 1) & 0xFF) << 8 | (b.get(i + 2) & 0xFF);
    }
  }
}
