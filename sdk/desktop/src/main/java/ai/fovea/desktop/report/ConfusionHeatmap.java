package ai.fovea.desktop.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The confusion matrix as a heatmap: rows are true classes, columns predicted ones; each cell shows its count,
 * shaded by the fraction of its row (so rare and common classes read alike); the diagonal is green, errors red.
 */
public final class ConfusionHeatmap {
  static final int CELL = 56;
  static final int LABEL_MARGIN = 130;
  static final int TOP_MARGIN = 150;
  static final int PAD = 20;

  private ConfusionHeatmap() {}

  /** Width and height of the picture for {@code classes} classes. */
  public static int width(int classes) {
    return LABEL_MARGIN + classes * CELL + PAD;
  }

  public static int height(int classes) {
    return TOP_MARGIN + classes * CELL + PAD;
  }

  /** {@code counts[true class][predicted class]}, square, one name per class. */
  public static BufferedImage render(int[][] counts, List<String> classNames) {
    int n = counts.length;
    if (classNames.size() != n) {
      throw new IllegalArgumentException(n + " classes but " + classNames.size() + " names");
    }
    for (int[] row : counts) {
      if (row.length != n) {
        throw new IllegalArgumentException("confusion matrix is not square: a row has " + row.length + " of " + n);
      }
    }
    BufferedImage image = new BufferedImage(width(n), height(n), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
      g.drawString("predicted class \u2192   (rows: true class)", LABEL_MARGIN, 20);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      FontMetrics fm = g.getFontMetrics();
      for (int i = 0; i < n; i++) {
        String name = fit(classNames.get(i), fm, LABEL_MARGIN - 10);
        int y = TOP_MARGIN + i * CELL + CELL / 2 + fm.getAscent() / 2;
        g.drawString(name, LABEL_MARGIN - 8 - fm.stringWidth(name), y);
        // Column labels run upwards so long names fit above narrow cells.
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.translate(LABEL_MARGIN + i * CELL + CELL / 2 + fm.getAscent() / 2, TOP_MARGIN - 8);
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(fit(classNames.get(i), fm, TOP_MARGIN - 40), 0, 0);
        rotated.dispose();
      }
      for (int t = 0; t < n; t++) {
        long rowTotal = java.util.Arrays.stream(counts[t]).asLongStream().sum();
        for (int p = 0; p < n; p++) {
          int count = counts[t][p];
          double fraction = rowTotal == 0 ? 0 : (double) count / rowTotal;
          int x = LABEL_MARGIN + p * CELL;
          int y = TOP_MARGIN + t * CELL;
          g.setColor(shade(fraction, t == p));
          g.fillRect(x, y, CELL, CELL);
          g.setColor(new Color(220, 220, 220));
          g.drawRect(x, y, CELL, CELL);
          String text = Integer.toString(count);
          g.setColor(fraction > 0.5 ? Color.WHITE : Color.BLACK);
          g.drawString(text, x + (CELL - fm.stringWidth(text)) / 2, y + CELL / 2 + fm.getAscent() / 2 - 1);
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static Color shade(double fraction, boolean diagonal) {
    float f = (float) Math.sqrt(fraction); // small error rates stay visible
    return diagonal ? blend(new Color(235, 245, 235), new Color(20, 110, 40), f)
        : blend(Color.WHITE, new Color(180, 30, 30), f);
  }

  private static Color blend(Color from, Color to, float f) {
    return new Color(Math.round(from.getRed() + (to.getRed() - from.getRed()) * f),
        Math.round(from.getGreen() + (to.getGreen() - from.getGreen()) * f),
        Math.round(from.getBlue() + (to.getBlue() - from.getBlue()) * f));
  }

  static String fit(String text, FontMetrics fm, int width) {
    if (fm.stringWidth(text) <= width) {
      return text;
    }
    String s = text;
    while (s.length() > 1 && fm.stringWidth(s + "\u2026") > width) {
      s = s.substring(0, s.length() - 1);
    }
    return s + "\u2026";
  }
}
