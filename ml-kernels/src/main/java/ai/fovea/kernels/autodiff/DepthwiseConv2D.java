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
 * gradient split the batch over threads, the filter gradient splits channels.
 */
public final class DepthwiseConv2D {
  private static final String NAME = "DEPTHWISE_CONV_2D";

  private DepthwiseConv2D() {}

  /** {@code params.conv.activation} must be NONE; {@code bias} may be null. */
  public static Variable apply(Tape tape, Variable x, Variable filter, Variable bias, DepthwiseParams params) {
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
            for (int ch = 0; ch < outC; ch++) {
              out[o + ch] = b == null ? 0f : b[ch];
            }
            forEachTap(g, outC, n, oy, ox, (i, f) -> {
              for (int ch = 0; ch < outC; ch++) {
                out[o + ch] += in[i + ch / mult] * w[f + ch];
              }
            });
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
                forEachTap(g, outC, n, oy, ox, (i, f) -> {
                  for (int ch = 0; ch < outC; ch++) {
                    dx[i + ch / mult] += dy[o + ch] * w[f + ch];
                  }
                });
              }
            }
          }
        });
      }
      if (filter.requiresGrad()) {
        float[] dw = filter.grad();
        tape.pool().parallelFor(outC, (c0, c1) -> {
          for (int n = 0; n < g.batch; n++) {
            for (int oy = 0; oy < g.outHeight; oy++) {
              for (int ox = 0; ox < g.outWidth; ox++) {
                int o = ((n * g.outHeight + oy) * g.outWidth + ox) * outC;
                forEachTap(g, outC, n, oy, ox, (i, f) -> {
                  for (int ch = c0; ch < c1; ch++) {
                    dw[f + ch] += dy[o + ch] * in[i + ch / mult];
                  }
                });
              }
            }
          }
        });
      }
      if (bias != null && bias.requiresGrad()) {
        ParallelGemm.addColumnSums(dy, dy.length / outC, outC, bias.grad());
      }
    });
    return y;
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
