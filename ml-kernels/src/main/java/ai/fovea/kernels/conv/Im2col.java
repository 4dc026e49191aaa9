package ai.fovea.kernels.conv;

import ai.fovea.kernels.op.ConvGeometry;
import java.util.Arrays;

/**
 * Gathers the receptive field of one output pixel into a row of the A matrix, in the filter's (ky, kx, c)
 * order; taps that fall in the padding get {@code padValue} (0 for float, the input zero point for int8, so
 * they contribute a real zero).
 */
final class Im2col {
  private Im2col() {}

  static void gather(float[] in, ConvGeometry g, int row, float[] dst, int dstOffset, float padValue) {
    int pixels = g.outHeight * g.outWidth;
    int b = row / pixels;
    int oy = (row % pixels) / g.outWidth;
    int ox = row % g.outWidth;
    int c = g.inChannels;
    int d = dstOffset;
    for (int ky = 0; ky < g.filterHeight; ky++) {
      int iy = oy * g.strideH - g.padTop + ky * g.dilationH;
      for (int kx = 0; kx < g.filterWidth; kx++, d += c) {
        int ix = ox * g.strideW - g.padLeft + kx * g.dilationW;
        if (iy < 0 || iy >= g.inHeight || ix < 0 || ix >= g.inWidth) {
          Arrays.fill(dst, d, d + c, padValue);
        } else {
          System.arraycopy(in, ((b * g.inHeight + iy) * g.inWidth + ix) * c, dst, d, c);
        }
      }
    }
  }

  static void gather(byte[] in, ConvGeometry g, int row, byte[] dst, int dstOffset, byte padValue) {
    int pixels = g.outHeight * g.outWidth;
    int b = row / pixels;
    int oy = (row % pixels) / g.outWidth;
    int ox = row % g.outWidth;
    int c = g.inChannels;
    int d = dstOffset;
    for (int ky = 0; ky < g.filterHeight; ky++) {
      int iy = oy * g.strideH - g.padTop + ky * g.dilationH;
      for (int kx = 0; kx < g.filterWidth; kx++, d += c) {
        int ix = ox * g.strideW - g.padLeft + kx * g.dilationW;
        if (iy < 0 || iy >= g.inHeight || ix < 0 || ix >= g.inWidth) {
          Arrays.fill(dst, d, d + c, padValue);
        } else {
          System.arraycopy(in, ((b * g.inHeight + iy) * g.inWidth + ix) * c, dst, d, c);
        }
      }
    }
  }
}
