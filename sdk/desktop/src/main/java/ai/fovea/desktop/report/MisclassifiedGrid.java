package ai.fovea.desktop.report;

import ai.fovea.models.data.LabeledImages;
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
 * pixels and captioned with its true and predicted class. Pixels are the test set's, in [0, 1]; 1 channel is
 * drawn as gray, 3 as RGB.
 */
public final class MisclassifiedGrid {
  static final int COLUMNS = 6;
  static final int CAPTION = 34;
  static final int GAP = 8;
  static final int MIN_TILE_WIDTH = 150;

  private MisclassifiedGrid() {}

  /** Indices of the first {@code limit} samples whose prediction differs from the label. */
  public static List<Integer> pick(int[] labels, int[] predicted, int limit) {
    if (labels.length != predicted.length) {
      throw new IllegalArgumentException(labels.length + " labels but " + predicted.length + " predictions");
    }
    List<Integer> wrong = new ArrayList<>();
    for (int i = 0; i < labels.length && wrong.size() < limit; i++) {
      if (labels[i] != predicted[i]) {
        wrong.add(i);
      }
    }
    return wrong;
  }

  /** Pixels per image pixel: images are enlarged to about 112 pixels on their longer side. */
  static int scale(LabeledImages images) {
    return Math.max(1, 112 / Math.max(images.height(), images.width()));
  }

  private static int tileWidth(LabeledImages images) {
    return Math.max(MIN_TILE_WIDTH, images.width() * scale(images));
  }

  /** The picture's size for {@code shown} images (at least one tile, for the "none" message). */
  public static int width(LabeledImages images, int shown) {
    return Math.min(COLUMNS, Math.max(1, shown)) * (tileWidth(images) + GAP) + GAP;
  }

  public static int height(LabeledImages images, int shown) {
    int rows = Math.max(1, (shown + COLUMNS - 1) / COLUMNS);
    return rows * (images.height() * scale(images) + CAPTION + GAP) + GAP;
  }

  /** Draws the images at {@code indices} captioned with {@code labels} and {@code predicted} class names. */
  public static BufferedImage render(LabeledImages images, int[] labels, int[] predicted, List<Integer> indices,
      List<String> classNames) {
    if (images.channels() != 1 && images.channels() != 3) {
      throw new IllegalArgumentException("images need 1 or 3 channels, got " + images.channels());
    }
    if (labels.length != images.count() || predicted.length != images.count()) {
      throw new IllegalArgumentException(images.count() + " images but " + labels.length + " labels and "
          + predicted.length + " predictions");
    }
    int scale = scale(images);
    int tile = tileWidth(images);
    int h = images.height();
    int w = images.width();
    BufferedImage image = new BufferedImage(width(images, indices.size()), height(images, indices.size()),
        BufferedImage.TYPE_INT_RGB);
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
        int left = GAP + (k % COLUMNS) * (tile + GAP);
        int x0 = left + (tile - w * scale) / 2;
        int y0 = GAP + (k / COLUMNS) * (h * scale + CAPTION + GAP);
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            g.setColor(images.channels() == 1 ? gray(images.pixel(index, y, x, 0))
                : new Color(unit(images.pixel(index, y, x, 0)), unit(images.pixel(index, y, x, 1)),
                    unit(images.pixel(index, y, x, 2))));
            g.fillRect(x0 + x * scale, y0 + y * scale, scale, scale);
          }
        }
        int textY = y0 + h * scale + fm.getAscent() + 2;
        g.setColor(new Color(20, 110, 40));
        g.drawString(ConfusionHeatmap.fit("true: " + classNames.get(labels[index]), fm, tile), left, textY);
        g.setColor(new Color(180, 30, 30));
        g.drawString(ConfusionHeatmap.fit("pred: " + classNames.get(predicted[index]), fm, tile), left,
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
