package ai.fovea.models.data;

import ai.fovea.kernels.tensor.Shape;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: bytes {@code 00 00 type rank}, then {@code rank}
 * big-endian int32 dimensions, then the values. Plain and gzip files are both accepted (told apart by the gzip
 * magic {@code 1f 8b}). Only type {@code 0x08} (unsigned byte) is supported; the header is checked before any
 * large allocation and the data must be exactly as long as declared, or a {@link DatasetFormatException} names
 * what is wrong.
 */
public final class IdxReader {
  /** Largest accepted element count: twice Fashion-MNIST's training images (47,040,000 bytes). */
  public static final int MAX_ELEMENTS = 1 << 27;

  private static final int TYPE_UNSIGNED_BYTE = 0x08;
  private static final int MAX_RANK = 4;
  private static final int FIRST_CHUNK = 1 << 16;

  private IdxReader() {}

  public static IdxArray read(byte[] file) {
    if (file == null) {
      throw new IllegalArgumentException("file bytes are null");
    }
    try {
      return read(new ByteArrayInputStream(file));
    } catch (IOException e) {
      throw new IllegalStateException("in-memory stream failed", e);
    }
  }

  /** Reads one IDX file from {@code in} to its end; the caller keeps ownership of {@code in} and closes it. */
  public static IdxArray read(InputStream in) throws IOException {
    if (in == null) {
      throw new IllegalArgumentException("input stream is null");
    }
    PushbackInputStream peek = new PushbackInputStream(in, 2);
    byte[] start = new byte[2];
    int n = readUpTo(peek, start, 0, 2);
    peek.unread(start, 0, n);
    boolean gzip = n == 2 && (start[0] & 0xFF) == 0x1f && (start[1] & 0xFF) == 0x8b;
    try {
      return readPlain(gzip ? new GZIPInputStream(peek) : peek);
    } catch (ZipException | EOFException e) {
      // Only the gzip layer throws these: our own reads report short data as DatasetFormatException.
      throw new DatasetFormatException("IDX gzip stream is corrupt: " + e.getMessage());
    }
  }

  private static IdxArray readPlain(InputStream in) throws IOException {
    byte[] magic = readExactly(in, 4, "magic");
    if (magic[0] != 0 || magic[1] != 0) {
      throw new DatasetFormatException(String.format(
          "IDX magic starts 0x%02x 0x%02x; expected 0x00 0x00", magic[0] & 0xFF, magic[1] & 0xFF));
    }
    int type = magic[2] & 0xFF;
    if (type != TYPE_UNSIGNED_BYTE) {
      throw new DatasetFormatException(String.format(
          "IDX type 0x%02x (%s) is not supported; only 0x08 (unsigned byte) is", type, typeName(type)));
    }
    int rank = magic[3] & 0xFF;
    if (rank < 1 || rank > MAX_RANK) {
      throw new DatasetFormatException("IDX rank " + rank + " out of range [1, " + MAX_RANK + "]");
    }
    byte[] header = readExactly(in, 4 * rank, "dimensions");
    int[] dims = new int[rank];
    long elements = 1;
    for (int i = 0; i < rank; i++) {
      int b = 4 * i;
      dims[i] = (header[b] & 0xFF) << 24 | (header[b + 1] & 0xFF) << 16 | (header[b + 2] & 0xFF) << 8
          | (header[b + 3] & 0xFF);
      if (dims[i] <= 0) {
        throw new DatasetFormatException("IDX dimension " + i + " is " + dims[i] + "; dimensions must be positive");
      }
      elements *= dims[i];
      if (elements > MAX_ELEMENTS) {
        throw new DatasetFormatException("IDX dimensions " + Arrays.toString(Arrays.copyOf(dims, i + 1))
            + " exceed " + MAX_ELEMENTS + " elements");
      }
    }
    byte[] data = readExactly(in, (int) elements, "data");
    if (in.read() != -1) {
      throw new DatasetFormatException("IDX file has bytes after the " + elements + " declared values");
    }
    return new IdxArray(Shape.of(dims), data);
  }

  /**
   * Reads exactly {@code length} bytes, growing the buffer as bytes arrive so a short file that declares a huge
   * size fails without first allocating that size.
   */
  private static byte[] readExactly(InputStream in, int length, String what) throws IOException {
    byte[] buffer = new byte[Math.min(length, FIRST_CHUNK)];
    int filled = 0;
    while (true) {
      filled += readUpTo(in, buffer, filled, buffer.length - filled);
      if (filled == length) {
        return buffer;
      }
      if (filled < buffer.length) {
        throw new DatasetFormatException(
            "IDX " + what + " truncated: " + filled + " of " + length + " bytes present");
      }
      buffer = Arrays.copyOf(buffer, (int) Math.min(length, 2L * buffer.length));
    }
  }

  private static int readUpTo(InputStream in, byte[] buffer, int offset, int length) throws IOException {
    int total = 0;
    while (total < length) {
      int n = in.read(buffer, offset + total, length - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  private static String typeName(int type) {
    switch (type) {
      case 0x09: return "signed byte";
      case 0x0B: return "int16";
      case 0x0C: return "int32";
      case 0x0D: return "float32";
      case 0x0E: return "float64";
      default: return "unknown";
    }
  }
}
