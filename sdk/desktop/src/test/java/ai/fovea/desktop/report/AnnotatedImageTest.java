package ai.fovea.desktop.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.desktop.image.ImageFiles;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotatedImageTest {
  @TempDir
  Path dir;

  private static BufferedImage gray(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, 0x808080);
      }
    }
    return image;
  }

  private static int distance(int rgb, Color c) {
    return Math.abs((rgb >> 16 & 0xFF) - c.getRed()) + Math.abs((rgb >> 8 & 0xFF) - c.getGreen())
        + Math.abs((rgb & 0xFF) - c.getBlue());
  }

  @Test
  void drawsBoxesInTheirClassColourAndTheWrittenPngDecodes() throws Exception {
    BufferedImage picture = gray(400, 300);
    Annotation person = Annotation.box("person", 0, 0.91f, 100, 80, 300, 280, new float[] {150, 150});
    Annotation cup = Annotation.box("cup", 46, 0.55f, 20, 2, 60, 40, null);
    BufferedImage out = AnnotatedImage.render(picture, List.of(person, cup), "java engine, 12.0 ms");
    Path file = dir.resolve("annotated.png");
    ImageFiles.writePng(out, file);
    BufferedImage back = ImageFiles.read(file);
    assertEquals(400, back.getWidth());
    assertTrue(back.getHeight() > 300, "a caption band is added below the picture");
    // Left edge of the person box, half way down: the class colour.
    assertTrue(distance(back.getRGB(100, 200), ClassPalette.color(0)) < 40, Integer.toHexString(back.getRGB(100, 200)));
    assertTrue(distance(back.getRGB(20, 30), ClassPalette.color(46)) < 40, Integer.toHexString(back.getRGB(20, 30)));
    // The keypoint dot and an untouched pixel.
    assertTrue(distance(back.getRGB(150, 150), ClassPalette.color(0)) < 40);
    assertEquals(0xFF808080, back.getRGB(200, 200));
    assertEquals(0xFF808080, picture.getRGB(100, 200), "the input picture is not drawn on");
  }

  @Test
  void enlargesSmallPicturesAndListsWholePictureResults() {
    BufferedImage digit = gray(28, 28);
    digit.setRGB(0, 0, 0xFFFFFF);
    BufferedImage out = AnnotatedImage.render(digit, List.of(Annotation.whole("Sneaker", 7, 0.93f),
        Annotation.whole("Sandal", 5, 0.05f)), null);
    assertEquals(28 * 12, out.getWidth());
    assertTrue(out.getHeight() > 28 * 12);
    assertEquals(0xFFFFFFFF, out.getRGB(11, 11), "nearest-neighbour enlargement keeps pixels crisp");
    assertEquals(0xFF808080, out.getRGB(12, 12));
  }

  @Test
  void paletteKeepsNeighbouringClassesApartWithReadableText() {
    for (int id = 0; id < 90; id++) {
      Color a = ClassPalette.color(id);
      Color b = ClassPalette.color(id + 1);
      assertTrue(distance(a.getRGB(), b) > 60, "classes " + id + " and " + (id + 1));
      assertNotEquals(ClassPalette.textOn(a), a);
    }
    assertEquals(Color.BLACK, ClassPalette.textOn(Color.YELLOW));
    assertEquals(Color.WHITE, ClassPalette.textOn(Color.BLUE));
  }
}
