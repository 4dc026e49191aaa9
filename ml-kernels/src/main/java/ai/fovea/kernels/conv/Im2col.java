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

  /**
   * Gathers rows [{@code row0}, {@code row0 + rows}) of the A matrix into dst from {@code dstOffset}, one after
   * another: the pixel position is stepped along instead of divided out of each row index.
   */
  public static void gather(float[] in, ConvGeometry g, int row0, int rows, float[] dst, int dstOffset,
      float padValue) {
    int depth = g.filterHeight * g.filterWidth * g.inChannels;
    Pixel p = new Pixel(g, row0);
    if (g.inChannels == 1) {
      gatherSingleChannel(in, g, p, rows, dst, dstOffset, padValue);
      return;
    }
    for (int i = 0; i < rows; i++, p.next()) {
      gather(in, g, p, dst, dstOffset + i * depth, padValue);
    }
  }

  /**
   * Single-channel input (a first layer on grey images): a pixel's taps are runs of a few floats, too short for
   * copies. Each window row of an output row's pixels reads from one input row laid out with its padding, so
   * the taps are plain loads without bounds tests, and each pixel's taps are written one after another.
   */
  private static void gatherSingleChannel(float[] in, ConvGeometry g, Pixel p, int rows, float[] dst,
      int dstOffset, float padValue) {
    int kw = g.filterWidth;
    int depth = g.filterHeight * kw;
    float[] padded = new float[(g.outWidth - 1) * g.strideW + (kw - 1) * g.dilationW + 1];
    for (int i = 0; i < rows; ) {
      int count = Math.min(rows - i, g.outWidth - p.ox);
      int x0 = p.ox * g.strideW - g.padLeft;
      int span = (count - 1) * g.strideW + (kw - 1) * g.dilationW + 1;
      for (int ky = 0; ky < g.filterHeight; ky++) {
        int iy = p.oy * g.strideH - g.padTop + ky * g.dilationH;
        // padded[t] holds input column x0 + t of row iy, or the pad value outside the input.
        int t0 = iy < 0 || iy >= g.inHeight ? span : Math.min(span, Math.max(0, -x0));
        int t1 = Math.max(t0, Math.min(span, g.inWidth - x0));
        Arrays.fill(padded, 0, t0, padValue);
        if (t1 > t0) {
          System.arraycopy(in, (p.b * g.inHeight + iy) * g.inWidth + x0 + t0, padded, t0, t1 - t0);
        }
        Arrays.fill(padded, t1, span, padValue);
        for (int s = 0, d = dstOffset + i * depth + ky * kw, x = 0; s < count; s++, d += depth, x += g.strideW) {
          for (int kx = 0, t = x; kx < kw; kx++, t += g.dilationW) {
            dst[d + kx] = padded[t];
          }
        }
      }
      i += count;
      p.advance(count);
    }
  }

  private static void gather(float[] in, ConvGeometry g, Pixel p, float[] dst, int d0, float padValue) {
    int c = g.inChannels;
    int kw = g.filterWidth;
    int ix0 = p.ox * g.strideW - g.padLeft;
    int kx0 = Math.min(kw, firstTap(ix0, g.dilationW));
    int kx1 = Math.max(kx0, endTap(ix0, g.dilationW, g.inWidth, kw));
    for (int ky = 0, d = d0; ky < g.filterHeight; ky++, d += kw * c) {
      int iy = p.oy * g.strideH - g.padTop + ky * g.dilationH;
      if (iy < 0 || iy >= g.inHeight) {
        Arrays.fill(dst, d, d + kw * c, padValue);
        continue;
      }
      if (kx0 > 0) {
        Arrays.fill(dst, d, d + kx0 * c, padValue);
      }
      int rowBase = (p.b * g.inHeight + iy) * g.inWidth;
      if (g.dilationW == 1) {
        // Undilated taps in bounds are adjacent pixels: one copy for the run instead of one per tap.
        System.arraycopy(in, (rowBase + ix0 + kx0) * c, dst, d + kx0 * c, (kx1 - kx0) * c);
      } else {
        for (int kx = kx0; kx < kx1; kx++) {
          System.arraycopy(in, (rowBase + ix0 + kx * g.dilationW) * c, dst, d + kx * c, c);
        }
      }
      if (kx1 < kw) {
        Arrays.fill(dst, d + kx1 * c, d + kw * c, padValue);
      }
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

  /**
   * Adds rows {@code src[0..count)} of an A matrix, rows [{@code row0}, {@code row0 + count}), back into the input
   * positions {@link #gather} read them from; padding taps drop.
   */
  public static void scatterAdd(float[][] src, int count, ConvGeometry g, int row0, float[] in) {
    Pixel p = new Pixel(g, row0);
    for (int i = 0; i < count; i++, p.next()) {
      scatterAdd(src[i], g, p, in);
    }
  }

  private static void scatterAdd(float[] src, ConvGeometry g, Pixel p, float[] in) {
    int c = g.inChannels;
    int kw = g.filterWidth;
    int ix0 = p.ox * g.strideW - g.padLeft;
    int kx0 = Math.min(kw, firstTap(ix0, g.dilationW));
    int kx1 = Math.max(kx0, endTap(ix0, g.dilationW, g.inWidth, kw));
    // Undilated taps in bounds are adjacent pixels: one loop over the run; dilated ones a loop per tap.
    int runTaps = g.dilationW == 1 ? Math.max(1, kx1 - kx0) : 1;
    for (int ky = 0, s = 0; ky < g.filterHeight; ky++, s += kw * c) {
      int iy = p.oy * g.strideH - g.padTop + ky * g.dilationH;
      if (iy < 0 || iy >= g.inHeight) {
        continue;
      }
      int rowBase = (p.b * g.inHeight + iy) * g.inWidth;
      for (int kx = kx0; kx < kx1; kx += runTaps) {
        int base = (rowBase + ix0 + kx * g.dilationW) * c;
        int from = s + kx * c;
        for (int t = 0; t < runTaps * c; t++) {
          in[base + t] += src[from + t];
        }
      }
    }
  }

  /** {@link #gather(float[], ConvGeometry, int, int, float[], int, float)} for 8-bit activations. */
  static void gather(byte[] in, ConvGeometry g, int row0, int rows, byte[] dst, int dstOffset, byte padValue) {
    int depth = g.filterHeight * g.filterWidth * g.inChannels;
    Pixel p = new Pixel(g, row0);
    for (int i = 0; i < rows; i++, p.next()) {
      gather(in, g, p, dst, dstOffset + i * depth, padValue);
    }
  }

  private static void gather(byte[] in, ConvGeometry g, Pixel p, byte[] dst, int d0, byte padValue) {
    int c = g.inChannels;
    int kw = g.filterWidth;
    int ix0 = p.ox * g.strideW - g.padLeft;
    int kx0 = Math.min(kw, firstTap(ix0, g.dilationW));
    int kx1 = Math.max(kx0, endTap(ix0, g.dilationW, g.inWidth, kw));
    for (int ky = 0, d = d0; ky < g.filterHeight; ky++, d += kw * c) {
      int iy = p.oy * g.strideH - g.padTop + ky * g.dilationH;
      if (iy < 0 || iy >= g.inHeight) {
        Arrays.fill(dst, d, d + kw * c, padValue);
        continue;
      }
      Arrays.fill(dst, d, d + kx0 * c, padValue);
      int rowBase = (p.b * g.inHeight + iy) * g.inWidth;
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

  /** An output pixel (image, row, column), stepped in row-major order. */
  private static final class Pixel {
    private final int outHeight;
    private final int outWidth;
    int b;
    int oy;
    int ox;

    Pixel(ConvGeometry g, int row) {
      outHeight = g.outHeight;
      outWidth = g.outWidth;
      int pixels = outHeight * outWidth;
      b = row / pixels;
      oy = (row % pixels) / outWidth;
      ox = row % outWidth;
    }

    /** Moves {@code pixels} along within the current output row, or to the start of the next one. */
    void advance(int pixels) {
      ox += pixels - 1;
      next();
    }

    void next() {
      if (++ox == outWidth) {
        ox = 0;
        if (++oy == outHeight) {
          oy = 0;
          b++;
        }
      }
    }
  }
}
