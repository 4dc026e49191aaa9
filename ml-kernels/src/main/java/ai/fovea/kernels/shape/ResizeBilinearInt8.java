package ai.fovea.kernels.shape;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * RESIZE_BILINEAR on INT8 NHWC tensors, bit-exact with TFLite 2.6 (reference_ops::ResizeBilinearInteger): no
 * floating point at all. Scales and source positions are fixed point with 10 fractional bits (scales rounded
 * to nearest), each output is the 20-bit weighted sum of its four corners in 64 bits, rounded half away from
 * zero. Values are resized as stored (the output is assumed to share the input's quantization, as TFLite does).
 * The optimized form tabulates positions and weights in prepare and splits rows over the pool.
 */
public final class ResizeBilinearInt8 implements Op {
  private static final String OP = "RESIZE_BILINEAR";
  private static final int ONE = 1 << 10;
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
  private int heightScale;
  private int widthScale;
  // Per output row/column: lower and upper source index and the 10-bit weight of the upper one.
  private int[] yLower;
  private int[] yUpper;
  private int[] yWeight;
  private int[] xLower;
  private int[] xUpper;
  private int[] xWeight;
  private byte[] in;
  private byte[] out;

  public ResizeBilinearInt8(ResizeParams params, ComputePool pool) {
    if (params == null || pool == null) {
      throw new IllegalArgumentException("params and pool are required");
    }
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    params.prepareBilinearOutput(inputs, outputs, OP);
    if (inputs[0].dataType() != DataType.INT8) {
      throw new OpPrepareException(OP, "input type " + inputs[0].dataType() + " is not INT8");
    }
    batches = inputs[0].shape().dim(0);
    inHeight = inputs[0].shape().dim(1);
    inWidth = inputs[0].shape().dim(2);
    depth = inputs[0].shape().dim(3);
    outHeight = outputs[0].shape().dim(1);
    outWidth = outputs[0].shape().dim(2);
    heightScale = scale(inHeight, outHeight, params.alignCorners);
    widthScale = scale(inWidth, outWidth, params.alignCorners);
    yLower = new int[outHeight];
    yUpper = new int[outHeight];
    yWeight = new int[outHeight];
    tabulate(heightScale, inHeight, yLower, yUpper, yWeight);
    xLower = new int[outWidth];
    xUpper = new int[outWidth];
    xWeight = new int[outWidth];
    tabulate(widthScale, inWidth, xLower, xUpper, xWeight);
  }

  /** The 10-bit fixed-point scale, rounded to nearest. */
  private static int scale(int inSize, int outSize, boolean alignCorners) {
    if (alignCorners && outSize > 1) {
      return (ONE * (inSize - 1) + (outSize - 1) / 2) / (outSize - 1);
    }
    return (ONE * inSize + outSize / 2) / outSize;
  }

  /** Source position of output index {@code i} in 10-bit fixed point. */
  private int position(int i, int scale) {
    return params.halfPixelCenters ? i * scale + scale / 2 - (1 << 9) : i * scale;
  }

  /** Integer division truncates toward zero here, as in TFLite, so a slightly negative position gives 0. */
  private static int lower(int position) {
    return Math.max(position / ONE, 0);
  }

  private static int upper(int position, int inSize) {
    return Math.min((position + ONE - 1) / ONE, inSize - 1);
  }

  /**
   * Fills the tables; rejects upscales so large (beyond about 45x) that the rounded 10-bit scale puts a lower
   * index past the input, where TFLite reads outside the tensor.
   */
  private void tabulate(int scale, int inSize, int[] lower, int[] upper, int[] weight) {
    for (int i = 0; i < lower.length; i++) {
      int p = position(i, scale);
      lower[i] = lower(p);
      if (lower[i] >= inSize) {
        throw new OpPrepareException(OP, "resizing " + inSize + " to " + lower.length
            + " samples past the input in TFLite's 10-bit fixed point");
      }
      upper[i] = upper(p, inSize);
      weight[i] = p - ONE * lower[i];
    }
  }

  /** Divides by 2^20 rounding half away from zero. */
  private static byte round20(long sum) {
    long rounding = sum > 0 ? 1L << 19 : -(1L << 19);
    return (byte) ((sum + rounding) / (1L << 20));
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
      int top = (b * inHeight + yLower[y]) * inWidth;
      int bottom = (b * inHeight + yUpper[y]) * inWidth;
      int wy = yWeight[y];
      int o = row * outWidth * depth;
      for (int x = 0; x < outWidth; x++) {
        // Weights lie in [-2^9, 1.5 * 2^10] (prepare keeps lower indices inside), so products fit an int.
        int wx = xWeight[x];
        int w00 = (ONE - wy) * (ONE - wx);
        int w01 = (ONE - wy) * wx;
        int w10 = wy * (ONE - wx);
        int w11 = wy * wx;
        int p00 = (top + xLower[x]) * depth;
        int p01 = (top + xUpper[x]) * depth;
        int p10 = (bottom + xLower[x]) * depth;
        int p11 = (bottom + xUpper[x]) * depth;
        for (int c = 0; c < depth; c++) {
          out[o++] = round20(in[p00 + c] * w00 + in[p01 + c] * w01 + in[p10 + c] * w10 + in[p11 + c] * w11);
        }
      }
    }
  }

  /** TFLite's ResizeBilinearInteger, one output element at a time. */
  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    byte[] src = inputs[0].bytes();
    byte[] dst = outputs[0].bytes();
    int o = 0;
    for (int b = 0; b < batches; b++) {
      for (int y = 0; y < outHeight; y++) {
        int py = position(y, heightScale);
        int y0 = lower(py);
        int y1 = upper(py, inHeight);
        for (int x = 0; x < outWidth; x++) {
          int px = position(x, widthScale);
          int x0 = lower(px);
          int x1 = upper(px, inWidth);
          for (int c = 0; c < depth; c++) {
            long ll = (long) src[((b * inHeight + y0) * inWidth + x0) * depth + c] * (ONE - (py - ONE * y0)) * (ONE - (px - ONE * x0));
            long lu = (long) src[((b * inHeight + y1) * inWidth + x0) * depth + c] * (py - ONE * y0) * (ONE - (px - ONE * x0));
            long rl = (long) src[((b * inHeight + y0) * inWidth + x1) * depth + c] * (ONE - (py - ONE * y0)) * (px - ONE * x0);
            long ru = (long) src[((b * inHeight + y1) * inWidth + x1) * depth + c] * (py - ONE * y0) * (px - ONE * x0);
            dst[o++] = round20(ll + lu + rl + ru);
          }
        }
      }
    }
  }
}
