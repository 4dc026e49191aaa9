package ai.fovea.sdk.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.sdk.frame.ColorRange;
import org.junit.jupiter.api.Test;

class Bt601Test {
  @Test
  void staysWithinOneOfTheRealValuedFormulasForEveryYuvTriple() {
    for (ColorRange range : ColorRange.values()) {
      Bt601 colour = new Bt601(range);
      boolean limited = range == ColorRange.LIMITED;
      int worst = 0;
      for (int y = 0; y < 256; y++) {
        double l = limited ? 255.0 / 219 * (y - 16) : y;
        for (int u = 0; u < 256; u++) {
          double d = (u - 128) * (limited ? 255.0 / 224 : 1);
          for (int v = 0; v < 256; v++) {
            double e = (v - 128) * (limited ? 255.0 / 224 : 1);
            int rgb = colour.rgb(y, u, v);
            worst = Math.max(worst, Math.abs(((rgb >> 16) & 0xFF) - clip(l + 1.402 * e)));
            worst = Math.max(worst, Math.abs(((rgb >> 8) & 0xFF) - clip(l - 0.344136 * d - 0.714136 * e)));
            worst = Math.max(worst, Math.abs((rgb & 0xFF) - clip(l + 1.772 * d)));
          }
        }
      }
      assertTrue(worst <= 1, range + ": off by " + worst);
    }
  }

  private static int clip(double x) {
    return (int) Math.max(0, Math.min(255, Math.round(x)));
  }

  @Test
  void matchesTheTextbookIntegerFormulas() {
    for (ColorRange range : ColorRange.values()) {
      Bt601 colour = new Bt601(range);
      for (int i = 0; i < 1 << 24; i += 4099) {
        int y = i >> 16;
        int u = (i >> 8) & 0xFF;
        int v = i & 0xFF;
        int rgb = colour.rgb(y, u, v);
        assertArrayEquals(ReferenceConversion.yuvToRgb(y, u, v, range), new int[] {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF});
      }
    }
  }

  @Test
  void mapsBlackWhiteAndGreyByRange() {
    assertEquals(0x000000, new Bt601(ColorRange.LIMITED).rgb(16, 128, 128));
    assertEquals(0xFFFFFF, new Bt601(ColorRange.LIMITED).rgb(235, 128, 128));
    assertEquals(0x808080, new Bt601(ColorRange.FULL).rgb(128, 128, 128));
    // JFIF red is (76, 85, 255) after rounding to 8 bits, which costs the red channel one step.
    assertEquals(0xFE0000, new Bt601(ColorRange.FULL).rgb(76, 85, 255));
  }
}
