package ai.fovea.kernels.conv;

import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * DEPTHWISE_CONV_2D on float32 NHWC tensors: filter [1, kh, kw, inC × multiplier], output channel
 * {@code c × multiplier + m} reads input channel c. The optimized form accumulates each output pixel along the
 * channel axis (contiguous in input, filter and output, so C2 vectorizes it), skipping padding taps per tap
 * rather than per element; the input is first expanded by the multiplier when it is above 1. Threads split
 * output rows.
 */
public final class DepthwiseConv2DFloat implements Op {
  private final DepthwiseParams params;
  private final ComputePool pool;
  private ConvGeometry g;
  private int outChannels;
  private float[][] expanded;

  public DepthwiseConv2DFloat(DepthwiseParams params, ComputePool pool) {
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    ConvShapes.requireTypes(DepthwiseGeometry.NAME, DataType.FLOAT32, inputs, outputs);
    g = DepthwiseGeometry.of(inputs[0], inputs[1], inputs.length > 2 ? inputs[2] : null, params);
    outChannels = inputs[1].shape().dim(3);
    outputs[0].resize(g.outputShape(outChannels));
    expanded = params.depthMultiplier == 1 ? null : new float[pool.threads()][outChannels];
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    float[] in = inputs[0].floats();
    float[] w = inputs[1].floats();
    float[] bias = inputs.length > 2 && inputs[2] != null ? inputs[2].floats() : null;
    float[] out = outputs[0].floats();
    float lo = params.conv.activation.floatMin();
    float hi = params.conv.activation.floatMax();
    int rows = g.batch * g.outHeight;
    int threads = pool.threads();
    int mult = params.depthMultiplier;
    pool.parallelFor(threads, 1, (t0, t1) -> {
      for (int t = t0; t < t1; t++) {
        float[] wide = expanded == null ? null : expanded[t];
        for (int row = rows * t / threads, end = rows * (t + 1) / threads; row < end; row++) {
          int b = row / g.outHeight;
          int oy = row % g.outHeight;
          for (int ox = 0; ox < g.outWidth; ox++) {
            int o = ((b * g.outHeight + oy) * g.outWidth + ox) * outChannels;
            if (bias == null) {
              java.util.Arrays.fill(out, o, o + outChannels, 0f);
            } else {
              System.arraycopy(bias, 0, out, o, outChannels);
            }
            for (int ky = 0; ky < g.filterHeight; ky++) {
              int iy = oy * g.strideH - g.padTop + ky * g.dilationH;
              if (iy < 0 || iy >= g.inHeight) {
                continue;
              }
              for (int kx = 0; kx < g.filterWidth; kx++) {
                int ix = ox * g.strideW - g.padLeft + kx * g.dilationW;
                if (ix < 0 || ix >= g.inWidth) {
                  continue;
                }
                int i = ((b * g.inHeight + iy) * g.inWidth + ix) * g.inChannels;
                int f = (ky * g.filterWidth + kx) * outChannels;
                if (wide == null) {
                  for (int c = 0; c < outChannels; c++) {
                    out[o + c] += in[i + c] * w[f + c];
                  }
                } else {
                  for (int c = 0; c < outChannels; c++) {
                    wide[c] = in[i + c / mult];
                  }
                  for (int c = 0; c < outChannels; c++) {
                    out[o + c] += wide[c] * w[f + c];
                  }
                }
              }
            }
            for (int c = 0; c < outChannels; c++) {
              out[o + c] = Math.min(Math.max(out[o + c], lo), hi);
            }
          }
        }
      }
    });
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    float[] in = inputs[0].floats();
    float[] w = inputs[1].floats();
    float[] bias = inputs.length > 2 && inputs[2] != null ? inputs[2].floats() : null;
    float[] out = outputs[0].floats();
    int mult = params.depthMultiplier;
    for (int b = 0; b < g.batch; b++) {
      for (int oy = 0; oy < g.outHeight; oy++) {
        for (int ox = 0; ox < g.outWidth; ox++) {
          for (int ic = 0; ic < g.inChannels; ic++) {
            for (int m = 0; m < mult; m++) {
              int oc = ic * mult + m;
              float acc = bias == null ? 0f : bias[oc];
              for (int ky = 0; ky < g.filterHeight; ky++) {
                for (int kx = 0; kx < g.filterWidth; kx++) {
                  int iy = oy * g.strideH - g.padTop + ky * g.dilationH;
                  int ix = ox * g.strideW - g.padLeft + kx * g.dilationW;
                  if (iy >= 0 && iy < g.inHeight && ix >= 0 && ix < g.inWidth) {
                    acc += in[((b * g.inHeight + iy) * g.inWidth + ix) * g.inChannels + ic]
                        * w[(ky * g.filterWidth + kx) * outChannels + oc];
                  }
                }
              }
              out[((b * g.outHeight + oy) * g.outWidth + ox) * outChannels + oc] =
                  Math.min(Math.max(acc, params.conv.activation.floatMin()), params.conv.activation.floatMax());
            }
          }
        }
      }
    }
  }
}
