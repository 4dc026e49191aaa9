package ai.fovea.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** IDX files built byte by byte here: valid ones read back exactly, malformed ones fail naming the bad field. */
class IdxReaderTest {
  private static final byte[] VALUES = seededBytes(2 * 3 * 4);

  @Test
  void readsPlainUnsignedByteFile() {
    IdxArray array = IdxReader.read(idx(0x08, new int[] {2, 3, 4}, VALUES));
    assertEquals(Shape.of(2, 3, 4), array.shape());
    assertArrayEquals(VALUES, array.copyData());
    assertEquals(VALUES[5] & 0xFF, array.unsignedByte(5));
  }

  @Test
  void readsGzipFileLikeThePlainOne() throws IOException {
    IdxArray array = IdxReader.read(gzip(idx(0x08, new int[] {2, 3, 4}, VALUES)));
    assertEquals(Shape.of(2, 3, 4), array.shape());
    assertArrayEquals(VALUES, array.copyData());
  }

  @Test
  void readsLabelVectorOfRankOne() {
    IdxArray labels = IdxReader.read(idx(0x08, new int[] {3}, new byte[] {9, 0, (byte) 255}));
    assertEquals(Shape.of(3), labels.shape());
    assertEquals(255, labels.unsignedByte(2));
  }

  @Test
  void readsDataLargerThanOneReadChunk() {
    byte[] values = seededBytes(300 * 400);
    assertArrayEquals(values, IdxReader.read(idx(0x08, new int[] {300, 400}, values)).copyData());
  }

  @Test
  void copiesDataSoCallersCannotChangeIt() {
    IdxArray array = IdxReader.read(idx(0x08, new int[] {2, 3, 4}, VALUES));
    array.copyData()[0] = (byte) (VALUES[0] + 1);
    assertEquals(VALUES[0] & 0xFF, array.unsignedByte(0));
  }

  @Test
  void rejectsBadMagic() {
    byte[] file = idx(0x08, new int[] {2, 3, 4}, VALUES);
    file[1] = 0x01;
    assertRejected(file, "magic starts 0x00 0x01");
  }

  @Test
  void rejectsTypesOtherThanUnsignedByte() {
    assertRejected(idx(0x0D, new int[] {2, 3, 4}, VALUES), "type 0x0d (float32) is not supported");
    assertRejected(idx(0x42, new int[] {2, 3, 4}, VALUES), "type 0x42 (unknown)");
  }

  @Test
  void rejectsRankOutsideOneToFour() {
    assertRejected(idx(0x08, new int[0], new byte[0]), "rank 0 out of range");
    assertRejected(idx(0x08, new int[] {1, 1, 1, 1, 1}, new byte[1]), "rank 5 out of range");
  }

  @Test
  void rejectsZeroAndNegativeLookingDimensions() {
    assertRejected(idx(0x08, new int[] {2, 0, 4}, new byte[0]), "dimension 1 is 0");
    assertRejected(idx(0x08, new int[] {2, 0x80000000, 4}, new byte[0]), "dimension 1 is -2147483648");
  }

  @Test
  void rejectsHugeDeclaredSizeBeforeAllocating() {
    assertRejected(idx(0x08, new int[] {60000, 60000, 28}, new byte[16]), "exceed 134217728 elements");
  }

  @Test
  void rejectsTruncatedData() throws IOException {
    byte[] file = idx(0x08, new int[] {2, 3, 4}, VALUES);
    byte[] truncated = Arrays.copyOf(file, file.length - 1);
    assertRejected(truncated, "data truncated: 23 of 24 bytes present");
    assertRejected(gzip(truncated), "data truncated: 23 of 24 bytes present");
  }

  @Test
  void rejectsTruncatedHeader() {
    byte[] file = idx(0x08, new int[] {2, 3, 4}, VALUES);
    assertRejected(Arrays.copyOf(file, 10), "dimensions truncated: 6 of 12 bytes present");
    assertRejected(Arrays.copyOf(file, 3), "magic truncated: 3 of 4 bytes present");
    assertRejected(new byte[0], "magic truncated: 0 of 4 bytes present");
  }

  @Test
  void rejectsTrailingBytes() throws IOException {
    byte[] file = Arrays.copyOf(idx(0x08, new int[] {2, 3, 4}, VALUES), 16 + 24 + 1);
    assertRejected(file, "bytes after the 24 declared values");
    assertRejected(gzip(file), "bytes after the 24 declared values");
  }

  @Test
  void rejectsCorruptGzipStream() throws IOException {
    byte[] compressed = gzip(idx(0x08, new int[] {2, 3, 4}, VALUES));
    assertRejected(Arrays.copyOf(compressed, compressed.length / 2), "gzip stream is corrupt");
  }

  @Test
  void rejectsNullInput() {
    assertThrows(IllegalArgumentException.class, () -> IdxReader.read((byte[]) null));
  }

  private static void assertRejected(byte[] file, String expected) {
    DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> IdxReader.read(file));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  static byte[] idx(int type, int[] dims, byte[] values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(0);
    out.write(type);
    out.write(dims.length);
    for (int d : dims) {
      out.write(d >>> 24);
      out.write(d >>> 16);
      out.write(d >>> 8);
      out.write(d);
    }
    out.write(values, 0, values.length);
    return out.toByteArray();
  }

  static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(plain);
    }
    return out.toByteArray();
  }

  private static byte[] seededBytes(int n) {
    byte[] b = new byte[n];
    new Random(4).nextBytes(b);
    return b;
  }
}
