package ai.fovea.kernels.shape;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * RESIZE_BILINEAR on FLOAT32 NHWC tensors with TFLite's sampling rule ({@link BilinearAxis}). The optimized
 * form follows TFLite's optimized kernel: sampling tables built in prepare, the four corners accumulated in
 * TFLite's order, and its exact-halves path for a plain 2x upscale; rows are split over the pool.
 */
public final class ResizeBilinearFloat implements Op {
  private static final String OP = "RESIZE_BILINEAR";
  private static final int MIN_ELEMENTS_PER_TASK = 1 << 13;

  private final ResizeParams params;
  private final ComputePool pool;
  private final ComputePool.RangeBody resizeRows = this::resizeRows;
  private final ComputePool.RangeBody doubleRows = this::doubleRows;
  private int batches;
  private int inHeight;
  private int inWidth;
  private int depth;
  private int outHeight;
  private int outWidth;
  private boolean doubling;
  private BilinearAxis ys;
  private BilinearAxis xs;
  private float[] in;
  private float[] out;

  public ResizeBilinearFloat(ResizeParams params, ComputePool pool) {
    if (params == null || pool == null) {
      throw new IllegalArgumentException("params and pool are required");
    }
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    params.prepareBilinearOutput(inputs, outputs, OP);
    if (inputs[0].dataType() != DataType.FLOAT32) {
      throw new OpPrepareException(OP, "input type " + inputs[0].dataType() + " is not FLOAT32");
    }
    batches = inputs[0].shape().dim(0);
    inHeight = inputs[0].shape().dim(1);
    inWidth = inputs[0].shape().dim(2);
    depth = inputs[0].shape().dim(3);
    outHeight = outputs[0].shape().dim(1);
    outWidth = outputs[0].shape().dim(2);
    doubling = !params.alignCorners && !params.halfPixelCenters
        && outHeight == 2 * inHeight && outWidth == 2 * inWidth;
    ys = BilinearAxis.of(inHeight, outHeight, params);
    xs = BilinearAxis.of(inWidth, outWidth, params);
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    in = inputs[0].floats();
    out = outputs[0].floats();
    int rowElements = Math.max(1, outWidth * depth);
    if (doubling) {
      pool.parallelFor(batches * inHeight, Math.max(1, MIN_ELEMENTS_PER_TASK / (4 * rowElements)), doubleRows);
    } else {
      pool.parallelFor(batches * outHeight, Math.max(1, MIN_ELEMENTS_PER_TASK / rowElements), resizeRows);
    }
    in = null;
    out = null;
  }

  /** Output rows [start, end) of all batches: four weighted corners, accumulated as TFLite's generic kernel. */
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
          float v = in[p00 + c] * s00;
          v += in[p01 + c] * s01;
          v += in[p10 + c] * s10;
          v += in[p11 + c] * s11;
          out[o++] = v;
        }
      }
    }
  }

  /**
   * Input rows [start, end) of a plain 2x upscale, each making a 2x2 output block per pixel from exact halves,
   * as TFLite's ResizeBilinear2x2 (its results differ from the generic path in the last bit).
   */
  private void doubleRows(int start, int end) {
    int outRow = outWidth * depth;
    for (int row = start; row < end; row++) {
      int b = row / inHeight;
      int y0 = row % inHeight;
      int y1 = Math.min(y0 + 1, inHeight - 1);
      int rowOffset = (y1 - y0) * inWidth * depth;
      for (int x0 = 0; x0 < inWidth; x0++) {
        int columnOffset = (Math.min(x0 + 1, inWidth - 1) - x0) * depth;
        int i = ((b * inHeight + y0) * inWidth + x0) * depth;
        int o = ((b * outHeight + 2 * y0) * outWidth + 2 * x0) * depth;
        for (int c = 0; c < depth; c++, i++, o++) {
          float topLeft = in[i];
          float topRight = in[i + columnOffset];
          float bottomLeft = in[i + rowOffset];
          float bottomRight = in[i + rowOffset + columnOffset];
          float left = (topLeft + bottomLeft) / 2;
          out[o] = topLeft;
          out[o + depth] = (topLeft + topRight) / 2;
          out[o + outRow] = left;
          out[o + outRow + depth] = (left + (topRight + bottomRight) / 2) / 2;
        }
      }
    }
  }

  /**
   * One output element at a time: the four corners weighted and summed in the order and association of TFLite's
   * generic kernel (its reference kernel associates differently and differs in the last bits).
   */
  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    float[] src = inputs[0].floats();
    float[] dst = outputs[0].floats();
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
            dst[o++] = src[((b * inHeight + y0) * inWidth + x0) * depth + c] * ((1 - (py - y0)) * (1 - (px - x0)))
                + src[((b * inHeight + y0) * inWidth + x1) * depth + c] * ((1 - (py - y0)) * (px - x0))
                + src[((b * inHeight + y1) * inWidth + x0) * depth + c] * ((py - y0) * (1 - (px - x0)))
                + src[((b * inHeight + y1) * inWidth + x1) * depth + c] * ((py - y0) * (px - x0));
          }
        }
      }
    }
  }
}
