package ai.fovea.kernels.pool;

import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Tensor;

/**
 * MAX_POOL_2D on float32 NHWC tensors: the maximum over each window's in-bounds taps, then the fused clamp. The
 * optimized form works on whole channel vectors (contiguous, vectorizable) with the window clipped once per row
 * and column; where windows overlap vertically (stride-1 3x3, SPP's 5/9/13) it takes each input row's
 * horizontal maxima once into a ring of {@code filterHeight} rows and combines those. Threads split output rows.
 */
public final class MaxPool2DFloat implements Op {
  static final String NAME = "MAX_POOL_2D";
  private final PoolParams params;
  private final ComputePool pool;
  private final ComputePool.RangeBody poolChunks = this::poolChunks;
  private PoolWindow w;
  private int chunks;
  private float[][] rings;
  private float[] in;
  private float[] out;

  public MaxPool2DFloat(PoolParams params, ComputePool pool) {
    if (params == null || pool == null) {
      throw new IllegalArgumentException("params and pool are required");
    }
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    w = PoolWindow.prepare(NAME, params, inputs, outputs, false);
    ConvGeometry g = w.g;
    chunks = Math.max(1, Math.min(pool.threads(), g.batch * g.outHeight));
    rings = new float[chunks][w.separable() ? g.filterHeight * g.outWidth * g.inChannels : 0];
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    in = inputs[0].floats();
    out = outputs[0].floats();
    pool.parallelFor(chunks, 1, poolChunks);
    in = null;
    out = null;
  }

  private void poolChunks(int c0, int c1) {
    for (int c = c0; c < c1; c++) {
      int first = w.chunkStart(c, chunks);
      int end = w.chunkStart(c + 1, chunks);
      if (w.separable()) {
        separableRows(first, end, rings[c]);
      } else {
        directRows(first, end);
      }
    }
  }

  private void directRows(int first, int end) {
    ConvGeometry g = w.g;
    int c = g.inChannels;
    for (int row = first; row < end; row++) {
      int b = row / g.outHeight;
      int oy = row % g.outHeight;
      for (int ox = 0; ox < g.outWidth; ox++) {
        int o = (row * g.outWidth + ox) * c;
        System.arraycopy(in, ((b * g.inHeight + w.rowStart[oy]) * g.inWidth + w.colStart[ox]) * c, out, o, c);
        for (int iy = w.rowStart[oy]; iy < w.rowEnd[oy]; iy++) {
          for (int ix = iy == w.rowStart[oy] ? w.colStart[ox] + 1 : w.colStart[ox]; ix < w.colEnd[ox]; ix++) {
            maxInto(in, ((b * g.inHeight + iy) * g.inWidth + ix) * c, out, o, c);
          }
        }
        clamp(o, c);
      }
    }
  }

  /** Rows [first, end) from a ring of horizontal maxima: slot {@code iy % filterHeight} holds input row iy's. */
  private void separableRows(int first, int end, float[] ring) {
    ConvGeometry g = w.g;
    int c = g.inChannels;
    int slot = g.outWidth * c;
    int batch = -1;
    int next = 0;
    for (int row = first; row < end; row++) {
      int b = row / g.outHeight;
      int oy = row % g.outHeight;
      if (b != batch) {
        batch = b;
        next = w.rowStart[oy];
      }
      for (; next < w.rowEnd[oy]; next++) {
        horizontalMax(b, next, ring, (next % g.filterHeight) * slot);
      }
      for (int ox = 0; ox < g.outWidth; ox++) {
        int o = (row * g.outWidth + ox) * c;
        System.arraycopy(ring, (w.rowStart[oy] % g.filterHeight) * slot + ox * c, out, o, c);
        for (int iy = w.rowStart[oy] + 1; iy < w.rowEnd[oy]; iy++) {
          maxInto(ring, (iy % g.filterHeight) * slot + ox * c, out, o, c);
        }
        clamp(o, c);
      }
    }
  }

  private void horizontalMax(int b, int iy, float[] ring, int base) {
    ConvGeometry g = w.g;
    int c = g.inChannels;
    int rowBase = (b * g.inHeight + iy) * g.inWidth;
    for (int ox = 0; ox < g.outWidth; ox++) {
      int d = base + ox * c;
      System.arraycopy(in, (rowBase + w.colStart[ox]) * c, ring, d, c);
      for (int ix = w.colStart[ox] + 1; ix < w.colEnd[ox]; ix++) {
        maxInto(in, (rowBase + ix) * c, ring, d, c);
      }
    }
  }

  private static void maxInto(float[] src, int s, float[] dst, int d, int n) {
    for (int k = 0; k < n; k++) {
      dst[d + k] = Math.max(dst[d + k], src[s + k]);
    }
  }

  private void clamp(int o, int n) {
    float lo = params.activation.floatMin();
    float hi = params.activation.floatMax();
    if (lo == Float.NEGATIVE_INFINITY && hi == Float.POSITIVE_INFINITY) {
      return;
    }
    for (int k = 0; k < n; k++) {
      out[o + k] = Math.min(Math.max(out[o + k], lo), hi);
    }
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    float[] src = inputs[0].floats();
    float[] dst = outputs[0].floats();
    ConvGeometry g = w.g;
    for (int b = 0; b < g.batch; b++) {
      for (int oy = 0; oy < g.outHeight; oy++) {
        for (int ox = 0; ox < g.outWidth; ox++) {
          for (int ch = 0; ch < g.inChannels; ch++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int ky = 0; ky < g.filterHeight; ky++) {
              for (int kx = 0; kx < g.filterWidth; kx++) {
                int iy = oy * g.strideH - g.padTop + ky;
                int ix = ox * g.strideW - g.padLeft + kx;
                if (iy >= 0 && iy < g.inHeight && ix >= 0 && ix < g.inWidth) {
                  max = Math.max(max, src[((b * g.inHeight + iy) * g.inWidth + ix) * g.inChannels + ch]);
                }
              }
            }
            dst[((b * g.outHeight + oy) * g.outWidth + ox) * g.inChannels + ch] =
                Math.min(Math.max(max, params.activation.floatMin()), params.activation.floatMax());
          }
        }
      }
    }
  }
}
