package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.conv.DepthwiseParams;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;
import java.util.Arrays;

/**
 * DEPTHWISE_CONV_2D for training: input NHWC with C channels, filter [1, kh, kw, C·multiplier] (TFLite's
 * layout), optional bias [C·multiplier]; output channel o reads input channel o / multiplier. Each output
 * needs only kh·kw products, too few for a GEMM, so all three passes are direct loops over one output row and
 * one filter tap at a time: the row's pixels × channels against the tap's channels repeated along the row, one
 * long loop. The JIT vectorizes such a loop only when every array in it is indexed alike, so each tap's input
 * pixels are first copied into a row buffer (zeros where the tap falls outside the image). For contiguous runs,
 * a multiplier above 1 first repeats each input channel, and a horizontal stride s first reorders every input
 * row by pixel index mod s; the backward undoes both. Forward splits output rows over threads, the input
 * gradient splits images, the filter gradient sums fixed groups of images in order: results do not depend on
 * the thread count.
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
    Runs runs = new Runs(g, c);
    Variable y = tape.output(NAME, g.outputShape(c), input, filter, bias);
    float[] in = runs.reorder(tape, input.values());
    float[][] w = runs.tile(filter.values());
    float[] out = y.values();
    float[] b = bias == null ? new float[c] : bias.values();
    int rowSize = runs.rowSize;
    tape.pool().parallelFor(g.batch * g.outHeight, (r0, r1) -> {
      float[] acc = new float[rowSize];
      float[] run = new float[rowSize];
      for (int row = r0; row < r1; row++) {
        for (int p = 0; p < rowSize; p += c) {
          System.arraycopy(b, 0, acc, p, c);
        }
        runs.forEachTap(row, (tap, kx, i) -> {
          runs.load(in, i, kx, run);
          float[] wt = w[tap];
          for (int j = 0; j < rowSize; j++) {
            acc[j] += run[j] * wt[j];
          }
        });
        System.arraycopy(acc, 0, out, row * rowSize, rowSize);
      }
    });
    tape.record(y, () -> backward(tape, runs, in, w, input, filter, bias, y));
    return y;
  }

  private static void backward(Tape tape, Runs runs, float[] in, float[][] w, Variable x, Variable filter,
      Variable bias, Variable y) {
    ConvGeometry g = runs.g;
    int c = runs.c;
    int rowSize = runs.rowSize;
    float[] dy = y.grad();
    if (x.requiresGrad()) {
      float[] dx = runs.reordered ? new float[in.length] : x.grad();
      // One image per task: the rows of an image write overlapping input rows.
      tape.pool().parallelFor(g.batch, (n0, n1) -> {
        float[] dyRow = new float[rowSize];
        float[] run = new float[rowSize];
        for (int row = n0 * g.outHeight; row < n1 * g.outHeight; row++) {
          System.arraycopy(dy, row * rowSize, dyRow, 0, rowSize);
          runs.forEachTap(row, (tap, kx, i) -> {
            runs.load(dx, i, kx, run);
            float[] wt = w[tap];
            for (int j = 0; j < rowSize; j++) {
              run[j] += dyRow[j] * wt[j];
            }
            runs.store(run, kx, dx, i);
          });
        }
      });
      if (runs.reordered) {
        runs.addRestored(tape, dx, x.grad());
      }
    }
    if (filter.requiresGrad()) {
      int groups = Math.min(FILTER_GROUPS, g.batch);
      float[][] sums = new float[groups][];
      tape.pool().parallelFor(groups, (g0, g1) -> {
        float[] dyRow = new float[rowSize];
        float[] run = new float[rowSize];
        for (int group = g0; group < g1; group++) {
          // Sums per tap and row position, folded over the row's pixels at the end.
          float[][] acc = new float[w.length][rowSize];
          for (int row = g.batch * group / groups * g.outHeight; row < g.batch * (group + 1) / groups * g.outHeight;
              row++) {
            System.arraycopy(dy, row * rowSize, dyRow, 0, rowSize);
            runs.forEachTap(row, (tap, kx, i) -> {
              runs.load(in, i, kx, run);
              float[] sum = acc[tap];
              for (int j = 0; j < rowSize; j++) {
                sum[j] += dyRow[j] * run[j];
              }
            });
          }
          sums[group] = runs.foldRow(acc);
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
      ParallelGemm.addColumnSums(tape.pool(), dy, dy.length / c, c, bias.grad());
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
      Arrays.fill(out, i * mult, (i + 1) * mult, in[i]);
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

  /** One in-bounds filter tap (ky·kw + kx) of an output row, whose first input pixel is at {@code input}. */
  private interface TapBody {
    void visit(int tap, int kx, int input);
  }

  /**
   * The runs of a geometry: under tap kx, the output columns [first, end) of a row read in-bounds input pixels.
   * Input rows are reordered into {@code strideW} phases of {@code phaseWidth} pixels (pixel ix at phase
   * ix mod s, slot ix / s), so the pixels ix = ox·s + offset of consecutive ox are adjacent.
   */
  private static final class Runs {
    final ConvGeometry g;
    final int c;
    final int rowSize;
    final boolean reordered;
    private final int phaseWidth;
    private final int inRowPixels;
    /** Per kx: the first and end output column whose input pixel is in bounds, and that first pixel's slot. */
    private final int[] first;
    private final int[] end;
    private final int[] slot;

    Runs(ConvGeometry g, int c) {
      this.g = g;
      this.c = c;
      this.rowSize = g.outWidth * c;
      this.reordered = g.strideW > 1;
      this.phaseWidth = (g.inWidth + g.strideW - 1) / g.strideW;
      this.inRowPixels = phaseWidth * g.strideW;
      this.first = new int[g.filterWidth];
      this.end = new int[g.filterWidth];
      this.slot = new int[g.filterWidth];
      for (int kx = 0; kx < g.filterWidth; kx++) {
        // ix = ox·strideW + offset must lie in [0, inWidth).
        int offset = kx * g.dilationW - g.padLeft;
        first[kx] = Math.max(0, -Math.floorDiv(offset, g.strideW));
        end[kx] = Math.min(g.outWidth, Math.floorDiv(g.inWidth - 1 - offset, g.strideW) + 1);
        int ix = first[kx] * g.strideW + offset;
        slot[kx] = ix % g.strideW * phaseWidth + ix / g.strideW;
      }
    }

    /** Visits the in-bounds taps of output row {@code row} (image · outHeight + oy) in filter order. */
    void forEachTap(int row, TapBody body) {
      int n = row / g.outHeight;
      int oy = row % g.outHeight;
      for (int ky = 0; ky < g.filterHeight; ky++) {
        int iy = oy * g.strideH - g.padTop + ky * g.dilationH;
        if (iy < 0 || iy >= g.inHeight) {
          continue;
        }
        int inRow = (n * g.inHeight + iy) * inRowPixels;
        for (int kx = 0; kx < g.filterWidth; kx++) {
          if (first[kx] < end[kx]) {
            body.visit(ky * g.filterWidth + kx, kx, (inRow + slot[kx]) * c);
          }
        }
      }
    }

    /** Copies the run of tap kx from {@code src} at {@code input} into {@code row}, zeros outside it. */
    void load(float[] src, int input, int kx, float[] row) {
      Arrays.fill(row, 0, first[kx] * c, 0f);
      System.arraycopy(src, input, row, first[kx] * c, (end[kx] - first[kx]) * c);
      Arrays.fill(row, end[kx] * c, rowSize, 0f);
    }

    /** Copies the run of tap kx from {@code row} back to {@code dst} at {@code input}. */
    void store(float[] row, int kx, float[] dst, int input) {
      System.arraycopy(row, first[kx] * c, dst, input, (end[kx] - first[kx]) * c);
    }

    /** The filter [kh·kw taps][c] as [taps][outWidth·c], each tap's channels repeated along the row. */
    float[][] tile(float[] w) {
      float[][] tiled = new float[g.filterHeight * g.filterWidth][rowSize];
      for (int t = 0; t < tiled.length; t++) {
        for (int p = 0; p < rowSize; p += c) {
          System.arraycopy(w, t * c, tiled[t], p, c);
        }
      }
      return tiled;
    }

    /** The inverse of {@link #tile} for gradients: each tap's channels summed over the row's pixels in order. */
    float[] foldRow(float[][] tiled) {
      float[] w = new float[tiled.length * c];
      for (int t = 0; t < tiled.length; t++) {
        for (int p = 0; p < rowSize; p += c) {
          for (int ch = 0; ch < c; ch++) {
            w[t * c + ch] += tiled[t][p + ch];
          }
        }
      }
      return w;
    }

    /** The input with rows in phase order (itself when the stride is 1). */
    float[] reorder(Tape tape, float[] x) {
      if (!reordered) {
        return x;
      }
      float[] phased = new float[g.batch * g.inHeight * inRowPixels * c];
      tape.pool().parallelFor(g.batch * g.inHeight, (r0, r1) -> {
        for (int r = r0; r < r1; r++) {
          for (int ix = 0; ix < g.inWidth; ix++) {
            System.arraycopy(x, (r * g.inWidth + ix) * c, phased, (r * inRowPixels + position(ix)) * c, c);
          }
        }
      });
      return phased;
    }

    /** Adds a gradient in phase order into {@code dx} in the input's order. */
    void addRestored(Tape tape, float[] phased, float[] dx) {
      tape.pool().parallelFor(g.batch * g.inHeight, (r0, r1) -> {
        for (int r = r0; r < r1; r++) {
          for (int ix = 0; ix < g.inWidth; ix++) {
            int from = (r * inRowPixels + position(ix)) * c;
            int to = (r * g.inWidth + ix) * c;
            for (int ch = 0; ch < c; ch++) {
              dx[to + ch] += phased[from + ch];
            }
          }
        }
      });
    }

    private int position(int ix) {
      return ix % g.strideW * phaseWidth + ix / g.strideW;
    }
  }
}
