package ai.fovea.models.npy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@link NpyArray}s as {@code .npy} files exactly as {@code np.save} does: format 1.0 (our headers are at
 * most about 900 bytes, far below its 64 KiB limit), NumPy's header text padded with spaces and a newline so
 * that the data starts on a 64-byte boundary, then the values.
 */
public final class NpyWriter {
  private static final int ALIGNMENT = 64;
  private static final int PREAMBLE = NpyReader.MAGIC.length + 2 + 2;

  private NpyWriter() {}

  public static byte[] write(NpyArray array) {
    if (array == null) {
      throw new IllegalArgumentException("array is null");
    }
    byte[] header = NpyHeader.of(array.dtype(), array.shape()).format().getBytes(StandardCharsets.ISO_8859_1);
    // As NumPy: a header that already ends on the boundary still gets a whole block of padding.
    int padded = header.length + 1 + ALIGNMENT - (PREAMBLE + header.length + 1) % ALIGNMENT;
    ByteBuffer data = array.data();
    ByteBuffer out = ByteBuffer.allocate(PREAMBLE + padded + data.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    out.put(NpyReader.MAGIC).put((byte) 1).put((byte) 0).putShort((short) padded).put(header);
    for (int i = header.length; i < padded - 1; i++) {
      out.put((byte) ' ');
    }
    out.put((byte) '\n').put(data);
    return out.array();
  }
}
