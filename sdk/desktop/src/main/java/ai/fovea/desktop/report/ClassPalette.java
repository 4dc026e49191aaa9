package ai.fovea.desktop.report;

import java.awt.Color;

/**
 * Colours per class that stay apart and readable: hues stepped by the golden angle (so neighbouring class ids get
 * distant hues and any number of classes works), saturated and bright enough to show on photographs, with black
 * or white text chosen by the colour's luminance.
 */
public final class ClassPalette {
  private static final float GOLDEN_ANGLE = 0.381966f;

  private ClassPalette() {}

  /** The colour of a class id. */
  public static Color color(int classId) {
    float hue = (0.03f + classId * GOLDEN_ANGLE) % 1f;
    return Color.getHSBColor(hue, 0.85f, 0.95f);
  }

  /** Black or white, whichever contrasts more with {@code background} (BT.601 luma). */
  public static Color textOn(Color background) {
    double luma = 0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue();
    return luma > 140 ? Color.BLACK : Color.WHITE;
  }
}
