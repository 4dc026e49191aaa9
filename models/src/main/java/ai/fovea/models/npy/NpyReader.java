package ai.fovea.models.npy;

import ai.fovea.kernels.tensor.Shape;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0): the magic {@code \x93NUMPY}, the version,
 * the little-endian header length, the header dictionary, then the values. Every length is checked against the
 * file before anything is allocated, and the data must be exactly as long as the shape and dtype say; anything
 * else — or a Fortran-order, object, structured or unsupported dtype — is a {@link NpyFormatException}.
 */
public final class NpyReader {
  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  private NpyReader() {}

  /** Reads a whole {@code .npy} file held in memory. */
  public static NpyArray read(byte[] file) {
    if (file == null) {
      throw new IllegalArgumentException("file bytes are null");
    }
    if (file.length < MAGIC.length + 4 || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
      throw new NpyFormatException(file.length >= 2 && file[0] == 'P' && file[1] == 'K'
          ? "this is a zip archive (an .npz?), not a .npy file; unzip it and pass one of its .npy members"
          : "not a .npy file: it does not start with the magic \\x93NUMPY and a version");
    }
    int major = file[6] & 0xFF;
    int minor = file[7] & 0xFF;
    if (major < 1 || major > 3 || minor != 0) {
      throw new NpyFormatException("format version " + major + "." + minor + " is not supported; 1.0, 2.0 and 3.0"
          + " are");
    }
    int lengthBytes = major == 1 ? 2 : 4;
    int preamble = MAGIC.length + 2 + lengthBytes;
    if (file.length < preamble) {
      throw new NpyFormatException("file is " + file.length + " bytes, too short for a version " + major
          + ".0 header length");
    }
    long headerLength = 0;
    for (int i = lengthBytes - 1; i >= 0; i--) {
      headerLength = headerLength << 8 | (file[8 + i] & 0xFF);
    }
    if (preamble + headerLength > file.length) {
      throw new NpyFormatException("header length " + headerLength + " runs past the end of the file ("
          + file.length + " bytes)");
    }
    int dataStart = (int) (preamble + headerLength);
    NpyHeader header = NpyHeader.parse(new String(file, preamble, (int) headerLength,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
    NpyDtype dtype = NpyDtype.fromDescr(header.descr);
    if (header.fortranOrder) {
      throw new NpyFormatException("Fortran-order arrays are not supported; save np.ascontiguousarray(a)");
    }
    long count = 1;
    for (int dim : header.shape) {
      count *= dim;
      if (count > Integer.MAX_VALUE) {
        throw new NpyFormatException("shape " + Arrays.toString(header.shape) + " has more than 2^31-1 elements");
      }
    }
    long dataLength = count * dtype.itemSize();
    long available = file.length - (long) dataStart;
    if (available != dataLength) {
      throw new NpyFormatException(dtype.descr() + " shape " + Arrays.toString(header.shape) + " needs "
          + dataLength + " data bytes, the file has " + available
          + (available < dataLength ? " (truncated)" : " (extra bytes after the data)"));
    }
    return NpyArray.wrap(dtype, Shape.of(header.shape), Arrays.copyOfRange(file, dataStart, file.length));
  }
}
