package ai.fovea.kernels.pool;

import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * Where each output row and column of a 2-D pool reads the input, clipped to it: TFLite pools over in-bounds
 * taps only, so padding never wins a maximum and is not counted in an average. Built at prepare, which also
 * checks the tensors (one NHWC input and one output of the same type; for 8-bit pools the same scale and zero
 * point on both sides, since TFLite pools stored values without requantizing) and resizes the output.
 */
final class PoolWindow {
  final ConvGeometry g;
  /** First and one-past-last input row of output row {@code oy}. */
  final int[] rowStart;
  final int[] rowEnd;
  /** First and one-past-last input column of output column {@code ox}. */
  final int[] colStart;
  final int[] colEnd;

  private PoolWindow(ConvGeometry g) {
    this.g = g;
    rowStart = new int[g.outHeight];
    rowEnd = new int[g.outHeight];
    colStart = new int[g.outWidth];
    colEnd = new int[g.outWidth];
    clip(rowStart, rowEnd, g.strideH, g.padTop, g.filterHeight, g.inHeight);
    clip(colStart, colEnd, g.strideW, g.padLeft, g.filterWidth, g.inWidth);
  }

  private static void clip(int[] start, int[] end, int stride, int pad, int filter, int size) {
    for (int o = 0; o < start.length; o++) {
      int first = o * stride - pad;
      start[o] = Math.max(first, 0);
      end[o] = Math.min(first + filter, size);
    }
  }

  /** Validates {@code inputs}/{@code outputs} for {@code op}, resizes the output and returns its windows. */
  static PoolWindow prepare(String op, PoolParams params, Tensor[] inputs, Tensor[] outputs, boolean quantized) {
    if (inputs.length != 1 || outputs.length != 1 || inputs[0] == null || outputs[0] == null) {
      throw new OpPrepareException(op, "takes one input and one output, got " + inputs.length + " and "
          + outputs.length);
    }
    Tensor in = inputs[0];
    Tensor out = outputs[0];
    DataType t = in.dataType();
    boolean typeFits = quantized ? t.isByte() : t == DataType.FLOAT32;
    if (!typeFits || out.dataType() != t) {
      throw new OpPrepareException(op, "needs " + (quantized ? "int8 or uint8" : "float32")
          + " input and output of one type, got " + t + " and " + out.dataType());
    }
    if (quantized) {
      if (in.quantization().channelCount() != 1) {
        throw new OpPrepareException(op, "needs per-tensor quantization, got " + in.quantization());
      }
      if (!in.quantization().equals(out.quantization())) {
        throw new OpPrepareException(op, "input and output must share scale and zero point, got "
            + in.quantization() + " and " + out.quantization());
      }
    }
    ConvGeometry g = ConvGeometry.of(op, in.shape(), params.filterHeight, params.filterWidth, params.strideH,
        params.strideW, 1, 1, params.padding);
    PoolWindow w = new PoolWindow(g);
    for (int o = 0; o < g.outHeight; o++) {
      if (w.rowEnd[o] <= w.rowStart[o]) {
        throw new OpPrepareException(op, "output row " + o + " has no input rows under its window");
      }
    }
    for (int o = 0; o < g.outWidth; o++) {
      if (w.colEnd[o] <= w.colStart[o]) {
        throw new OpPrepareException(op, "output column " + o + " has no input columns under its window");
      }
    }
    out.resize(g.outputShape(g.inChannels));
    return w;
  }

  /** In-bounds taps of output (oy, ox): the divisor of an average. */
  int taps(int oy, int ox) {
    return (rowEnd[oy] - rowStart[oy]) * (colEnd[ox] - colStart[ox]);
  }

  /**
   * True when windows overlap vertically enough that reducing each input row horizontally once and then
   * combining those rows (a max is separable) costs fewer channel-vector steps per output than visiting every
   * tap: {@code filterW·strideH + filterH < filterW·filterH}, e.g. 3x3 or 13x13 windows at stride 1.
   */
  boolean separable() {
    return g.strideH < g.filterHeight && g.filterWidth * g.strideH + g.filterHeight < g.filterWidth * g.filterHeight;
  }

  /** Output rows (batch × height) split over {@code chunks} threads: the first row of chunk {@code c}. */
  int chunkStart(int c, int chunks) {
    return (int) ((long) g.batch * g.outHeight * c / chunks);
  }
}
