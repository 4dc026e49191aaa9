package ai.fovea.desktop.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeTfliteTest {
  @TempDir Path dir;

  @Test
  void aMissingLibraryIsATypedErrorNamingIt() {
    TfliteUnavailableException e = assertThrows(TfliteUnavailableException.class,
        () -> NativeTflite.extract(getClass().getClassLoader(), "native/lib/libabsent.so", dir.resolve("cache")));
    assertTrue(e.getMessage().contains("native/lib/libabsent.so"), e.getMessage());
  }

  @Test
  void extractsOnceIntoADirectoryNamedAfterTheLibrarysHash() throws IOException {
    Path cache = dir.resolve("cache");
    Path file = NativeTflite.extract(classLoaderWith("native/lib/libx.so", "one"), "native/lib/libx.so", cache);
    assertTrue(file.getParent().getFileName().toString().matches("[0-9a-f]{16}"), file.toString());
    assertEquals("libx.so", file.getFileName().toString());
    assertArrayEquals("one".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    FileTime written = Files.getLastModifiedTime(file);
    Files.setLastModifiedTime(file, FileTime.fromMillis(written.toMillis() - 60_000));
    assertEquals(file, NativeTflite.extract(classLoaderWith("native/lib/libx.so", "one"), "native/lib/libx.so", cache));
    assertEquals(written.toMillis() - 60_000, Files.getLastModifiedTime(file).toMillis(), "not rewritten");
    Path other = NativeTflite.extract(classLoaderWith("native/lib/libx.so", "two"), "native/lib/libx.so", cache);
    assertNotEquals(file.getParent(), other.getParent());
    assertArrayEquals("two".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(other));
  }

  private ClassLoader classLoaderWith(String resource, String content) throws IOException {
    Path root = Files.createTempDirectory(dir, "jar");
    Path file = root.resolve(resource);
    Files.createDirectories(file.getParent());
    Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
  }
}
