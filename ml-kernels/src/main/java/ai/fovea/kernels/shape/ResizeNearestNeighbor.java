package ai.fovea.kernels.shape;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * RESIZE_NEAREST_NEIGHBOR on FLOAT32, INT8 and UINT8 NHWC tensors (the types TFLite 2.6 takes): every output pixel copies the depth
 * vector of one source pixel, chosen as TFLite 2.6 does. That is its float rule (floor of
 * {@code (i + offset) * scale}, or round half away from zero with aligned corners, clamped), except that UINT8
 * without either option takes TFLite's optimized fixed-point rule ({@code (i * scale16) >> 16} with
 * {@code scale16 = (in << 16) / out + 1}), which picks a different pixel for some sizes. The optimized form
 * tabulates source indices in prepare, copies depth runs, and copies a whole output row when it repeats the
 * previous one.
 */
public final class ResizeNearestNeighbor implements Op {
  private static final String OP = "RESIZE_NEAREST_NEIGHBOR";
  private static final int MIN_ELEMENTS_PER_TASK = 1 << 14;

  private final ResizeParams params;
  private final ComputePool pool;
  private final ComputePool.RangeBody resizeRows = this::resizeRows;
  private Elements elements;
  private boolean fixedPoint;
  private int batches;
  private int inHeight;
  private int inWidth;
  private int depth;
  private int outHeight;
  private int outWidth;
  private int[] sourceRows;
  private int[] sourceColumns;
  private Object in;
  private Object out;

  public ResizeNearestNeighbor(ResizeParams params, ComputePool pool) {
    if (params == null || pool == null) {
      throw new IllegalArgumentException("params and pool are required");
    }
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    ResizeParams.prepareOutput(inputs, outputs, OP);
    DataType type = inputs[0].dataType();
    if (type != DataType.FLOAT32 && type != DataType.INT8 && type != DataType.UINT8) {
      throw new OpPrepareException(OP, "input type " + type + " is not FLOAT32, INT8 or UINT8");
    }
    elements = Elements.of(type, OP);
    fixedPoint = type == DataType.UINT8 && !params.alignCorners && !params.halfPixelCenters;
    batches = inputs[0].shape().dim(0);
    inHeight = inputs[0].shape().dim(1);
    inWidth = inputs[0].shape().dim(2);
    depth = inputs[0].shape().dim(3);
    outHeight = outputs[0].shape().dim(1);
    outWidth = outputs[0].shape().dim(2);
    sourceRows = new int[outHeight];
    for (int y = 0; y < outHeight; y++) {
      sourceRows[y] = source(y, inHeight, outHeight);
    }
    sourceColumns = new int[outWidth];
    for (int x = 0; x < outWidth; x++) {
      sourceColumns[x] = source(x, inWidth, outWidth);
    }
  }

  /** The source index of output index {@code i} along an axis of {@code inSize} resized to {@code outSize}. */
  private int source(int i, int inSize, int outSize) {
    if (fixedPoint) {
      int scale = (inSize << 16) / outSize + 1;
      return Math.min((i * scale) >> 16, inSize - 1);
    }
    float scale = params.alignCorners && outSize > 1 ? (inSize - 1) / (float) (outSize - 1) : inSize / (float) outSize;
    float position = ((float) i + (params.halfPixelCenters ? 0.5f : 0f)) * scale;
    int index = Math.min(params.alignCorners ? roundHalfAwayFromZero(position) : (int) Math.floor(position), inSize - 1);
    return params.halfPixelCenters ? Math.max(0, index) : index;
  }

  private static int roundHalfAwayFromZero(float x) {
    return (int) (Math.signum(x) * Math.floor(Math.abs(x) + 0.5));
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    in = elements.array(inputs[0]);
    out = elements.array(outputs[0]);
    pool.parallelFor(batches * outHeight, Math.max(1, MIN_ELEMENTS_PER_TASK / Math.max(1, outWidth * depth)), resizeRows);
    in = null;
    out = null;
  }

  private void resizeRows(int start, int end) {
    int rowLength = outWidth * depth;
    for (int row = start; row < end; row++) {
      int b = row / outHeight;
      int y = row % outHeight;
      int o = row * rowLength;
      if (row > start && y > 0 && sourceRows[y] == sourceRows[y - 1]) {
        System.arraycopy(out, o - rowLength, out, o, rowLength);
        continue;
      }
      int source = (b * inHeight + sourceRows[y]) * inWidth;
      for (int x = 0; x < outWidth; x++, o += depth) {
        System.arraycopy(in, (source + sourceColumns[x]) * depth, out, o, depth);
      }
    }
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Object src = elements.array(inputs[0]);
    Object dst = elements.array(outputs[0]);
    int o = 0;
    for (int b = 0; b < batches; b++) {
      for (int y = 0; y < outHeight; y++) {
        for (int x = 0; x < outWidth; x++) {
          for (int c = 0; c < depth; c++) {
            int i = ((b * inHeight + source(y, inHeight, outHeight)) * inWidth + source(x, inWidth, outWidth)) * depth + c;
            System.arraycopy(src, i, dst, o++, 1);
          }
        }
      }
    }
  }
}
