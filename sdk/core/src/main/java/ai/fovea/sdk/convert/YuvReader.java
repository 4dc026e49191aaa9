package ai.fovea.sdk.convert;

import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.frame.Plane;
import java.nio.ByteBuffer;

/**
 * Reads YUV_420_888 and NV21 frames: Y at full resolution, U and V from the 2x2 block the pixel lies in (no
 * chroma interpolation), converted with {@link Bt601} in the frame's colour range.
 */
final class YuvReader extends RgbReader {
  private final Bt601 colour;
  private final int[] lumaColumns;
  private final int[] chromaColumns;
  private final int[] lumaRows;
  private final int[] chromaRows;

  YuvReader(Frame frame, Orientation o, int[] columns) {
    Plane y = frame.plane(0);
    Plane u = frame.plane(1);
    this.colour = new Bt601(frame.colorRange());
    this.lumaColumns = columnOffsets(o, columns, 0, y.pixelStride(), y.rowStride());
    this.chromaColumns = columnOffsets(o, columns, 1, u.pixelStride(), u.rowStride());
    this.lumaRows = rowOffsets(o, 0, y.pixelStride(), y.rowStride());
    this.chromaRows = rowOffsets(o, 1, u.pixelStride(), u.rowStride());
  }

  @Override
  void read(Frame frame, int row, int[] out) {
    ByteBuffer y = frame.plane(0).buffer();
    ByteBuffer u = frame.plane(1).buffer();
    ByteBuffer v = frame.plane(2).buffer();
    int lumaRow = lumaRows[row];
    int chromaRow = chromaRows[row];
    int[] lc = lumaColumns;
    int[] cc = chromaColumns;
    for (int k = 0; k < lc.length; k++) {
      int c = chromaRow + cc[k];
      out[k] = colour.rgb(y.get(lumaRow + lc[k]) & 0xFF, u.get(c) & 0xFF, v.get(c) & 0xFF);
    }
  }
}
