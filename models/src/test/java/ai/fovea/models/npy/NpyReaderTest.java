package ai.fovea.models.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * .npy files assembled byte by byte here as the NPY format specification describes them (magic, version,
 * little-endian header length, padded header dictionary, C-order little-endian values): valid ones read back
 * exactly, malformed and unsupported ones fail with a message naming the problem.
 */
class NpyReaderTest {
  /** np.save(np.arange(6, dtype='<f4').reshape(2, 3)) as NumPy 2 writes it, spelled out. */
  static final byte[] FLOAT32_2X3 = concat(
      new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0x76, 0x00},
      ascii("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" + " ".repeat(58) + "\n"),
      new byte[] {
          0, 0, 0, 0, /* 0.0 */ 0, 0, (byte) 0x80, 0x3f, /* 1.0 */ 0, 0, 0, 0x40, /* 2.0 */
          0, 0, 0x40, 0x40, /* 3.0 */ 0, 0, (byte) 0x80, 0x40, /* 4.0 */ 0, 0, (byte) 0xa0, 0x40 /* 5.0 */});

  @Test
  void readsNumpysFloat32File() {
    assertEquals(128 + 24, FLOAT32_2X3.length);
    NpyArray a = NpyReader.read(FLOAT32_2X3);
    assertEquals(NpyDtype.FLOAT32, a.dtype());
    assertEquals(Shape.of(2, 3), a.shape());
    Tensor t = a.toTensor("x", Quantization.none());
    assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, t.floats());
  }

  @Test
  void readsVersion2HeaderWithFourByteLength() {
    String header = "{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }";
    byte[] file = npy(2, header, new byte[] {1, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
    Tensor t = NpyReader.read(file).toTensor("x", Quantization.none());
    assertEquals(Shape.of(2), t.shape());
    assertArrayEquals(new int[] {1, -1}, t.ints());
  }

  @Test
  void readsEveryDtypeBitForBit() {
    Tensor half = read("<f2", "(2,)", 0x00, 0x3c, 0x00, (byte) 0xc0).toTensor("h", Quantization.none());
    assertEquals(DataType.FLOAT16, half.dataType());
    assertArrayEquals(new short[] {0x3c00, (short) 0xc000}, half.halfs()); // 1.0, -2.0
    assertArrayEquals(new byte[] {-128, 127, -1},
        read("|i1", "(3,)", 0x80, 0x7f, 0xff).toTensor("i", Quantization.none()).bytes());
    Tensor u8 = read("|u1", "(1, 3)", 0x00, 0x80, 0xff).toTensor("u", Quantization.perTensor(0.5f, 3));
    assertEquals(DataType.UINT8, u8.dataType());
    assertEquals(255, u8.bytes()[2] & 0xFF);
    assertEquals(Quantization.perTensor(0.5f, 3), u8.quantization());
    assertArrayEquals(new long[] {0x0102030405060708L},
        read("<i8", "(1,)", 8, 7, 6, 5, 4, 3, 2, 1).toTensor("l", Quantization.none()).longs());
    NpyArray bools = read("|b1", "(2, 2)", 1, 0, 0, 1);
    assertEquals(NpyDtype.BOOL, bools.dtype());
    assertEquals(1, bools.data().get(3));
    assertThrows(IllegalStateException.class, () -> bools.toTensor("b", Quantization.none()));
  }

  @Test
  void readsScalarEmptyAndOneDimensionalShapes() {
    NpyArray scalar = read("|u1", "()", 42);
    assertEquals(Shape.scalar(), scalar.shape());
    assertEquals(1, scalar.size());
    NpyArray empty = read("<f4", "(0, 3)");
    assertEquals(Shape.of(0, 3), empty.shape());
    assertEquals(0, empty.size());
    assertEquals(Shape.of(5), read("|i1", "(5,)", 1, 2, 3, 4, 5).shape());
  }

  @Test
  void acceptsWhatOlderNumpysWrote() {
    // Python 2 longs, double quotes, other key order, no trailing comma, 16-byte alignment, tabs.
    byte[] file = npy(1, "{\"shape\": (1L,\t2L), \"fortran_order\": False, \"descr\": \"<i4\"}",
        new byte[] {7, 0, 0, 0, 9, 0, 0, 0});
    assertEquals(0, (file.length - 8) % 16); // the helper pads the header to a 16-byte boundary
    assertArrayEquals(new int[] {7, 9}, NpyReader.read(file).toTensor("x", Quantization.none()).ints());
  }

  @Test
  void acceptsByteOrderMarksOnByteSizedTypes() {
    assertEquals(NpyDtype.INT8, read("<i1", "(1,)", 5).dtype());
    assertEquals(NpyDtype.UINT8, read("=u1", "(1,)", 5).dtype());
    assertEquals(NpyDtype.BOOL, read(">b1", "(1,)", 1).dtype());
  }

  @Test
  void refusesFortranOrder() {
    byte[] file = npy(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", new byte[16]);
    assertRefused(file, "Fortran-order arrays are not supported; save np.ascontiguousarray(a)");
  }

  @Test
  void refusesObjectStructuredBigEndianAndUnsupportedDtypes() {
    assertRefused(npy(1, "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", new byte[8]),
        "object arrays (dtype |O) are not supported");
    assertRefused(npy(1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", new byte[4]),
        "structured dtypes");
    assertRefused(npy(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", new byte[4]),
        "dtype >f4 is big-endian; save a.astype('<f4')");
    assertRefused(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", new byte[8]),
        "dtype <f8 is not supported; supported: <f4 <f2 |i1 |u1 <i4 <i8 |b1 (save a.astype('<f4'))");
    assertRefused(npy(1, "{'descr': '<U3', 'fortran_order': False, 'shape': (1,), }", new byte[12]),
        "dtype <U3 is not supported");
  }

  @Test
  void refusesDataOfTheWrongLength() {
    assertRefused(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", new byte[23]),
        "<f4 shape [2, 3] needs 24 data bytes, the file has 23 (truncated)");
    assertRefused(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", new byte[25]),
        "the file has 25 (extra bytes after the data)");
    byte[] cut = java.util.Arrays.copyOf(FLOAT32_2X3, 100);
    assertRefused(cut, "header length 118 runs past the end of the file (100 bytes)");
  }

  @Test
  void refusesHugeShapesBeforeAllocating() {
    assertRefused(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (65536, 65536), }", new byte[4]),
        "has more than 2^31-1 elements");
    assertRefused(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999,), }", new byte[4]),
        "shape dimension 0 is larger than 2^31-1");
    assertRefused(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (" + "1, ".repeat(65) + "), }",
        new byte[4]), "more than 64 dimensions");
  }

  @Test
  void refusesWrongMagicVersionAndArchives() {
    assertRefused(ascii("hello, this is not numpy"), "not a .npy file");
    assertRefused(new byte[] {(byte) 0x93, 'N', 'U', 'M'}, "not a .npy file");
    assertRefused(ascii("PK\u0003\u0004 some zip"), "zip archive (an .npz?)");
    byte[] v4 = FLOAT32_2X3.clone();
    v4[6] = 4;
    assertRefused(v4, "format version 4.0 is not supported");
    byte[] v1dot1 = FLOAT32_2X3.clone();
    v1dot1[7] = 1;
    assertRefused(v1dot1, "format version 1.1 is not supported");
    assertRefused(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 5, 0}, "too short");
  }

  @Test
  void refusesMalformedHeaders() {
    String ok = "'descr': '<f4', 'fortran_order': False";
    assertRefused(npy(1, "{" + ok + "}", new byte[4]), "header lacks the key 'shape'");
    assertRefused(npy(1, "{" + ok + ", 'shape': (1,), 'extra': 1}", new byte[4]), "unexpected key 'extra'");
    assertRefused(npy(1, "{" + ok + ", 'shape': (1,), 'shape': (1,)}", new byte[4]), "key 'shape' twice");
    assertRefused(npy(1, "{" + ok + ", 'shape': (3)}", new byte[12]), "without a comma: an integer, not a tuple");
    assertRefused(npy(1, "{" + ok + ", 'shape': (-1,)}", new byte[4]), "shape dimension 0 is negative");
    assertRefused(npy(1, "{" + ok + ", 'shape': (1 2)}", new byte[8]), "expected ',' between dimensions");
    assertRefused(npy(1, "{" + ok + ", 'shape': [1]}", new byte[4]), "expected a tuple of integers for 'shape'");
    assertRefused(npy(1, "{'descr': '<f4', 'fortran_order': 0, 'shape': (1,)}", new byte[4]),
        "expected True or False");
    assertRefused(npy(1, "{'descr': '<f4, 'fortran_order': False, 'shape': (1,)}", new byte[4]), "expected");
    assertRefused(npy(1, "{" + ok + ", 'shape': (1,)} trailing", new byte[4]), "the end of the header");
    assertRefused(npy(1, "{" + ok + ", 'shape': (1,)", new byte[4]), "found the end of the header");
    assertRefused(npy(1, "", new byte[4]), "expected '{'");
  }

  @Test
  void tensorsRoundTripThroughWriterAndReader() {
    Tensor[] tensors = {
        Tensor.ofFloats("f", Shape.of(2, 2), new float[] {1.5f, -0f, Float.NaN, Float.MIN_VALUE}),
        Tensor.ofBytes("q", DataType.INT8, Shape.of(3), Quantization.none(), new byte[] {-128, 0, 127}),
        Tensor.ofInts("i", Shape.of(1, 2), Quantization.none(), new int[] {Integer.MIN_VALUE, 3}),
        Tensor.ofLongs("l", Shape.scalar(), new long[] {Long.MAX_VALUE})};
    for (Tensor t : tensors) {
      NpyArray back = NpyReader.read(NpyWriter.write(NpyArray.of(t)));
      Tensor copy = back.toTensor(t.name(), Quantization.none());
      assertEquals(t.shape(), copy.shape());
      assertEquals(t.dataType(), copy.dataType());
      assertEquals(NpyArray.of(t).data(), NpyArray.of(copy).data());
    }
  }

  private static NpyArray read(String descr, String shape, int... data) {
    byte[] bytes = new byte[data.length];
    for (int i = 0; i < data.length; i++) {
      bytes[i] = (byte) data[i];
    }
    return NpyReader.read(npy(1, "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }",
        bytes));
  }

  private static void assertRefused(byte[] file, String fragment) {
    NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyReader.read(file));
    assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
  }

  /**
   * A .npy file per the spec: magic, version major.0, header length (2 bytes little-endian for 1.0, 4 for 2.0),
   * the header padded with spaces and ended by a newline to a 16-byte boundary (what NumPy before 1.14 did;
   * readers must accept any padding), then the data.
   */
  static byte[] npy(int major, String header, byte[] data) {
    int lengthBytes = major == 1 ? 2 : 4;
    int unpadded = 8 + lengthBytes + header.length() + 1;
    String padded = header + " ".repeat((16 - unpadded % 16) % 16) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
    for (int i = 0; i < lengthBytes; i++) {
      out.write(padded.length() >>> (8 * i) & 0xFF);
    }
    out.writeBytes(ascii(padded));
    out.writeBytes(data);
    return out.toByteArray();
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
