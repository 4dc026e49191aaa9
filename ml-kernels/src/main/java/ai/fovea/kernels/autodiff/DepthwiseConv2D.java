package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.conv.DepthwiseParams;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;

/**
 * DEPTHWISE_CONV_2D for training: input NHWC with C channels, filter [1, kh, kw, C·multiplier] (TFLite's
 * layout), optional bias [C·multiplier]; output channel o reads input channel o / multiplier. Each output
 * needs only kh·kw products, too few for a GEMM, so all three passes are direct loops over one output row and
 * one filter tap at a time: the in-bounds pixels of that row times the tap's channels, a long contiguous loop.
 * A multiplier above 1 first repeats each input channel (so the loops never divide), and the repeat's backward
 * sums the copies. Forward splits output rows over threads, the input gradient splits images, the filter
 * gradient sums fixed groups of images in order: results do not depend on the thread count.
 */
public final class DepthwiseConv2D {
  private static final String NAME = "DEPTHWISE_CONV_2D";
  /** Image groups of the filter gradient, each summed on its own then added in order. */
  private static final int FILTER_GROUPS = 16;

  private DepthwiseConv2D() {}

  /** {@code params.conv.activation} must be NONE; {@code bias} may be null. */
  public static Variable apply(Tape tape, Variable x, Variable filter, Variable bias, DepthwiseParams params) {
    Tape.requireInputs(NAME, x, filter);
    if (params == null) {
      throw new OpPrepareException(NAME, "params are required");
    }
    if (params.conv.activation != Activation.NONE) {
      throw new OpPrepareException(NAME, "fused activation " + params.conv.activation + " is not differentiated");
    }
    Shape xs = x.shape();
    Shape fs = filter.shape();
    int mult = params.depthMultiplier;
    if (xs.rank() != 4 || fs.rank() != 4 || fs.dim(0) != 1 || fs.dim(3) != xs.dim(3) * mult) {
      throw new OpPrepareException(NAME, "needs input NHWC and filter [1, kh, kw, " + xs.dim(-1) + "·" + mult
          + "], got " + xs + " and " + fs);
    }
    int c = fs.dim(3);
    if (bias != null && !bias.shape().equals(Shape.of(c))) {
      throw new OpPrepareException(NAME, "bias must be [" + c + "], got " + bias.shape());
    }
    Variable input = mult == 1 ? x : repeatChannels(tape, x, mult);
    ConvGeometry g = ConvGeometry.of(NAME, input.shape(), fs.dim(1), fs.dim(2), params.conv.strideH,
        params.conv.strideW, params.conv.dilationH, params.conv.dilationW, params.conv.padding);
    Variable y = tape.output(NAME, g.outputShape(c), input, filter, bias);
    float[] in = input.values();
    float[] w = filter.values();
    float[] out = y.values();
    float[] b = bias == null ? null : bias.values();
    int rowSize = g.outWidth * c;
    tape.pool().parallelFor(g.batch * g.outHeight, (r0, r1) -> {
      for (int row = r0; row < r1; row++) {
        if (b != null) {
          for (int p = row * rowSize; p < (row + 1) * rowSize; p += c) {
            System.arraycopy(b, 0, out, p, c);
          }
        }
        forEachRowTap(g, c, row, (o, i, f, count, step) -> {
          for (int p = 0; p < count; p++) {
            int op = o + p * c;
            int ip = i + p * step;
            for (int ch = 0; ch < c; ch++) {
              out[op + ch] += in[ip + ch] * w[f + ch];
            }
          }
        });
      }
    });
    tape.record(y, () -> backward(tape, g, input, filter, bias, y));
    return y;
  }

  private static void backward(Tape tape, ConvGeometry g, Variable x, Variable filter, Variable bias, Variable y) {
    int c = g.inChannels;
    float[] dy = y.grad();
    float[] in = x.values();
    float[] w = filter.values();
    if (x.requiresGrad()) {
      float[] dx = x.grad();
      // One image per task: the rows of an image write overlapping input rows.
      tape.pool().parallelFor(g.batch, (n0, n1) -> {
        for (int row = n0 * g.outHeight; row < n1 * g.outHeight; row++) {
          forEachRowTap(g, c, row, (o, i, f, count, step) -> {
            for (int p = 0; p < count; p++) {
              int op = o + p * c;
              int ip = i + p * step;
              for (int ch = 0; ch < c; ch++) {
                dx[ip + ch] += dy[op + ch] * w[f + ch];
              }
            }
          });
        }
      });
    }
    if (filter.requiresGrad()) {
      int groups = Math.min(FILTER_GROUPS, g.batch);
      float[][] sums = new float[groups][w.length];
      tape.pool().parallelFor(groups, (g0, g1) -> {
        for (int group = g0; group < g1; group++) {
          float[] sum = sums[group];
          int first = g.batch * group / groups * g.outHeight;
          int end = g.batch * (group + 1) / groups * g.outHeight;
          for (int row = first; row < end; row++) {
            forEachRowTap(g, c, row, (o, i, f, count, step) -> {
              for (int p = 0; p < count; p++) {
                int op = o + p * c;
                int ip = i + p * step;
                for (int ch = 0; ch < c; ch++) {
                  sum[f + ch] += dy[op + ch] * in[ip + ch];
                }
              }
            });
          }
        }
      });
      float[] dw = filter.grad();
      for (float[] sum : sums) {
        for (int j = 0; j < dw.length; j++) {
          dw[j] += sum[j];
        }
      }
    }
    if (bias != null && bias.requiresGrad()) {
      ParallelGemm.addColumnSums(dy, dy.length / c, c, bias.grad());
    }
  }

  /** x [N, H, W, C] to [N, H, W, C·mult] with channel j·mult + m = channel j; the backward sums the copies. */
  private static Variable repeatChannels(Tape tape, Variable x, int mult) {
    Shape s = x.shape();
    int c = s.dim(3);
    Variable y = tape.output(NAME, Shape.of(s.dim(0), s.dim(1), s.dim(2), c * mult), x);
    float[] in = x.values();
    float[] out = y.values();
    for (int i = 0; i < in.length; i++) {
      java.util.Arrays.fill(out, i * mult, (i + 1) * mult, in[i]);
    }
    tape.record(y, () -> {
      float[] dy = y.grad();
      float[] dx = x.grad();
      for (int i = 0; i < dx.length; i++) {
        for (int m = 0; m < mult; m++) {
          dx[i] += dy[i * mult + m];
        }
      }
    });
    return y;
  }

  /**
   * The in-bounds pixels of one output row under one filter tap: {@code count} output pixels from index
   * {@code output} on, each c apart, read input pixels from index {@code input} on, each {@code step} apart,
   * through the tap's channels at index {@code filter}.
   */
  private interface RowTap {
    void visit(int output, int input, int filter, int count, int step);
  }

  /** Visits the taps of output row {@code row} (image · outHeight + oy) in filter order. */
  private static void forEachRowTap(ConvGeometry g, int c, int row, RowTap tap) {
    int n = row / g.outHeight;
    int oy = row % g.outHeight;
    int step = g.strideW * c;
    for (int ky = 0; ky < g.filterHeight; ky++) {
      int iy = oy * g.strideH - g.padTop + ky * g.dilationH;
      if (iy < 0 || iy >= g.inHeight) {
        continue;
      }
      for (int kx = 0; kx < g.filterWidth; kx++) {
        // ix = ox·strideW + offset must lie in [0, inWidth).
        int offset = kx * g.dilationW - g.padLeft;
        int ox0 = Math.max(0, -Math.floorDiv(offset, g.strideW));
        int ox1 = Math.min(g.outWidth, Math.floorDiv(g.inWidth - 1 - offset, g.strideW) + 1);
        if (ox0 < ox1) {
          tap.visit((row * g.outWidth + ox0) * c, ((n * g.inHeight + iy) * g.inWidth + ox0 * g.strideW + offset) * c,
              (ky * g.filterWidth + kx) * c, ox1 - ox0, step);
        }
      }
    }
  }
}
