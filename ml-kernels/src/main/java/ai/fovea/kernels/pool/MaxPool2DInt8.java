package ai.fovea.kernels.pool;

import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * MAX_POOL_2D on int8 and uint8 NHWC tensors sharing one quantization: the largest stored value over each
 * window's in-bounds taps (stored values order like real ones), then the fused clamp in the quantized domain.
 * The optimized form is {@link MaxPool2DFloat}'s on bytes: channel vectors, clipped windows, and a ring of
 * horizontal maxima where windows overlap vertically.
 */
public final class MaxPool2DInt8 implements Op {
  private final PoolParams params;
  private final ComputePool pool;
  private final ComputePool.RangeBody poolChunks = this::poolChunks;
  private PoolWindow w;
  private boolean unsigned;
  private int lo;
  private int hi;
  private int chunks;
  private byte[][] rings;
  private byte[] in;
  private byte[] out;

  public MaxPool2DInt8(PoolParams params, ComputePool pool) {
    if (params == null || pool == null) {
      throw new IllegalArgumentException("params and pool are required");
    }
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    w = PoolWindow.prepare(MaxPool2DFloat.NAME, params, inputs, outputs, true);
    unsigned = inputs[0].dataType() == DataType.UINT8;
    int[] range = params.activation.quantizedRange(outputs[0]);
    lo = range[0];
    hi = range[1];
    ConvGeometry g = w.g;
    chunks = Math.max(1, Math.min(pool.threads(), g.batch * g.outHeight));
    rings = new byte[chunks][w.separable() ? g.filterHeight * g.outWidth * g.inChannels : 0];
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    in = inputs[0].bytes();
    out = outputs[0].bytes();
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
  private void separableRows(int first, int end, byte[] ring) {
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

  private void horizontalMax(int b, int iy, byte[] ring, int base) {
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

  private void maxInto(byte[] src, int s, byte[] dst, int d, int n) {
    if (unsigned) {
      for (int k = 0; k < n; k++) {
        dst[d + k] = (byte) Math.max(dst[d + k] & 0xFF, src[s + k] & 0xFF);
      }
    } else {
      for (int k = 0; k < n; k++) {
        dst[d + k] = (byte) Math.max(dst[d + k], src[s + k]);
      }
    }
  }

  private void clamp(int o, int n) {
    int typeMin = unsigned ? 0 : -128;
    int typeMax = unsigned ? 255 : 127;
    if (lo == typeMin && hi == typeMax) {
      return;
    }
    for (int k = 0; k < n; k++) {
      int v = unsigned ? out[o + k] & 0xFF : out[o + k];
      out[o + k] = (byte) Math.min(Math.max(v, lo), hi);
    }
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    byte[] src = inputs[0].bytes();
    byte[] dst = outputs[0].bytes();
    ConvGeometry g = w.g;
    for (int b = 0; b < g.batch; b++) {
      for (int oy = 0; oy < g.outHeight; oy++) {
        for (int ox = 0; ox < g.outWidth; ox++) {
          for (int ch = 0; ch < g.inChannels; ch++) {
            int max = Integer.MIN_VALUE;
            for (int ky = 0; ky < g.filterHeight; ky++) {
              for (int kx = 0; kx < g.filterWidth; kx++) {
                int iy = oy * g.strideH - g.padTop + ky;
                int ix = ox * g.strideW - g.padLeft + kx;
                if (iy >= 0 && iy < g.inHeight && ix >= 0 && ix < g.inWidth) {
                  int i = ((b * g.inHeight + iy) * g.inWidth + ix) * g.inChannels + ch;
                  max = Math.max(max, unsigned ? src[i] & 0xFF : src[i]);
                }
              }
            }
            int o = ((b * g.outHeight + oy) * g.outWidth + ox) * g.inChannels + ch;
            dst[o] = (byte) Math.min(Math.max(max, lo), hi);
          }
        }
      }
    }
  }
}
