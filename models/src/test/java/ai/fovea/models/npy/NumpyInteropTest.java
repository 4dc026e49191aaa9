package ai.fovea.models.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.fovea.kernels.tensor.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks against real NumPy when a {@code python3} with numpy is on the PATH (skipped, saying so,
 * otherwise): NumPy loads every file we write with the right dtype, shape and values and writes the very same
 * bytes for the same array; we read every file NumPy writes (also format 2.0) and refuse its Fortran-order and
 * object arrays. Values follow one formula per dtype on both sides: element {@code i} of the flattened array.
 */
class NumpyInteropTest {
  private static final String[] DTYPES = {"<f4", "<f2", "|i1", "|u1", "<i4", "<i8", "|b1"};
  private static final int[][] SHAPES = {{2, 3, 4}, {}, {0, 5}, {7}};

  private static final String SCRIPT = String.join("\n",
      "import io, sys, pathlib, numpy as np",
      "d = pathlib.Path(sys.argv[1])",
      "def values(dtype, shape):",
      "    i = np.arange(int(np.prod(shape)), dtype=np.int64)",
      "    k = np.dtype(dtype).kind",
      "    v = (i - 5) * 0.25 if k == 'f' else (i % 3 == 0) if k == 'b' else i * 37 % 256 - 128 if dtype == '|i1' \\",
      "        else i * 37 % 256 if dtype == '|u1' else i * 1000003 - 2**30 if dtype == '<i4' else i * 10**12 - 5",
      "    return np.asarray(v).astype(dtype).reshape(shape)",
      "for line in (d / 'cases.txt').read_text().split('\\n'):",
      "    if not line: continue",
      "    name, dtype, dims = line.split(' ', 2)",
      "    shape = tuple(int(x) for x in dims.split(',') if x)",
      "    expected = values(dtype, shape)",
      "    ours = np.load(d / ('java_' + name))",
      "    assert ours.dtype == np.dtype(dtype) and ours.shape == shape, (name, ours.dtype, ours.shape)",
      "    assert np.array_equal(ours, expected), name",
      "    buf = io.BytesIO(); np.save(buf, expected)",
      "    assert buf.getvalue() == (d / ('java_' + name)).read_bytes(), name + ': bytes differ from np.save'",
      "    np.save(d / ('numpy_' + name), expected)",
      "    with open(d / ('numpy_v2_' + name), 'wb') as f: np.lib.format.write_array(f, expected, version=(2, 0))",
      "np.save(d / 'fortran.npy', np.asfortranarray(np.arange(6, dtype='<f4').reshape(2, 3)))",
      "np.save(d / 'object.npy', np.array([1, 'a'], dtype=object), allow_pickle=True)",
      "np.save(d / 'float64.npy', np.zeros(3))",
      "print('ok')");

  @Test
  void numpyAndWeAgreeOnEveryDtypeAndShape(@TempDir Path dir) throws Exception {
    assumeTrue(numpyAvailable(), "python3 with numpy is not installed: NumPy cross-check skipped");
    StringBuilder cases = new StringBuilder();
    for (String dtype : DTYPES) {
      for (int[] dims : SHAPES) {
        String name = dtype.substring(1) + "_" + dims.length + ".npy";
        Files.write(dir.resolve("java_" + name), NpyWriter.write(NpyArray.of(NpyDtype.fromDescr(dtype),
            Shape.of(dims), values(dtype, Shape.of(dims).size()))));
        cases.append(name).append(' ').append(dtype).append(' ')
            .append(java.util.Arrays.stream(dims).mapToObj(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""))
            .append('\n');
      }
    }
    Files.writeString(dir.resolve("cases.txt"), cases);
    Files.writeString(dir.resolve("check.py"), SCRIPT);
    String output = python(dir.resolve("check.py").toString(), dir.toString());
    assertTrue(output.endsWith("ok"), output);
    for (String dtype : DTYPES) {
      for (int[] dims : SHAPES) {
        String name = dtype.substring(1) + "_" + dims.length + ".npy";
        for (String writer : new String[] {"numpy_", "numpy_v2_"}) {
          NpyArray a = NpyReader.read(Files.readAllBytes(dir.resolve(writer + name)));
          assertEquals(NpyDtype.fromDescr(dtype), a.dtype(), writer + name);
          assertEquals(Shape.of(dims), a.shape(), writer + name);
          assertEquals(ByteBuffer.wrap(values(dtype, a.size())), a.data(), writer + name);
        }
      }
    }
    assertRefused(dir.resolve("fortran.npy"), "Fortran-order");
    assertRefused(dir.resolve("object.npy"), "object arrays");
    assertRefused(dir.resolve("float64.npy"), "dtype <f8 is not supported");
  }

  /** Element i of the flattened array, as the script's values() computes it, in little-endian bytes. */
  private static byte[] values(String dtype, int n) {
    NpyDtype type = NpyDtype.fromDescr(dtype);
    ByteBuffer b = ByteBuffer.allocate(n * type.itemSize()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      switch (type) {
        case FLOAT32:
          b.putFloat((i - 5) * 0.25f);
          break;
        case FLOAT16: // (i - 5) / 4 for i < 24 is exact in half precision: sign, exponent, 10-bit mantissa
          b.putShort(half((i - 5) * 0.25f));
          break;
        case INT8:
          b.put((byte) (i * 37 % 256 - 128));
          break;
        case UINT8:
          b.put((byte) (i * 37 % 256));
          break;
        case INT32:
          b.putInt(i * 1000003 - (1 << 30));
          break;
        case INT64:
          b.putLong(i * 1_000_000_000_000L - 5);
          break;
        default:
          b.put((byte) (i % 3 == 0 ? 1 : 0));
      }
    }
    return b.array();
  }

  /** IEEE half bits of a float that half precision holds exactly (small multiples of 1/4 here). */
  private static short half(float f) {
    if (f == 0) {
      return 0;
    }
    int bits = Float.floatToIntBits(f);
    int sign = bits >>> 16 & 0x8000;
    int exponent = (bits >>> 23 & 0xFF) - 127 + 15;
    return (short) (sign | exponent << 10 | (bits & 0x7FFFFF) >>> 13);
  }

  private static void assertRefused(Path file, String fragment) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyReader.read(bytes));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  private static boolean numpyAvailable() {
    try {
      return python("-c", "import numpy; print('ok')").endsWith("ok");
    } catch (IOException | InterruptedException | AssertionError e) {
      return false;
    }
  }

  private static String python(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "python3";
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("python3 took over 2 minutes");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (p.exitValue() != 0) {
      throw new AssertionError("python3 exited with " + p.exitValue() + ": " + out);
    }
    return out;
  }
}
