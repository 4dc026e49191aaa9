package ai.fovea.kernels.conv;

import ai.fovea.kernels.op.ConvGeometry;
import java.util.Arrays;

/**
 * Gathers the receptive field of one output pixel into a row of the A matrix, in the filter's (ky, kx, c)
 * order; taps that fall in the padding get {@code padValue} (0 for float, the input zero point for int8, so
 * they contribute a real zero). {@link #scatterAdd} is its adjoint, used by convolution backward.
 */
public final class Im2col {
  private Im2col() {}

  public static void gather(float[] in, ConvGeometry g, int row, float[] dst, int dstOffset, float padValue) {
    int pixels = g.outHeight * g.outWidth;
    int b = row / pixels;
    int oy = (row % pixels) / g.outWidth;
    int ox = row % g.outWidth;
    int c = g.inChannels;
    int kw = g.filterWidth;
    int ix0 = ox * g.strideW - g.padLeft;
    int kx0 = Math.min(kw, firstTap(ix0, g.dilationW));
    int kx1 = Math.max(kx0, endTap(ix0, g.dilationW, g.inWidth, kw));
    for (int ky = 0, d = dstOffset; ky < g.filterHeight; ky++, d += kw * c) {
      int iy = oy * g.strideH - g.padTop + ky * g.dilationH;
      if (iy < 0 || iy >= g.inHeight) {
        Arrays.fill(dst, d, d + kw * c, padValue);
        continue;
      }
      Arrays.fill(dst, d, d + kx0 * c, padValue);
      int rowBase = (b * g.inHeight + iy) * g.inWidth;
      if (g.dilationW == 1) {
        // Undilated taps in bounds are adjacent pixels: one copy for the run instead of one per tap.
        System.arraycopy(in, (rowBase + ix0 + kx0) * c, dst, d + kx0 * c, (kx1 - kx0) * c);
      } else {
        for (int kx = kx0; kx < kx1; kx++) {
          System.arraycopy(in, (rowBase + ix0 + kx * g.dilationW) * c, dst, d + kx * c, c);
        }
      }
      Arrays.fill(dst, d + kx1 * c, d + kw * c, padValue);
    }
  }

  /** The first tap kx whose column {@code ix0 + kx·dilation} is not left of the input. */
  private static int firstTap(int ix0, int dilation) {
    return ix0 >= 0 ? 0 : (-ix0 + dilation - 1) / dilation;
  }

  /** One past the last tap (at most {@code taps}) whose column {@code ix0 + kx·dilation} is inside the input. */
  private static int endTap(int ix0, int dilation, int width, int taps) {
    return width <= ix0 ? 0 : Math.min(taps, (width - ix0 + dilation - 1) / dilation);
  }

  /** Adds one row of the A matrix back into the input positions {@link #gather} read it from; padding taps drop. */
  public static void scatterAdd(float[] src, int srcOffset, ConvGeometry g, int row, float[] in) {
    int pixels = g.outHeight * g.outWidth;
    int b = row / pixels;
    int oy = (row % pixels) / g.outWidth;
    int ox = row % g.outWidth;
    int c = g.inChannels;
    int s = srcOffset;
    for (int ky = 0; ky < g.filterHeight; ky++) {
      int iy = oy * g.strideH - g.padTop + ky * g.dilationH;
      for (int kx = 0; kx < g.filterWidth; kx++, s += c) {
        int ix = ox * g.strideW - g.padLeft + kx * g.dilationW;
        if (iy >= 0 && iy < g.inHeight && ix >= 0 && ix < g.inWidth) {
          int base = ((b * g.inHeight + iy) * g.inWidth + ix) * c;
          for (int ch = 0; ch < c; ch++) {
            in[base + ch] += src[s + ch];
          }
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
    int kw = g.filterWidth;
    int ix0 = ox * g.strideW - g.padLeft;
    int kx0 = Math.min(kw, firstTap(ix0, g.dilationW));
    int kx1 = Math.max(kx0, endTap(ix0, g.dilationW, g.inWidth, kw));
    for (int ky = 0, d = dstOffset; ky < g.filterHeight; ky++, d += kw * c) {
      int iy = oy * g.strideH - g.padTop + ky * g.dilationH;
      if (iy < 0 || iy >= g.inHeight) {
        Arrays.fill(dst, d, d + kw * c, padValue);
        continue;
      }
      Arrays.fill(dst, d, d + kx0 * c, padValue);
      int rowBase = (b * g.inHeight + iy) * g.inWidth;
      if (g.dilationW == 1) {
        System.arraycopy(in, (rowBase + ix0 + kx0) * c, dst, d + kx0 * c, (kx1 - kx0) * c);
      } else {
        for (int kx = kx0; kx < kx1; kx++) {
          System.arraycopy(in, (rowBase + ix0 + kx * g.dilationW) * c, dst, d + kx * c, c);
        }
      }
      Arrays.fill(dst, d + kx1 * c, d + kw * c, padValue);
    }
  }
}
