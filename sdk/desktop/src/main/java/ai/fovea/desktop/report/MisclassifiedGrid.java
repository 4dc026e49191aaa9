package ai.fovea.desktop.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid of the first misclassified test images (in test-set order), each enlarged with nearest-neighbour
 * pixels and captioned with its true and predicted class. Pixels are float in [0, 1], NHWC, 1 or 3 channels.
 */
public final class MisclassifiedGrid {
  static final int COLUMNS = 6;
  static final int CAPTION = 34;
  static final int GAP = 8;

  private MisclassifiedGrid() {}

  /** Indices of the first {@code limit} samples whose prediction differs from the label. */
  public static List<Integer> pick(int[] labels, int[] predicted, int limit) {
    List<Integer> wrong = new ArrayList<>();
    for (int i = 0; i < labels.length && wrong.size() < limit; i++) {
      if (labels[i] != predicted[i]) {
        wrong.add(i);
      }
    }
    return wrong;
  }

  /** The tile size for images of {@code height × width}: enlarged to about 112 pixels, at least 160 wide. */
  static int scale(int height, int width) {
    return Math.max(1, 112 / Math.max(height, width));
  }

  public static int width(int imageWidth, int imageHeight, int shown) {
    return Math.min(COLUMNS, Math.max(1, shown)) * (tileWidth(imageHeight, imageWidth) + GAP) + GAP;
  }

  public static int height(int imageHeight, int imageWidth, int shown) {
    int rows = Math.max(1, (shown + COLUMNS - 1) / COLUMNS);
    return rows * (imageHeight * scale(imageHeight, imageWidth) + CAPTION + GAP) + GAP;
  }

  private static int tileWidth(int height, int width) {
    return Math.max(160, width * scale(height, width));
  }

  /**
   * Draws {@code indices} of {@code pixels} ({@code [n, height, width, channels]}); a picture saying "no
   * misclassified images" when there are none.
   */
  public static BufferedImage render(float[] pixels, int height, int width, int channels, int[] labels,
      int[] predicted, List<Integer> indices, List<String> classNames) {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("images need 1 or 3 channels, got " + channels);
    }
    int imageSize = height * width * channels;
    if (pixels == null || pixels.length != (long) labels.length * imageSize) {
      throw new IllegalArgumentException("need " + labels.length + " images of " + height + "x" + width + "x"
          + channels);
    }
    int scale = scale(height, width);
    int tile = tileWidth(height, width);
    BufferedImage image = new BufferedImage(width(width, height, indices.size()), height(height, width,
        indices.size()), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      FontMetrics fm = g.getFontMetrics();
      if (indices.isEmpty()) {
        g.setColor(Color.BLACK);
        g.drawString("no misclassified images", GAP, GAP + fm.getAscent());
      }
      for (int k = 0; k < indices.size(); k++) {
        int index = indices.get(k);
        int x0 = GAP + (k % COLUMNS) * (tile + GAP) + (tile - width * scale) / 2;
        int y0 = GAP + (k / COLUMNS) * (height * scale + CAPTION + GAP);
        for (int y = 0; y < height; y++) {
          for (int x = 0; x < width; x++) {
            int base = index * imageSize + (y * width + x) * channels;
            g.setColor(channels == 1 ? gray(pixels[base]) : new Color(unit(pixels[base]), unit(pixels[base + 1]),
                unit(pixels[base + 2])));
            g.fillRect(x0 + x * scale, y0 + y * scale, scale, scale);
          }
        }
        int textX = GAP + (k % COLUMNS) * (tile + GAP);
        int textY = y0 + height * scale + fm.getAscent() + 2;
        g.setColor(new Color(20, 110, 40));
        g.drawString(ConfusionHeatmap.fit("true: " + classNames.get(labels[index]), fm, tile), textX, textY);
        g.setColor(new Color(180, 30, 30));
        g.drawString(ConfusionHeatmap.fit("pred: " + classNames.get(predicted[index]), fm, tile), textX,
            textY + fm.getHeight());
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static Color gray(float v) {
    float u = unit(v);
    return new Color(u, u, u);
  }

  private static float unit(float v) {
    return Float.isNaN(v) ? 0f : Math.max(0f, Math.min(1f, v));
  }
}
