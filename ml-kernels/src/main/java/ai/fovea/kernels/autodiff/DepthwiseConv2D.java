package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.conv.DepthwiseParams;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;

/**
 * DEPTHWISE_CONV_2D for training: input NHWC with C channels, filter [1, kh, kw, C·multiplier] (TFLite's
 * layout), optional bias [C·multiplier]; output channel o reads input channel o / multiplier. Each output
 * needs only kh·kw products, too few for a GEMM, so all three passes are direct loops: forward and the input
 * gradient split the batch over threads, the filter gradient sums fixed groups of images.
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
    float[] w = filter.values();
    float[] out = y.values();
    float[] b = bias == null ? null : bias.values();
    tape.pool().parallelFor(g.batch, (b0, b1) -> {
      for (int n = b0; n < b1; n++) {
        for (int oy = 0; oy < g.outHeight; oy++) {
          for (int ox = 0; ox < g.outWidth; ox++) {
            int o = ((n * g.outHeight + oy) * g.outWidth + ox) * outC;
            if (b != null) {
              System.arraycopy(b, 0, out, o, outC);
            }
            forEachTap(g, outC, n, oy, ox, (i, f) -> multiplyAdd(out, o, in, i, w, f, outC, mult));
          }
        }
      }
    });
    tape.record(y, () -> {
      float[] dy = y.grad();
      if (x.requiresGrad()) {
        float[] dx = x.grad();
        tape.pool().parallelFor(g.batch, (b0, b1) -> {
          for (int n = b0; n < b1; n++) {
            for (int oy = 0; oy < g.outHeight; oy++) {
              for (int ox = 0; ox < g.outWidth; ox++) {
                int o = ((n * g.outHeight + oy) * g.outWidth + ox) * outC;
                forEachTap(g, outC, n, oy, ox, (i, f) -> scatterProduct(dx, i, dy, o, w, f, outC, mult));
              }
            }
          }
        });
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

  /**
   * {@code dw += Σ dy ⊗ input taps}. Images are cut into at most {@link #GROUPS} fixed groups; threads take whole
   * groups, each group sums into its own copy of dw, and the copies are added in order: every channel's loop
   * is the full channel count long, and the result does not depend on the thread count.
   */
  private static void addFilterGradient(Tape tape, ConvGeometry g, float[] in, float[] dy, int outC, int mult,
      float[] dw) {
    int groups = Math.min(GROUPS, g.batch);
    float[][] sums = new float[groups][dw.length];
    tape.pool().parallelFor(groups, (g0, g1) -> {
      for (int group = g0; group < g1; group++) {
        float[] sum = sums[group];
        for (int n = g.batch * group / groups; n < g.batch * (group + 1) / groups; n++) {
          for (int oy = 0; oy < g.outHeight; oy++) {
            for (int ox = 0; ox < g.outWidth; ox++) {
              int o = ((n * g.outHeight + oy) * g.outWidth + ox) * outC;
              forEachTap(g, outC, n, oy, ox, (i, f) -> multiplyAdd(sum, f, in, i, dy, o, outC, mult));
            }
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

  /** {@code acc[a + ch] += x[i + ch / mult] · y[j + ch]} for every output channel ch. */
  private static void multiplyAdd(float[] acc, int a, float[] x, int i, float[] y, int j, int outC, int mult) {
    if (mult == 1) {
      // Multiplier 1 needs no integer division per channel, the costliest step of the general loop.
      for (int ch = 0; ch < outC; ch++) {
        acc[a + ch] += x[i + ch] * y[j + ch];
      }
    } else {
      for (int ch = 0; ch < outC; ch++) {
        acc[a + ch] += x[i + ch / mult] * y[j + ch];
      }
    }
  }

  /** {@code dx[i + ch / mult] += dy[o + ch] · w[f + ch]} for every output channel ch. */
  private static void scatterProduct(float[] dx, int i, float[] dy, int o, float[] w, int f, int outC, int mult) {
    if (mult == 1) {
      for (int ch = 0; ch < outC; ch++) {
        dx[i + ch] += dy[o + ch] * w[f + ch];
      }
    } else {
      for (int ch = 0; ch < outC; ch++) {
        dx[i + ch / mult] += dy[o + ch] * w[f + ch];
      }
    }
  }

  /** One in-bounds tap: the input pixel's first channel index and the filter tap's first channel index. */
  private interface Tap {
    void visit(int input, int filter);
  }

  private static void forEachTap(ConvGeometry g, int outC, int n, int oy, int ox, Tap tap) {
    for (int ky = 0; ky < g.filterHeight; ky++) {
      int iy = oy * g.strideH - g.padTop + ky * g.dilationH;
      if (iy < 0 || iy >= g.inHeight) {
        continue;
      }
      for (int kx = 0; kx < g.filterWidth; kx++) {
        int ix = ox * g.strideW - g.padLeft + kx * g.dilationW;
        if (ix >= 0 && ix < g.inWidth) {
          tap.visit(((n * g.inHeight + iy) * g.inWidth + ix) * g.inChannels, (ky * g.filterWidth + kx) * outC);
        }
      }
    }
  }
}
