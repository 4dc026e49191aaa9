package ai.fovea.sdk.convert;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.sdk.frame.ColorRange;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.frame.Plane;

/**
 * The plain conversion the fused {@link FrameConverter} must agree with, written step by step from the
 * definition: every source pixel to RGB with the textbook integer BT.601 formulas, rotate, mirror, crop, fit,
 * resample in double, normalize, quantize.
 */
final class ReferenceConversion {
  private ReferenceConversion() {}

  /** Fills {@code output} ([1, H, W, 3], or [1, H, W, 1] gray) from {@code frame} as {@code options} say. */
  static void convert(Frame frame, ConversionOptions options, Tensor output) {
    int[][][] image = crop(upright(rgb(frame), frame.rotationDegrees(), frame.isMirrored()), options.region());
    int outH = output.shape().dim(1);
    int outW = output.shape().dim(2);
    double[] values = fit(image, outW, outH, options);
    if (output.shape().dim(3) == 1) {
      values = luma(values);
    }
    int channels = output.shape().dim(3);
    for (int i = 0; i < values.length; i++) {
      int c = i % channels;
      double normalized = (values[i] - options.mean(c)) / options.std(c);
      if (output.dataType() == DataType.FLOAT32) {
        output.floats()[i] = (float) normalized;
      } else {
        int low = output.dataType() == DataType.INT8 ? -128 : 0;
        double q = Math.floor(normalized / output.quantization().scale() + output.quantization().zeroPoint() + 0.5);
        output.bytes()[i] = (byte) Math.max(low, Math.min(low + 255, q));
      }
    }
  }

  /** BT.601 luma of each RGB triple. */
  private static double[] luma(double[] rgb) {
    double[] out = new double[rgb.length / 3];
    for (int i = 0; i < out.length; i++) {
      out[i] = 0.299 * rgb[3 * i] + 0.587 * rgb[3 * i + 1] + 0.114 * rgb[3 * i + 2];
    }
    return out;
  }

  /** RGB of every source pixel as [y][x][channel]. */
  static int[][][] rgb(Frame f) {
    int[][][] out = new int[f.height()][f.width()][];
    for (int y = 0; y < f.height(); y++) {
      for (int x = 0; x < f.width(); x++) {
        switch (f.format()) {
          case ARGB_8888: {
            int p = f.argbPixels()[y * f.argbRowStride() + x];
            out[y][x] = new int[] {(p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF};
            break;
          }
          case RGBA_8888: {
            Plane p = f.plane(0);
            int i = y * p.rowStride() + x * 4;
            out[y][x] = new int[] {p.buffer().get(i) & 0xFF, p.buffer().get(i + 1) & 0xFF, p.buffer().get(i + 2) & 0xFF};
            break;
          }
          default:
            out[y][x] = yuvToRgb(sample(f.plane(0), x, y), sample(f.plane(1), x / 2, y / 2), sample(f.plane(2), x / 2, y / 2),
                f.colorRange());
        }
      }
    }
    return out;
  }

  private static int sample(Plane p, int x, int y) {
    return p.buffer().get(y * p.rowStride() + x * p.pixelStride()) & 0xFF;
  }

  /** The textbook 8-bit BT.601 conversion (e.g. Microsoft's "Converting 8-bit YUV to RGB888"). */
  static int[] yuvToRgb(int y, int u, int v, ColorRange range) {
    int d = u - 128;
    int e = v - 128;
    if (range == ColorRange.LIMITED) {
      int c = y - 16;
      return new int[] {
          clip((298 * c + 409 * e + 128) >> 8), clip((298 * c - 100 * d - 208 * e + 128) >> 8), clip((298 * c + 516 * d + 128) >> 8)};
    }
    return new int[] {
        clip((256 * y + 359 * e + 128) >> 8), clip((256 * y - 88 * d - 183 * e + 128) >> 8), clip((256 * y + 454 * d + 128) >> 8)};
  }

  private static int clip(int x) {
    return x < 0 ? 0 : x > 255 ? 255 : x;
  }

  /** Rotates clockwise by moving every source pixel to its upright place, then flips left-right if mirrored. */
  static int[][][] upright(int[][][] src, int rotation, boolean mirrored) {
    int h = src.length;
    int w = src[0].length;
    boolean swap = rotation == 90 || rotation == 270;
    int[][][] out = new int[swap ? w : h][swap ? h : w][];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (rotation == 0) {
          out[y][x] = src[y][x];
        } else if (rotation == 90) {
          out[x][h - 1 - y] = src[y][x];
        } else if (rotation == 180) {
          out[h - 1 - y][w - 1 - x] = src[y][x];
        } else {
          out[w - 1 - x][y] = src[y][x];
        }
      }
    }
    if (mirrored) {
      for (int[][] row : out) {
        for (int i = 0, j = row.length - 1; i < j; i++, j--) {
          int[] t = row[i];
          row[i] = row[j];
          row[j] = t;
        }
      }
    }
    return out;
  }

  static int[][][] crop(int[][][] image, Region r) {
    if (r == null) {
      return image;
    }
    int[][][] out = new int[r.height()][r.width()][];
    for (int y = 0; y < r.height(); y++) {
      for (int x = 0; x < r.width(); x++) {
        out[y][x] = image[r.top() + y][r.left() + x];
      }
    }
    return out;
  }

  /** Resampled values [y][x][c] flattened, padding where the letterbox leaves the image out. */
  private static double[] fit(int[][][] image, int outW, int outH, ConversionOptions o) {
    int h = image.length;
    int w = image[0].length;
    // Per axis: first output pixel showing the image, how many do, where they start in the image, image pixels per output pixel.
    int x0 = 0;
    int y0 = 0;
    int cw = outW;
    int ch = outH;
    double startX = 0;
    double startY = 0;
    double stepX = (double) w / outW;
    double stepY = (double) h / outH;
    double sx = (double) outW / w;
    double sy = (double) outH / h;
    if (o.scaleMode() == ScaleMode.LETTERBOX) {
      if (sx <= sy) {
        ch = Math.max(1, (int) Math.round((double) h * outW / w));
        y0 = (outH - ch) / 2;
        stepY = (double) h / ch;
      } else {
        cw = Math.max(1, (int) Math.round((double) w * outH / h));
        x0 = (outW - cw) / 2;
        stepX = (double) w / cw;
      }
    } else if (o.scaleMode() == ScaleMode.CENTER_CROP) {
      double step = Math.min(stepX, stepY);
      stepX = step;
      stepY = step;
      startX = (w - outW * step) / 2;
      startY = (h - outH * step) / 2;
    }
    double[] out = new double[outH * outW * 3];
    for (int y = 0; y < outH; y++) {
      for (int x = 0; x < outW; x++) {
        boolean inside = x >= x0 && x < x0 + cw && y >= y0 && y < y0 + ch;
        for (int c = 0; c < 3; c++) {
          double v;
          if (!inside) {
            v = o.padValue();
          } else if (o.interpolation() == Interpolation.BILINEAR) {
            v = bilinear(image, startX + (x - x0 + 0.5) * stepX - 0.5, startY + (y - y0 + 0.5) * stepY - 0.5, c);
          } else {
            v = box(image, startX + (x - x0) * stepX, startX + (x - x0 + 1) * stepX, startY + (y - y0) * stepY,
                startY + (y - y0 + 1) * stepY, c);
          }
          out[(y * outW + x) * 3 + c] = v;
        }
      }
    }
    return out;
  }

  private static double bilinear(int[][][] image, double cx, double cy, int c) {
    int w = image[0].length;
    int h = image.length;
    cx = Math.max(0, Math.min(w - 1, cx));
    cy = Math.max(0, Math.min(h - 1, cy));
    int ix = (int) Math.floor(cx);
    int iy = (int) Math.floor(cy);
    int jx = Math.min(ix + 1, w - 1);
    int jy = Math.min(iy + 1, h - 1);
    double fx = cx - ix;
    double fy = cy - iy;
    return (1 - fx) * (1 - fy) * image[iy][ix][c] + fx * (1 - fy) * image[iy][jx][c]
        + (1 - fx) * fy * image[jy][ix][c] + fx * fy * image[jy][jx][c];
  }

  /** Mean of the pixels whose centres lie in [lo, hi) on each axis (the nearest one if none do). */
  private static double box(int[][][] image, double loX, double hiX, double loY, double hiY, int c) {
    int ax = boxStart(loX, image[0].length);
    int bx = boxEnd(hiX, ax, image[0].length);
    int ay = boxStart(loY, image.length);
    int by = boxEnd(hiY, ay, image.length);
    double sum = 0;
    for (int y = ay; y < by; y++) {
      for (int x = ax; x < bx; x++) {
        sum += image[y][x][c];
      }
    }
    return sum / ((bx - ax) * (by - ay));
  }

  private static int boxStart(double lo, int size) {
    return Math.max(0, Math.min(size - 1, (int) Math.ceil(lo - 0.5)));
  }

  private static int boxEnd(double hi, int start, int size) {
    return Math.max(start + 1, Math.min(size, (int) Math.ceil(hi - 0.5)));
  }
}
