package ai.fovea.desktop.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Draws results on a copy of a picture: each box in its class colour with a filled tag "label 0.87" above it
 * (inside when the box touches the top), keypoints as dots, and a caption band at the bottom for whole-picture
 * results (classes) and a line of text such as the timing. Small pictures (a 28×28 dataset image) are enlarged by
 * a whole factor with nearest-neighbour sampling first, so pixels stay visible and text fits.
 */
public final class AnnotatedImage {
  /** Pictures whose longer side is below this are enlarged. */
  static final int MIN_SIDE = 320;

  private AnnotatedImage() {}

  /**
   * The annotated picture (TYPE_INT_RGB); {@code picture} is not changed. Box and keypoint coordinates are in
   * {@code picture}'s pixels. {@code caption} may be null or empty.
   */
  public static BufferedImage render(BufferedImage picture, List<Annotation> annotations, String caption) {
    if (picture == null || annotations == null) {
      throw new IllegalArgumentException("picture and annotations are required");
    }
    int longer = Math.max(picture.getWidth(), picture.getHeight());
    int zoom = longer >= MIN_SIDE ? 1 : (MIN_SIDE + longer - 1) / longer;
    int w = picture.getWidth() * zoom;
    int h = picture.getHeight() * zoom;
    List<Annotation> whole = annotations.stream().filter(a -> !a.hasBox()).collect(Collectors.toList());
    boolean hasCaption = caption != null && !caption.isEmpty();
    int fontSize = Math.max(12, Math.min(w, h) / 32);
    Font font = new Font(Font.SANS_SERIF, Font.BOLD, fontSize);
    int lineHeight = fontSize + fontSize / 2;
    int band = (whole.size() + (hasCaption ? 1 : 0)) * lineHeight + (whole.isEmpty() && !hasCaption ? 0 : fontSize / 2);

    BufferedImage out = new BufferedImage(w, h + band, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
      g.drawImage(picture, 0, 0, w, h, null);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(font);
      float stroke = Math.max(2f, Math.min(w, h) / 160f);
      for (Annotation a : annotations) {
        if (a.hasBox()) {
          drawBox(g, a, zoom, stroke, w);
        }
      }
      g.setColor(new Color(24, 24, 24));
      g.fillRect(0, h, w, band);
      int y = h + fontSize / 4;
      for (Annotation a : whole) {
        // The swatch carries the class colour; the text stays white so dark hues remain readable on the band.
        g.setColor(ClassPalette.color(a.classId()));
        g.fillRect(fontSize / 3, y + lineHeight / 4, fontSize / 2, fontSize / 2);
        g.setColor(Color.WHITE);
        g.drawString(tag(a), fontSize, y + fontSize);
        y += lineHeight;
      }
      if (hasCaption) {
        g.setColor(Color.WHITE);
        g.drawString(caption, fontSize / 3, y + fontSize);
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  private static void drawBox(Graphics2D g, Annotation a, int zoom, float stroke, int width) {
    float[] b = a.box();
    Color c = ClassPalette.color(a.classId());
    g.setColor(c);
    g.setStroke(new BasicStroke(stroke));
    Rectangle2D.Float rect = new Rectangle2D.Float(b[0] * zoom, b[1] * zoom, (b[2] - b[0]) * zoom,
        (b[3] - b[1]) * zoom);
    g.draw(rect);
    float[] k = a.keypoints();
    float r = stroke * 1.5f;
    for (int i = 0; i < k.length; i += 2) {
      g.fill(new Ellipse2D.Float(k[i] * zoom - r, k[i + 1] * zoom - r, 2 * r, 2 * r));
    }
    String text = tag(a);
    FontMetrics fm = g.getFontMetrics();
    int tw = fm.stringWidth(text) + 6;
    int th = fm.getAscent() + fm.getDescent() + 2;
    int x = Math.round(Math.max(0, Math.min(rect.x, width - tw)));
    int y = Math.round(rect.y) - th;
    if (y < 0) {
      y = Math.max(0, Math.round(rect.y));
    }
    g.fillRect(x, y, tw, th);
    g.setColor(ClassPalette.textOn(c));
    g.drawString(text, x + 3, y + 1 + fm.getAscent());
  }

  /** "label 0.87". */
  static String tag(Annotation a) {
    return String.format(Locale.ROOT, "%s %.2f", a.label(), a.score());
  }
}
