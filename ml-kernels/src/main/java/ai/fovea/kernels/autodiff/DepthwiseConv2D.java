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
 * one filter tap at a time. The in-bounds pixels of that row then form one contiguous run of
 * pixels × channels in the output, in the input and in the filter tap repeated along the row, a single long
 * loop the JIT vectorizes. For that, a multiplier above 1 first repeats each input channel, and a horizontal
 * stride s first reorders every input row by pixel index mod s (the pixels one run reads become adjacent);
 * the backward undoes both. Forward splits output rows over threads, the input gradient splits images, the
 * filter gradient sums fixed groups of images in order: results do not depend on the thread count.
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
    float[] w = runs.tile(filter.values());
    float[] out = y.values();
    float[] b = bias == null ? null : bias.values();
    tape.pool().parallelFor(g.batch * g.outHeight, (r0, r1) -> {
      for (int row = r0; row < r1; row++) {
        if (b != null) {
          for (int p = row * runs.rowSize; p < (row + 1) * runs.rowSize; p += c) {
            System.arraycopy(b, 0, out, p, c);
          }
        }
        runs.forEachTap(row, (o, i, f, length) -> {
          for (int j = 0; j < length; j++) {
            out[o + j] += in[i + j] * w[f + j];
          }
        });
      }
    });
    tape.record(y, () -> backward(tape, runs, in, w, input, filter, bias, y));
    return y;
  }

  private static void backward(Tape tape, Runs runs, float[] in, float[] w, Variable x, Variable filter,
      Variable bias, Variable y) {
    ConvGeometry g = runs.g;
    int c = runs.c;
    float[] dy = y.grad();
    if (x.requiresGrad()) {
      float[] dx = runs.reordered ? new float[in.length] : x.grad();
      // One image per task: the rows of an image write overlapping input rows.
      tape.pool().parallelFor(g.batch, (n0, n1) -> {
        for (int row = n0 * g.outHeight; row < n1 * g.outHeight; row++) {
          runs.forEachTap(row, (o, i, f, length) -> {
            for (int j = 0; j < length; j++) {
              dx[i + j] += dy[o + j] * w[f + j];
            }
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
        for (int group = g0; group < g1; group++) {
          // Sums per tap and row position, folded over the row's pixels at the end.
          float[] acc = new float[w.length];
          for (int row = g.batch * group / groups * g.outHeight; row < g.batch * (group + 1) / groups * g.outHeight;
              row++) {
            runs.forEachTap(row, (o, i, f, length) -> {
              for (int j = 0; j < length; j++) {
                acc[f + j] += dy[o + j] * in[i + j];
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
   * One run: {@code length} values from index {@code output} of the output (or its gradient), {@code input} of
   * the reordered input and {@code filter} of the tiled filter.
   */
  private interface RunBody {
    void visit(int output, int input, int filter, int length);
  }

  /**
   * The runs of a geometry. Input rows are reordered into {@code strideW} phases of {@code phaseWidth} pixels
   * (pixel ix at phase ix mod s, slot ix / s), so the pixels ix = ox·s + offset of consecutive ox are adjacent.
   * The filter is tiled into one row per tap, its channels repeated for every output pixel.
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

    /** Visits the runs of output row {@code row} (image · outHeight + oy) in filter-tap order. */
    void forEachTap(int row, RunBody body) {
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
            body.visit((row * g.outWidth + first[kx]) * c, (inRow + slot[kx]) * c,
                (ky * g.filterWidth + kx) * rowSize + first[kx] * c, (end[kx] - first[kx]) * c);
          }
        }
      }
    }

    /** The filter [kh·kw taps][c] as [taps][outWidth·c]. */
    float[] tile(float[] w) {
      int taps = g.filterHeight * g.filterWidth;
      float[] tiled = new float[taps * rowSize];
      for (int t = 0; t < taps; t++) {
        for (int p = 0; p < g.outWidth; p++) {
          System.arraycopy(w, t * c, tiled, t * rowSize + p * c, c);
        }
      }
      return tiled;
    }

    /** The inverse of {@link #tile} for gradients: each tap's channels summed over the row's pixels in order. */
    float[] foldRow(float[] tiled) {
      int taps = g.filterHeight * g.filterWidth;
      float[] w = new float[taps * c];
      for (int t = 0; t < taps; t++) {
        for (int p = 0; p < g.outWidth; p++) {
          for (int ch = 0; ch < c; ch++) {
            w[t * c + ch] += tiled[t * rowSize + p * c + ch];
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
