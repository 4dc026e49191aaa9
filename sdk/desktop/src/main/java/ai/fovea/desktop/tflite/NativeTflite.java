package ai.fovea.desktop.tflite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Loads the real TensorFlow Lite 2.6.2 JNI library shipped inside the {@code tflite-native-cpu} jar: extracted
 * once into {@code ~/.cache/fovea/tflite-2.6.2/<sha-256 prefix>/} (or under $XDG_CACHE_HOME) and {@code System.load}ed, since the Java
 * classes do not load it themselves. It is the only library needed: it links only libc, libm, libstdc++ and
 * libgcc_s. Desktop (linux-x86_64) only.
 */
final class NativeTflite {
  static final String RESOURCE = "native/lib/libtensorflowlite_jni.so";
  private static boolean loaded;

  private NativeTflite() {}

  /** Loads the library once per JVM; later calls return at once. */
  static synchronized void load() {
    if (loaded) {
      return;
    }
    Path file = extract(NativeTflite.class.getClassLoader(), RESOURCE, defaultCacheRoot());
    try {
      System.load(file.toAbsolutePath().toString());
    } catch (UnsatisfiedLinkError e) {
      throw new TfliteUnavailableException("cannot load the TFLite native library " + file + ": " + e.getMessage());
    }
    loaded = true;
  }

  /**
   * Copies {@code resource} from {@code loader} into a directory under {@code cacheRoot} named after its hash,
   * unless already there (so two versions never overwrite each other and the file is written once), and
   * returns the copy.
   */
  static Path extract(ClassLoader loader, String resource, Path cacheRoot) {
    byte[] library = read(loader, resource);
    Path file = cacheRoot.resolve(sha256Prefix(library)).resolve(Paths.get(resource).getFileName());
    // The atomic move means a file that exists is complete, even if another JVM extracted it concurrently.
    if (!Files.exists(file)) {
      try {
        Files.createDirectories(file.getParent());
        Path part = Files.createTempFile(file.getParent(), "lib", ".part");
        Files.write(part, library);
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new TfliteUnavailableException("cannot extract the TFLite native library to " + file + ": " + e);
      }
    }
    return file;
  }

  private static byte[] read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new TfliteUnavailableException("the TFLite native library " + resource
            + " is not on the classpath (it comes from ai.djl.tflite:tflite-native-cpu:2.6.2:linux-x86_64)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new TfliteUnavailableException("cannot read " + resource + " from the classpath: " + e.getMessage());
    }
  }

  private static Path defaultCacheRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache = xdg != null && !xdg.isEmpty() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
    return cache.resolve("fovea").resolve("tflite-2.6.2");
  }

  private static String sha256Prefix(byte[] data) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        hex.append(String.format("%02x", digest[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
