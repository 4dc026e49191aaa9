package ai.fovea.desktop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading entries of a .tgz written byte by byte here in the ustar layout npm pack produces; SHA-256 of a file. */
class NpmTarballTest {
  @Test
  void readsTheRequestedEntriesAndSkipsTheOthers(@TempDir Path dir) throws IOException {
    byte[] big = new byte[1300];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 7);
    }
    Path tgz = dir.resolve("p.tgz");
    writeTgz(tgz, false, "package/a.txt", "hello".getBytes(StandardCharsets.UTF_8), "package/big.bin", big,
        "package/skip.me", new byte[600]);
    Map<String, byte[]> entries = NpmTarball.readEntries(tgz, Set.of("package/big.bin", "package/a.txt"));
    assertEquals("hello", new String(entries.get("package/a.txt"), StandardCharsets.UTF_8));
    assertArrayEquals(big, entries.get("package/big.bin"));
  }

  @Test
  void namesAMissingEntry(@TempDir Path dir) throws IOException {
    Path tgz = dir.resolve("p.tgz");
    writeTgz(tgz, false, "package/a.txt", new byte[1]);
    IOException e = assertThrows(IOException.class, () -> NpmTarball.readEntries(tgz, Set.of("package/b.txt")));
    assertTrue(e.getMessage().contains("has no file package/b.txt"), e.getMessage());
  }

  @Test
  void rejectsAHeaderWithABadChecksum(@TempDir Path dir) throws IOException {
    Path tgz = dir.resolve("p.tgz");
    writeTgz(tgz, true, "package/a.txt", new byte[1]);
    IOException e = assertThrows(IOException.class, () -> NpmTarball.readEntries(tgz, Set.of("package/a.txt")));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }

  @Test
  void sha256OfAKnownString(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("abc");
    Files.write(file, "abc".getBytes(StandardCharsets.US_ASCII));
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", NpmTarball.sha256(file));
  }

  /** name/content pairs as ustar entries, gzip-compressed; {@code corrupt} spoils the first header's checksum. */
  private static void writeTgz(Path file, boolean corrupt, Object... entries) throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    for (int i = 0; i < entries.length; i += 2) {
      byte[] content = (byte[]) entries[i + 1];
      byte[] header = new byte[512];
      put(header, 0, (String) entries[i]);
      put(header, 100, "0000644");
      put(header, 124, String.format("%011o", content.length));
      put(header, 136, "00000000000");
      header[156] = '0';
      put(header, 257, "ustar");
      put(header, 263, "00");
      for (int k = 148; k < 156; k++) {
        header[k] = ' ';
      }
      int sum = 0;
      for (byte b : header) {
        sum += b & 0xFF;
      }
      put(header, 148, String.format("%06o", sum + (corrupt && i == 0 ? 1 : 0)));
      header[154] = 0;
      tar.write(header);
      tar.write(content);
      tar.write(new byte[(512 - content.length % 512) % 512]);
    }
    tar.write(new byte[1024]);
    try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
      gz.write(tar.toByteArray());
    }
  }

  private static void put(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }
}
