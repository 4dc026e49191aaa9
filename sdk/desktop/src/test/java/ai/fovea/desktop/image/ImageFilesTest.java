package ai.fovea.desktop.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.frame.PixelFormat;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
  @TempDir
  Path dir;

  static BufferedImage randomImage(int w, int h, int type, long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(w, h, type);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, random.nextInt() | 0xFF000000);
      }
    }
    return image;
  }

  @Test
  void pngRoundTripKeepsEveryPixelAndBecomesAnArgbFrame() throws Exception {
    BufferedImage image = randomImage(13, 7, BufferedImage.TYPE_INT_RGB, 1);
    Path file = dir.resolve("sub/a.png");
    ImageFiles.writePng(image, file);
    BufferedImage back = ImageFiles.read(file);
    assertEquals(BufferedImage.TYPE_INT_ARGB, back.getType());
    int[] expected = image.getRGB(0, 0, 13, 7, null, 0, 13);
    assertArrayEquals(expected, back.getRGB(0, 0, 13, 7, null, 0, 13));
    Frame frame = ImageFiles.readFrame(file);
    assertEquals(PixelFormat.ARGB_8888, frame.format());
    assertEquals(13, frame.width());
    assertEquals(7, frame.height());
    assertEquals(expected[7 * 0 + 5], frame.argbPixels()[5]);
  }

  @Test
  void readsJpegAndGrayPng() throws Exception {
    BufferedImage gray = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
    gray.getRaster().setSample(3, 2, 0, 200);
    Path png = dir.resolve("gray.png");
    ImageIO.write(gray, "png", png.toFile());
    assertEquals(0xFFC8C8C8, ImageFiles.read(png).getRGB(3, 2));
    Path jpg = dir.resolve("photo.JPG");
    ImageIO.write(randomImage(16, 16, BufferedImage.TYPE_INT_RGB, 2), "jpg", jpg.toFile());
    assertEquals(16, ImageFiles.read(jpg).getWidth());
  }

  @Test
  void unreadableFilesAreOneTypedErrorNamingTheFile() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
    UnreadableImageException e = assertThrows(UnreadableImageException.class, () -> ImageFiles.read(text));
    assertTrue(e.getMessage().contains("notes.png") && e.getMessage().contains("not a PNG or JPEG"), e.getMessage());
    Path missing = dir.resolve("missing.png");
    e = assertThrows(UnreadableImageException.class, () -> ImageFiles.read(missing));
    assertTrue(e.getMessage().endsWith("missing.png: no such file"), e.getMessage());
    byte[] png = Files.readAllBytes(writeOne("whole.png"));
    Path truncated = Files.write(dir.resolve("truncated.png"), java.util.Arrays.copyOf(png, png.length / 2));
    e = assertThrows(UnreadableImageException.class, () -> ImageFiles.read(truncated));
    assertTrue(e.getMessage().startsWith("cannot read image " + truncated), e.getMessage());
  }

  @Test
  void listsADirectorysImagesByNameAndRefusesAnEmptyOne() throws Exception {
    writeOne("b.png");
    writeOne("a.jpeg");
    Files.writeString(dir.resolve("c.txt"), "x");
    assertEquals(List.of(dir.resolve("a.jpeg"), dir.resolve("b.png")), ImageFiles.list(dir));
    assertEquals(List.of(dir.resolve("b.png")), ImageFiles.list(dir.resolve("b.png")));
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertThrows(UnreadableImageException.class, () -> ImageFiles.list(empty));
    assertThrows(UnreadableImageException.class, () -> ImageFiles.list(dir.resolve("nowhere.png")));
  }

  private Path writeOne(String name) throws Exception {
    Path file = dir.resolve(name);
    ImageIO.write(randomImage(20, 20, BufferedImage.TYPE_INT_RGB, name.hashCode()),
        name.endsWith(".png") ? "png" : "jpg", file.toFile());
    return file;
  }
}
