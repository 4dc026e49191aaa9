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
 * once into {@code ~/.cache/fovea/tflite-2.6.2/<sha256 prefix>/} and {@code System.load}ed, since the Java
 * classes do not load it themselves. Desktop (linux-x86_64) only.
 */
final class NativeTflite {
  private static final String RESOURCE = "native/lib/libtensorflowlite_jni.so";
  private static volatile boolean loaded;

  private NativeTflite() {}

  static synchronized void load() {
    if (loaded) {
      return;
    }
    byte[] library;
    try (InputStream in = NativeTflite.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new TfliteUnavailableException("the TFLite native library " + RESOURCE
            + " is not on the classpath (ai.djl.tflite:tflite-native-cpu:2.6.2:linux-x86_64)");
      }
      library = in.readAllBytes();
    } catch (IOException e) {
      throw new TfliteUnavailableException("cannot read " + RESOURCE + ": " + e.getMessage());
    }
    Path dir = Paths.get(System.getProperty("user.home"), ".cache", "fovea", "tflite-2.6.2", sha256Prefix(library));
    Path file = dir.resolve("libtensorflowlite_jni.so");
    try {
      if (!Files.exists(file) || Files.size(file) != library.length) {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "lib", ".so.part");
        Files.write(tmp, library);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      System.load(file.toAbsolutePath().toString());
    } catch (IOException | UnsatisfiedLinkError e) {
      throw new TfliteUnavailableException("cannot load the TFLite native library from " + file + ": " + e.getMessage());
    }
    loaded = true;
  }

  private static String sha256Prefix(byte[] data) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(data);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        sb.append(String.format("%02x", d[i]));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
