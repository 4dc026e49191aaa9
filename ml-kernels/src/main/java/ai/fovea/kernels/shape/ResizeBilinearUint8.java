package ai.fovea.kernels.shape;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * RESIZE_BILINEAR on UINT8 NHWC tensors, bit-exact with TFLite 2.6's optimized uint8 kernel: float weights from
 * {@link BilinearAxis}, the four corners summed in float in TFLite's order, plus 0.5, truncated. Values are
 * resized as stored (the output is assumed to share the input's quantization, as TFLite does). TFLite's
 * separate fixed-point path for an exact 8x half-pixel upscale rounds the same exact values half up, so this
 * one form matches it too. The optimized form tabulates the sampling in prepare and splits rows over the pool.
 */
public final class ResizeBilinearUint8 implements Op {
  private static final String OP = "RESIZE_BILINEAR";
  private static final int MIN_ELEMENTS_PER_TASK = 1 << 13;

  private final ResizeParams params;
  private final ComputePool pool;
  private final ComputePool.RangeBody resizeRows = this::resizeRows;
  private int batches;
  private int inHeight;
  private int inWidth;
  private int depth;
  private int outHeight;
  private int outWidth;
  private BilinearAxis ys;
  private BilinearAxis xs;
  private byte[] in;
  private byte[] out;

  public ResizeBilinearUint8(ResizeParams params, ComputePool pool) {
    if (params == null || pool == null) {
      throw new IllegalArgumentException("params and pool are required");
    }
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    params.prepareBilinearOutput(inputs, outputs, OP);
    if (inputs[0].dataType() != DataType.UINT8) {
      throw new OpPrepareException(OP, "input type " + inputs[0].dataType() + " is not UINT8");
    }
    batches = inputs[0].shape().dim(0);
    inHeight = inputs[0].shape().dim(1);
    inWidth = inputs[0].shape().dim(2);
    depth = inputs[0].shape().dim(3);
    outHeight = outputs[0].shape().dim(1);
    outWidth = outputs[0].shape().dim(2);
    ys = BilinearAxis.of(inHeight, outHeight, params);
    xs = BilinearAxis.of(inWidth, outWidth, params);
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    in = inputs[0].bytes();
    out = outputs[0].bytes();
    pool.parallelFor(batches * outHeight, Math.max(1, MIN_ELEMENTS_PER_TASK / Math.max(1, outWidth * depth)), resizeRows);
    in = null;
    out = null;
  }

  private void resizeRows(int start, int end) {
    for (int row = start; row < end; row++) {
      int b = row / outHeight;
      int y = row % outHeight;
      int top = (b * inHeight + ys.lower[y]) * inWidth;
      int bottom = (b * inHeight + ys.upper[y]) * inWidth;
      float dy = ys.fraction[y];
      int o = row * outWidth * depth;
      for (int x = 0; x < outWidth; x++) {
        float dx = xs.fraction[x];
        float s00 = (1 - dy) * (1 - dx);
        float s01 = (1 - dy) * dx;
        float s10 = dy * (1 - dx);
        float s11 = dy * dx;
        int p00 = (top + xs.lower[x]) * depth;
        int p01 = (top + xs.upper[x]) * depth;
        int p10 = (bottom + xs.lower[x]) * depth;
        int p11 = (bottom + xs.upper[x]) * depth;
        for (int c = 0; c < depth; c++) {
          out[o++] = (byte) (int) ((in[p00 + c] & 0xFF) * s00 + (in[p01 + c] & 0xFF) * s01
              + (in[p10 + c] & 0xFF) * s10 + (in[p11 + c] & 0xFF) * s11 + 0.5f);
        }
      }
    }
  }

  /** The same float formula evaluated one output element at a time, without tables. */
  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    byte[] src = inputs[0].bytes();
    byte[] dst = outputs[0].bytes();
    float heightScale = BilinearAxis.scale(inHeight, outHeight, params.alignCorners);
    float widthScale = BilinearAxis.scale(inWidth, outWidth, params.alignCorners);
    int o = 0;
    for (int b = 0; b < batches; b++) {
      for (int y = 0; y < outHeight; y++) {
        float py = BilinearAxis.position(y, heightScale, params.halfPixelCenters);
        int y0 = BilinearAxis.lower(py);
        int y1 = BilinearAxis.upper(py, inHeight);
        for (int x = 0; x < outWidth; x++) {
          float px = BilinearAxis.position(x, widthScale, params.halfPixelCenters);
          int x0 = BilinearAxis.lower(px);
          int x1 = BilinearAxis.upper(px, inWidth);
          for (int c = 0; c < depth; c++) {
            int topLeft = src[((b * inHeight + y0) * inWidth + x0) * depth + c] & 0xFF;
            int topRight = src[((b * inHeight + y0) * inWidth + x1) * depth + c] & 0xFF;
            int bottomLeft = src[((b * inHeight + y1) * inWidth + x0) * depth + c] & 0xFF;
            int bottomRight = src[((b * inHeight + y1) * inWidth + x1) * depth + c] & 0xFF;
            float sum = topLeft * ((1 - (py - y0)) * (1 - (px - x0)))
                + topRight * ((1 - (py - y0)) * (px - x0))
                + bottomLeft * ((py - y0) * (1 - (px - x0)))
                + bottomRight * ((py - y0) * (px - x0));
            dst[o++] = (byte) (int) (sum + 0.5f);
          }
        }
      }
    }
  }
}
