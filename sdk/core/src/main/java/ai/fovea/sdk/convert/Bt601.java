package ai.fovea.sdk.convert;

import ai.fovea.sdk.frame.ColorRange;

/**
 * BT.601 YUV to RGB in the classic 8-bit integer form (coefficients scaled by 256, rounded half up, clamped to
 * 0..255): limited range {@code R = (298(Y-16) + 409(V-128) + 128) >> 8}, {@code G = (298(Y-16) - 100(U-128)
 * - 208(V-128) + 128) >> 8}, {@code B = (298(Y-16) + 516(U-128) + 128) >> 8}; full range the JFIF form with 256,
 * 359, 88, 183 and 454. Each term is a table lookup so a pixel costs three adds and three clamps; results stay
 * within 1 of the real-valued formulas.
 */
final class Bt601 {
  final int[] luma = new int[256];
  final int[] redFromV = new int[256];
  final int[] greenFromU = new int[256];
  final int[] greenFromV = new int[256];
  final int[] blueFromU = new int[256];

  Bt601(ColorRange range) {
    boolean full = range == ColorRange.FULL;
    int lumaGain = full ? 256 : 298;
    int lumaOffset = full ? 0 : 16;
    for (int i = 0; i < 256; i++) {
      int c = i - 128;
      luma[i] = lumaGain * (i - lumaOffset) + 128;
      redFromV[i] = (full ? 359 : 409) * c;
      greenFromU[i] = -(full ? 88 : 100) * c;
      greenFromV[i] = -(full ? 183 : 208) * c;
      blueFromU[i] = (full ? 454 : 516) * c;
    }
  }

  /** One pixel as {@code 0xRRGGBB}. */
  int rgb(int y, int u, int v) {
    int l = luma[y];
    return clamp((l + redFromV[v]) >> 8) << 16 | clamp((l + greenFromU[u] + greenFromV[v]) >> 8) << 8
        | clamp((l + blueFromU[u]) >> 8);
  }

  static int clamp(int x) {
    return Math.max(0, Math.min(255, x));
  }
}
