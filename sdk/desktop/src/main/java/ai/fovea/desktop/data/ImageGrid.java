package ai.fovea.desktop.data;

import ai.fovea.models.data.LabeledImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws labelled images as a PNG contact sheet: row-major cells of {@code columns} images, each enlarged
 * {@code scale} times by pixel replication, separated by a 1-pixel mid-gray gap. Gray images stay gray; 3-channel
 * images are drawn as RGB. Pixels in [0, 1] map to 0..255 (rounded, clamped).
 */
public final class ImageGrid {
  private static final int GAP = 1;
  private static final int GAP_COLOR = 0x808080;

  private ImageGrid() {}

  /** The grid as an image; {@code columns} and {@code scale} at least 1, images with 1 or 3 channels. */
  public static BufferedImage render(LabeledImages images, int columns, int scale) {
    if (images == null || images.count() == 0 || columns < 1 || scale < 1 || scale > 64) {
      throw new IllegalArgumentException("need images, columns >= 1 and scale in [1, 64], got columns " + columns
          + ", scale " + scale);
    }
    if (images.channels() != 1 && images.channels() != 3) {
      throw new IllegalArgumentException("can draw 1- or 3-channel images, not " + images.channels());
    }
    int cols = Math.min(columns, images.count());
    int rows = (images.count() + cols - 1) / cols;
    int cellW = images.width() * scale;
    int cellH = images.height() * scale;
    BufferedImage grid = new BufferedImage(cols * (cellW + GAP) + GAP, rows * (cellH + GAP) + GAP,
        BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < grid.getHeight(); y++) {
      for (int x = 0; x < grid.getWidth(); x++) {
        grid.setRGB(x, y, GAP_COLOR);
      }
    }
    float[] image = new float[images.imageSize()];
    int channels = images.channels();
    for (int n = 0; n < images.count(); n++) {
      images.copyImage(n, image, 0);
      int left = GAP + (n % cols) * (cellW + GAP);
      int top = GAP + (n / cols) * (cellH + GAP);
      for (int y = 0; y < images.height(); y++) {
        for (int x = 0; x < images.width(); x++) {
          int base = (y * images.width() + x) * channels;
          int r = byteOf(image[base]);
          int rgb = channels == 1 ? r << 16 | r << 8 | r
              : r << 16 | byteOf(image[base + 1]) << 8 | byteOf(image[base + 2]);
          for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
              grid.setRGB(left + x * scale + dx, top + y * scale + dy, rgb);
            }
          }
        }
      }
    }
    return grid;
  }

  /** Renders and writes the grid to {@code png} (parent folders created). */
  public static void write(LabeledImages images, int columns, int scale, Path png) throws IOException {
    BufferedImage grid = render(images, columns, scale);
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!ImageIO.write(grid, "png", png.toFile())) {
      throw new IOException("no PNG writer in this JVM");
    }
  }

  private static int byteOf(float v) {
    return Math.max(0, Math.min(255, Math.round(v * 255f)));
  }
}
