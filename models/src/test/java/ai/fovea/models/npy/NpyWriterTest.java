package ai.fovea.models.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Files we write are byte-identical to NumPy's (the reference bytes are spelled out in {@link NpyReaderTest}). */
class NpyWriterTest {
  @Test
  void writesExactlyWhatNumpyWrites() {
    Tensor t = Tensor.ofFloats("x", Shape.of(2, 3), new float[] {0, 1, 2, 3, 4, 5});
    assertArrayEquals(NpyReaderTest.FLOAT32_2X3, NpyWriter.write(NpyArray.of(t)));
  }

  @Test
  void alignsDataTo64BytesWithNumpysHeaderText() {
    for (int[] dims : new int[][] {{}, {7}, {1, 2, 3, 4, 5, 6, 7, 8}, {123456789, 0}}) {
      byte[] file = NpyWriter.write(NpyArray.of(NpyDtype.UINT8, Shape.of(dims), new byte[Shape.of(dims).size()]));
      int headerLength = file[8] & 0xFF | (file[9] & 0xFF) << 8;
      assertEquals(0, (10 + headerLength) % 64);
      assertEquals('\n', file[10 + headerLength - 1]);
      String header = new String(file, 10, headerLength, StandardCharsets.ISO_8859_1);
      String shape = dims.length == 0 ? "()" : dims.length == 1 ? "(7,)" : java.util.Arrays.toString(dims)
          .replace('[', '(').replace(']', ')');
      assertEquals("{'descr': '|u1', 'fortran_order': False, 'shape': " + shape + ", }", header.trim());
    }
  }

  @Test
  void padsAFullBlockWhenTheHeaderEndsOnTheBoundaryAsNumpyDoes() {
    // Rank 36 of ones: 10 preamble + 161 dictionary + 20 growth spaces + newline = 192, a multiple of 64;
    // NumPy's padding is 64 - (192 % 64) = 64 spaces, never 0 (np.save of this shape writes 257 bytes).
    int[] dims = new int[36];
    java.util.Arrays.fill(dims, 1);
    byte[] file = NpyWriter.write(NpyArray.of(NpyDtype.INT8, Shape.of(dims), new byte[1]));
    assertEquals(257, file.length);
    assertEquals(246, file[8] & 0xFF | (file[9] & 0xFF) << 8);
  }
}
