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
    int d = dstOffset;
    for (int ky = 0; ky < g.filterHeight; ky++) {
      int iy = oy * g.strideH - g.padTop + ky * g.dilationH;
      for (int kx = 0; kx < g.filterWidth; kx++, d += c) {
        int ix = ox * g.strideW - g.padLeft + kx * g.dilationW;
        if (iy < 0 || iy >= g.inHeight || ix < 0 || ix >= g.inWidth) {
          Arrays.fill(dst, d, d + c, padValue);
        } else if (c == 1) {
          dst[d] = in[(b * g.inHeight + iy) * g.inWidth + ix]; // single-channel input: a call per float costs more
        } else {
          System.arraycopy(in, ((b * g.inHeight + iy) * g.inWidth + ix) * c, dst, d, c);
        }
      }
    }
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
