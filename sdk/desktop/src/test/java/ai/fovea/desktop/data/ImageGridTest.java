package ai.fovea.desktop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.models.data.LabeledImages;
import ai.fovea.models.data.augment.AffineWarp;
import ai.fovea.models.data.augment.Geometry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG grid read back pixel by pixel, and the preview rows (original, then augmented copies). */
class ImageGridTest {
  @Test
  void writesCellsAtTheirPlacesScaledWithGaps(@TempDir Path dir) throws IOException {
    // Three 1x2 gray images in two columns, scale 2: cells are 4 wide and 2 high.
    LabeledImages images = LabeledImages.of(1, 2, 1, new float[] {0f, 1f, 0.5f, 0.2f, 1f, 1f}, new int[] {0, 1, 2});
    Path png = dir.resolve("sub/grid.png");
    ImageGrid.write(images, 2, 2, png);
    BufferedImage read = ImageIO.read(png.toFile());
    assertEquals(2 * (4 + 1) + 1, read.getWidth());
    assertEquals(2 * (2 + 1) + 1, read.getHeight());
    assertEquals(0x808080, read.getRGB(0, 0) & 0xFFFFFF, "gap");
    assertEquals(0x000000, read.getRGB(1, 1) & 0xFFFFFF, "image 0, pixel 0");
    assertEquals(0xFFFFFF, read.getRGB(4, 2) & 0xFFFFFF, "image 0, pixel 1, scaled");
    assertEquals(0x808080, read.getRGB(6, 1) & 0xFFFFFF, "image 1, pixel 0 = round(0.5 * 255) = 128");
    assertEquals(0x333333, read.getRGB(9, 2) & 0xFFFFFF, "image 1, pixel 1 = 51");
    assertEquals(0xFFFFFF, read.getRGB(1, 4) & 0xFFFFFF, "image 2 starts the second row");
    assertEquals(0x808080, read.getRGB(6, 4) & 0xFFFFFF, "empty last cell stays gap-coloured");
  }

  @Test
  void drawsThreeChannelImagesInColour() {
    LabeledImages rgb = LabeledImages.of(1, 1, 3, new float[] {1f, 0f, 0.2f}, new int[] {0});
    assertEquals(0xFF0033, ImageGrid.render(rgb, 1, 1).getRGB(1, 1) & 0xFFFFFF);
    LabeledImages two = LabeledImages.of(1, 1, 2, new float[] {1f, 0f}, new int[] {0});
    assertThrows(IllegalArgumentException.class, () -> ImageGrid.render(two, 1, 1));
  }

  @Test
  void previewRowsStartWithTheOriginalFollowedByItsVariants() {
    LabeledImages images = LabeledImages.of(1, 3, 1, new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f},
        new int[] {4, 7});
    LabeledImages preview =
        AugmentationPreview.of(images, new int[] {1}, 0, AffineWarp.of(Geometry.flipHorizontal(1)),
            AffineWarp.of(Geometry.flipHorizontal(1)));
    assertEquals(3, preview.count());
    assertArrayEquals(new float[] {0.4f, 0.5f, 0.6f, 0.6f, 0.5f, 0.4f, 0.6f, 0.5f, 0.4f}, preview.copyPixels());
    assertArrayEquals(new int[] {7, 7, 7}, preview.copyLabels());
  }
}
