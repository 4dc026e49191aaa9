package ai.fovea.kernels.pool;

import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * MAX_POOL_2D on float32, int8 and uint8 NHWC tensors: the maximum over the window's in-bounds taps (padding
 * never wins), then the fused clamp. The optimized form takes the maximum along the channel axis for each tap
 * (contiguous, vectorizable) with one bounds check per tap; threads split output rows.
 */
public final class MaxPool2D implements Op {
  static final String NAME = "MAX_POOL_2D";
  private final PoolParams params;
  private final ComputePool pool;
  private ConvGeometry g;
  private int lo;
  private int hi;

  public MaxPool2D(PoolParams params, ComputePool pool) {
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    g = params.prepare(NAME, inputs, outputs);
    if (inputs[0].dataType().isByte()) {
      int[] range = params.byteRange(outputs[0]);
      lo = range[0];
      hi = range[1];
    }
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    Tensor in = inputs[0];
    Tensor out = outputs[0];
    int c = g.inChannels;
    pool.parallelFor(g.batch * g.outHeight, 1, (r0, r1) -> {
      for (int row = r0; row < r1; row++) {
        int b = row / g.outHeight;
        int oy = row % g.outHeight;
        for (int ox = 0; ox < g.outWidth; ox++) {
          int o = ((b * g.outHeight + oy) * g.outWidth + ox) * c;
          boolean first = true;
          for (int ky = 0; ky < g.filterHeight; ky++) {
            int iy = oy * g.strideH - g.padTop + ky;
            for (int kx = 0; kx < g.filterWidth; kx++) {
              int ix = ox * g.strideW - g.padLeft + kx;
              if (iy < 0 || iy >= g.inHeight || ix < 0 || ix >= g.inWidth) {
                continue;
              }
              int i = ((b * g.inHeight + iy) * g.inWidth + ix) * c;
              maxInto(in, i, out, o, c, first);
              first = false;
            }
          }
          clamp(out, o, c);
        }
      }
    });
  }

  private static void maxInto(Tensor in, int i, Tensor out, int o, int c, boolean first) {
    switch (in.dataType()) {
      case FLOAT32: {
        float[] src = in.floats();
        float[] dst = out.floats();
        if (first) {
          System.arraycopy(src, i, dst, o, c);
        } else {
          for (int k = 0; k < c; k++) {
            dst[o + k] = Math.max(dst[o + k], src[i + k]);
          }
        }
        break;
      }
      case INT8: {
        byte[] src = in.bytes();
        byte[] dst = out.bytes();
        if (first) {
          System.arraycopy(src, i, dst, o, c);
        } else {
          for (int k = 0; k < c; k++) {
            dst[o + k] = (byte) Math.max(dst[o + k], src[i + k]);
          }
        }
        break;
      }
      default: {
        byte[] src = in.bytes();
        byte[] dst = out.bytes();
        if (first) {
          System.arraycopy(src, i, dst, o, c);
        } else {
          for (int k = 0; k < c; k++) {
            dst[o + k] = (byte) Math.max(dst[o + k] & 0xFF, src[i + k] & 0xFF);
          }
        }
      }
    }
  }

  private void clamp(Tensor out, int o, int c) {
    if (out.dataType() == DataType.FLOAT32) {
      float[] d = out.floats();
      float fl = params.activation.floatMin();
      float fh = params.activation.floatMax();
      for (int k = 0; k < c; k++) {
        d[o + k] = Math.min(Math.max(d[o + k], fl), fh);
      }
    } else {
      byte[] d = out.bytes();
      boolean unsigned = out.dataType() == DataType.UINT8;
      for (int k = 0; k < c; k++) {
        int v = unsigned ? d[o + k] & 0xFF : d[o + k];
        d[o + k] = (byte) Math.min(Math.max(v, lo), hi);
      }
    }
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Tensor in = inputs[0];
    Tensor out = outputs[0];
    boolean isFloat = in.dataType() == DataType.FLOAT32;
    boolean unsigned = in.dataType() == DataType.UINT8;
    int c = g.inChannels;
    for (int b = 0; b < g.batch; b++) {
      for (int oy = 0; oy < g.outHeight; oy++) {
        for (int ox = 0; ox < g.outWidth; ox++) {
          for (int ch = 0; ch < c; ch++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int ky = 0; ky < g.filterHeight; ky++) {
              for (int kx = 0; kx < g.filterWidth; kx++) {
                int iy = oy * g.strideH - g.padTop + ky;
                int ix = ox * g.strideW - g.padLeft + kx;
                if (iy >= 0 && iy < g.inHeight && ix >= 0 && ix < g.inWidth) {
                  int i = ((b * g.inHeight + iy) * g.inWidth + ix) * c + ch;
                  max = Math.max(max, isFloat ? in.floats()[i] : unsigned ? in.bytes()[i] & 0xFF : in.bytes()[i]);
                }
              }
            }
            int o = ((b * g.outHeight + oy) * g.outWidth + ox) * c + ch;
            if (isFloat) {
              out.floats()[o] = (float) Math.min(Math.max(max, params.activation.floatMin()),
                  params.activation.floatMax());
            } else {
              out.bytes()[o] = (byte) Math.min(Math.max((int) max, lo), hi);
            }
          }
        }
      }
    }
  }
}
