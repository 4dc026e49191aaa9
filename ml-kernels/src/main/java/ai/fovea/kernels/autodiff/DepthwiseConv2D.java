package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.conv.DepthwiseParams;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;

/**
 * DEPTHWISE_CONV_2D for training: input NHWC with C channels, filter [1, kh, kw, C·multiplier] (TFLite's
 * layout), optional bias [C·multiplier]; output channel o reads input channel o / multiplier. Each output
 * needs only kh·kw products, too few for a GEMM, so all three passes are direct loops over one output row at a
 * time: for each tap, the run of pixels whose input is in bounds is copied into a zero-based row buffer
 * ({@link #stage}) so that the multiply-adds index every array alike — the only loops HotSpot C2 vectorizes
 * (it cannot rule out that two differently-offset float arrays alias). Forward and the input gradient split the
 * batch over threads, the filter gradient sums fixed groups of images.
 */
public final class DepthwiseConv2D {
  private static final String NAME = "DEPTHWISE_CONV_2D";
  /** Fixed image groups of the filter gradient: enough to balance 16 threads, fixed for determinism. */
  private static final int GROUPS = 16;

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
    int outC = fs.dim(3);
    if (bias != null && !bias.shape().equals(Shape.of(outC))) {
      throw new OpPrepareException(NAME, "bias must be [" + outC + "], got " + bias.shape());
    }
    ConvGeometry g = ConvGeometry.of(NAME, xs, fs.dim(1), fs.dim(2), params.conv.strideH, params.conv.strideW,
        params.conv.dilationH, params.conv.dilationW, params.conv.padding);
    Variable y = tape.output(NAME, g.outputShape(outC), x, filter, bias);
    float[] in = x.values();
    float[] out = y.values();
    float[] b = bias == null ? null : bias.values();
    float[][] taps = tiledTaps(filter.values(), g, outC);
    int rowSize = g.outWidth * outC;
    tape.pool().parallelFor(g.batch, (b0, b1) -> {
      float[] acc = new float[rowSize];
      float[] staged = new float[rowSize];
      for (int n = b0; n < b1; n++) {
        for (int oy = 0; oy < g.outHeight; oy++) {
          for (int ox = 0; ox < g.outWidth; ox++) {
            if (b == null) {
              java.util.Arrays.fill(acc, ox * outC, (ox + 1) * outC, 0f);
            } else {
              System.arraycopy(b, 0, acc, ox * outC, outC);
            }
          }
          for (int ky = 0; ky < g.filterHeight; ky++) {
            int iy = oy * g.strideH - g.padTop + ky * g.dilationH;
            if (iy < 0 || iy >= g.inHeight) {
              continue;
            }
            for (int kx = 0; kx < g.filterWidth; kx++) {
              int j0 = firstColumn(g, kx) * outC;
              int j1 = endColumn(g, kx) * outC;
              stage(in, g, n, iy, kx, outC, mult, staged, false);
              float[] wt = taps[ky * g.filterWidth + kx];
              for (int j = j0; j < j1; j++) {
                acc[j] += staged[j] * wt[j];
              }
            }
          }
          System.arraycopy(acc, 0, out, (n * g.outHeight + oy) * rowSize, rowSize);
        }
      }
    });
    tape.record(y, () -> {
      float[] dy = y.grad();
      if (x.requiresGrad()) {
        float[] dx = x.grad();
        tape.pool().parallelFor(g.batch, (b0, b1) -> addInputGradient(g, taps, dy, outC, mult, b0, b1, dx));
      }
      if (filter.requiresGrad()) {
        addFilterGradient(tape, g, in, dy, outC, mult, filter.grad());
      }
      if (bias != null && bias.requiresGrad()) {
        ParallelGemm.addColumnSums(dy, dy.length / outC, outC, bias.grad());
      }
    });
    return y;
  }

  /** {@code taps[t][ox·outC + ch] = w[t·outC + ch]}: each tap's weights repeated across an output row. */
  private static float[][] tiledTaps(float[] w, ConvGeometry g, int outC) {
    float[][] taps = new float[g.filterHeight * g.filterWidth][g.outWidth * outC];
    for (int t = 0; t < taps.length; t++) {
      for (int ox = 0; ox < g.outWidth; ox++) {
        System.arraycopy(w, t * outC, taps[t], ox * outC, outC);
      }
    }
    return taps;
  }

  /** dx for images [n0, n1): each image's rows are written by one thread only. */
  private static void addInputGradient(ConvGeometry g, float[][] taps, float[] dy, int outC, int mult, int n0,
      int n1, float[] dx) {
    int rowSize = g.outWidth * outC;
    float[] dys = new float[rowSize];
    float[] dxs = new float[rowSize];
    for (int n = n0; n < n1; n++) {
      for (int oy = 0; oy < g.outHeight; oy++) {
        System.arraycopy(dy, (n * g.outHeight + oy) * rowSize, dys, 0, rowSize);
        for (int ky = 0; ky < g.filterHeight; ky++) {
          int iy = oy * g.strideH - g.padTop + ky * g.dilationH;
          if (iy < 0 || iy >= g.inHeight) {
            continue;
          }
          for (int kx = 0; kx < g.filterWidth; kx++) {
            int ox0 = firstColumn(g, kx);
            int ox1 = endColumn(g, kx);
            float[] wt = taps[ky * g.filterWidth + kx];
            if (mult == 1) {
              // Within one tap's run every output pixel reads a different input pixel: gather, add, put back.
              stage(dx, g, n, iy, kx, outC, 1, dxs, false);
              for (int j = ox0 * outC; j < ox1 * outC; j++) {
                dxs[j] += dys[j] * wt[j];
              }
              stage(dx, g, n, iy, kx, outC, 1, dxs, true);
            } else {
              for (int ox = ox0; ox < ox1; ox++) {
                int i = inputPixel(g, n, iy, kx, ox) * g.inChannels;
                for (int ch = 0; ch < outC; ch++) {
                  dx[i + ch / mult] += dys[ox * outC + ch] * wt[ox * outC + ch];
                }
              }
            }
          }
        }
      }
    }
  }

  /**
   * {@code dw += Σ dy ⊗ input taps}. Images are cut into at most {@link #GROUPS} fixed groups; threads take whole
   * groups, each group sums per tap and output column into its own rows, reduced over the columns at the end of
   * the group, and the group sums are added in order: the result does not depend on the thread count.
   */
  private static void addFilterGradient(Tape tape, ConvGeometry g, float[] in, float[] dy, int outC, int mult,
      float[] dw) {
    int groups = Math.min(GROUPS, g.batch);
    int rowSize = g.outWidth * outC;
    float[][] sums = new float[groups][dw.length];
    tape.pool().parallelFor(groups, (g0, g1) -> {
      float[] dys = new float[rowSize];
      float[] xs = new float[rowSize];
      float[][] perTap = new float[g.filterHeight * g.filterWidth][rowSize];
      for (int group = g0; group < g1; group++) {
        for (float[] row : perTap) {
          java.util.Arrays.fill(row, 0f);
        }
        for (int n = g.batch * group / groups; n < g.batch * (group + 1) / groups; n++) {
          for (int oy = 0; oy < g.outHeight; oy++) {
            System.arraycopy(dy, (n * g.outHeight + oy) * rowSize, dys, 0, rowSize);
            for (int ky = 0; ky < g.filterHeight; ky++) {
              int iy = oy * g.strideH - g.padTop + ky * g.dilationH;
              if (iy < 0 || iy >= g.inHeight) {
                continue;
              }
              for (int kx = 0; kx < g.filterWidth; kx++) {
                int j1 = endColumn(g, kx) * outC;
                stage(in, g, n, iy, kx, outC, mult, xs, false);
                float[] sum = perTap[ky * g.filterWidth + kx];
                for (int j = firstColumn(g, kx) * outC; j < j1; j++) {
                  sum[j] += dys[j] * xs[j];
                }
              }
            }
          }
        }
        for (int t = 0; t < perTap.length; t++) {
          for (int j = 0; j < rowSize; j++) {
            sums[group][t * outC + j % outC] += perTap[t][j];
          }
        }
      }
    });
    for (float[] sum : sums) {
      for (int i = 0; i < dw.length; i++) {
        dw[i] += sum[i];
      }
    }
  }

  /** The first output column whose tap kx reads an in-bounds input column. */
  private static int firstColumn(ConvGeometry g, int kx) {
    return Math.max(0, Math.floorDiv(g.padLeft - kx * g.dilationW + g.strideW - 1, g.strideW));
  }

  /** One past the last output column whose tap kx reads an in-bounds input column. */
  private static int endColumn(ConvGeometry g, int kx) {
    return Math.min(g.outWidth, Math.floorDiv(g.inWidth + g.padLeft - kx * g.dilationW + g.strideW - 1, g.strideW));
  }

  /** The input pixel (flat index over n, y, x) that output column ox reads through tap kx on input row iy. */
  private static int inputPixel(ConvGeometry g, int n, int iy, int kx, int ox) {
    return (n * g.inHeight + iy) * g.inWidth + ox * g.strideW - g.padLeft + kx * g.dilationW;
  }

  /**
   * Copies what the in-bounds run of tap kx on input row iy reads into {@code row[ox·outC + ch]} (input channel
   * ch / mult), or with {@code back} (multiplier 1 only) copies the row buffer's run back into {@code src}.
   */
  private static void stage(float[] src, ConvGeometry g, int n, int iy, int kx, int outC, int mult, float[] row,
      boolean back) {
    int ox0 = firstColumn(g, kx);
    int ox1 = endColumn(g, kx);
    if (ox0 >= ox1) {
      return;
    }
    int inC = g.inChannels;
    if (mult == 1 && g.strideW == 1) {
      int i = inputPixel(g, n, iy, kx, ox0) * inC;
      int length = (ox1 - ox0) * outC;
      if (back) {
        System.arraycopy(row, ox0 * outC, src, i, length);
      } else {
        System.arraycopy(src, i, row, ox0 * outC, length);
      }
      return;
    }
    for (int ox = ox0; ox < ox1; ox++) {
      int i = inputPixel(g, n, iy, kx, ox) * inC;
      if (mult != 1) {
        for (int ch = 0; ch < outC; ch++) {
          row[ox * outC + ch] = src[i + ch / mult];
        }
      } else if (back) {
        System.arraycopy(row, ox * outC, src, i, outC);
      } else {
        System.arraycopy(src, i, row, ox * outC, outC);
      }
    }
  }
}
