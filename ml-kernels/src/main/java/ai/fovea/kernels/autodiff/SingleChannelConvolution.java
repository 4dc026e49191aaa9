package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.gemm.FloatGemm;
import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.parallel.ComputePool;

/**
 * Forward and filter gradient of a convolution over a single input channel (a first layer on grey images)
 * without a column matrix. A pixel's window there is a few runs of a few floats, slow to gather row by row and
 * many times the input's size; instead, for a block of output pixels, each tap gets one row holding its input
 * for every pixel of the block: runs of input rows. The forward product is filter · those rows (pixels as the
 * kernel's long columns), written back transposed; the filter gradient is those rows · the output gradient,
 * summed over fixed groups of blocks in order, so results do not depend on the thread count.
 */
final class SingleChannelConvolution {
  /** Output pixels per block: tap rows of 256 floats stay in L2 and are whole vectors wide. */
  private static final int BLOCK = 256;
  /** Fixed groups of blocks for the filter gradient: enough to balance 16 threads, fixed for determinism. */
  private static final int GROUPS = 16;

  private SingleChannelConvolution() {}

  /** {@code out = conv(x, filter) + bias} for x [N, H, W, 1], filter [outChannels, kh, kw, 1], bias or null. */
  static void forward(ComputePool pool, ConvGeometry g, float[] x, float[] filter, float[] bias, int outChannels,
      float[] out) {
    int taps = g.filterHeight * g.filterWidth;
    int total = g.batch * g.outHeight * g.outWidth;
    // The kernel's register tiles take filter rows four at a time: zero rows fill the last tile.
    int filterRows = (outChannels + 3) / 4 * 4;
    float[] a = new float[filterRows * taps];
    System.arraycopy(filter, 0, a, 0, outChannels * taps);
    pool.parallelFor((total + BLOCK - 1) / BLOCK, (q0, q1) -> {
      float[] tapRows = new float[taps * BLOCK];
      float[][] acc = new float[filterRows][BLOCK];
      for (int q = q0; q < q1; q++) {
        int pixel0 = q * BLOCK;
        int pixels = Math.min(BLOCK, total - pixel0);
        gatherTapRows(x, g, pixel0, pixels, tapRows);
        FloatGemm.ofRows(tapRows, 0, taps, pixels).multiply(a, 0, taps, filterRows, null, acc, 0, pixels);
        for (int i = 0, o0 = pixel0 * outChannels; i < pixels; i++, o0 += outChannels) {
          for (int o = 0; o < outChannels; o++) {
            out[o0 + o] = acc[o][i] + (bias == null ? 0f : bias[o]);
          }
        }
      }
    });
  }

  /** {@code dFilter += Σ over pixels of dy ⊗ window}, dy [N, outH, outW, outChannels]. */
  static void addFilterGradient(ComputePool pool, ConvGeometry g, float[] x, float[] dy, int outChannels,
      float[] dFilter) {
    int taps = g.filterHeight * g.filterWidth;
    int total = g.batch * g.outHeight * g.outWidth;
    int blocks = (total + BLOCK - 1) / BLOCK;
    int groups = Math.min(GROUPS, blocks);
    int columns = ParallelGemm.paddedColumns(outChannels);
    float[][][] sums = new float[groups][taps][columns];
    pool.parallelFor(groups, (g0, g1) -> {
      float[] tapRows = new float[taps * BLOCK];
      float[] gradient = new float[BLOCK * columns];
      float[][] acc = new float[taps][columns];
      for (int group = g0; group < g1; group++) {
        for (int q = blocks * group / groups; q < blocks * (group + 1) / groups; q++) {
          int pixel0 = q * BLOCK;
          int pixels = Math.min(BLOCK, total - pixel0);
          gatherTapRows(x, g, pixel0, pixels, tapRows);
          // The output gradient's rows, widened with zero columns where the kernel wants them.
          for (int i = 0; i < pixels; i++) {
            System.arraycopy(dy, (pixel0 + i) * outChannels, gradient, i * columns, outChannels);
          }
          FloatGemm.ofRows(gradient, 0, pixels, columns).multiply(tapRows, 0, pixels, taps, null, acc, 0, columns);
          for (int t = 0; t < taps; t++) {
            float[] sum = sums[group][t];
            for (int o = 0; o < outChannels; o++) {
              sum[o] += acc[t][o];
            }
          }
        }
      }
    });
    for (float[][] sum : sums) {
      for (int t = 0; t < taps; t++) {
        for (int o = 0; o < outChannels; o++) {
          dFilter[o * taps + t] += sum[t][o];
        }
      }
    }
  }

  /**
   * Writes, for output pixels [pixel0, pixel0 + pixels) (image-major), tap (ky, kx)'s input for each of them into
   * row {@code ky·kw + kx} of {@code tapRows} (rows of {@code pixels} floats); padding taps read 0.
   */
  private static void gatherTapRows(float[] x, ConvGeometry g, int pixel0, int pixels, float[] tapRows) {
    int width = g.outWidth;
    // One output row's part of the block at a time: columns [from, to) of output row (image, oy).
    for (int p = pixel0, end = pixel0 + pixels; p < end; ) {
      int row = p / width;
      int from = p - row * width;
      int to = Math.min(width, from + end - p);
      int image = row / g.outHeight;
      int y0 = row % g.outHeight * g.strideH - g.padTop;
      int at = p - pixel0 - from; // where column 0 of this row would sit in a tap row
      for (int ky = 0, t = 0; ky < g.filterHeight; ky++) {
        int iy = y0 + ky * g.dilationH;
        boolean inside = iy >= 0 && iy < g.inHeight;
        for (int kx = 0; kx < g.filterWidth; kx++, t++) {
          int d = t * pixels + at;
          int ix0 = kx * g.dilationW - g.padLeft;
          // Columns [a, b) of the part read inside the input.
          int a = from;
          int b = from;
          if (inside) {
            a = Math.max(from, ix0 >= 0 ? 0 : (-ix0 + g.strideW - 1) / g.strideW);
            b = Math.max(a, Math.min(to, (g.inWidth - ix0 + g.strideW - 1) / g.strideW));
            a = Math.min(a, b);
          }
          for (int ox = from; ox < a; ox++) {
            tapRows[d + ox] = 0f;
          }
          int src = (image * g.inHeight + iy) * g.inWidth + ix0;
          if (g.strideW == 1 && b > a) {
            System.arraycopy(x, src + a, tapRows, d + a, b - a);
          } else {
            for (int ox = a; ox < b; ox++) {
              tapRows[d + ox] = x[src + ox * g.strideW];
            }
          }
          for (int ox = b; ox < to; ox++) {
            tapRows[d + ox] = 0f;
          }
        }
      }
      p += to - from;
    }
  }
}
