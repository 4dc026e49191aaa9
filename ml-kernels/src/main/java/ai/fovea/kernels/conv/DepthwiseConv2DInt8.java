package ai.fovea.kernels.conv;

import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * DEPTHWISE_CONV_2D on int8 NHWC tensors with per-channel symmetric filters: the accumulator of output channel
 * oc is {@code Σ (x − zp_in)·w + bias}, requantized with the double-precision scale product and gemmlowp's
 * double rounding, as TFLite's depthwise kernels do. The optimized form accumulates along channels in an int
 * row per thread, with the filter widened to int at prepare and the input's zero point removed once per tap
 * row.
 */
public final class DepthwiseConv2DInt8 implements Op {
  private final DepthwiseParams params;
  private final ComputePool pool;
  private ConvGeometry g;
  private int outChannels;
  private int[] filter;
  private ChannelRequantizer requantizer;
  private int[][] accumulators;
  private int[][] centered;

  public DepthwiseConv2DInt8(DepthwiseParams params, ComputePool pool) {
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    ConvShapes.requireTypes(DepthwiseGeometry.NAME, DataType.INT8, inputs, outputs);
    g = DepthwiseGeometry.of(inputs[0], inputs[1], inputs.length > 2 ? inputs[2] : null, params);
    outChannels = inputs[1].shape().dim(3);
    outputs[0].resize(g.outputShape(outChannels));
    requantizer = ChannelRequantizer.of(DepthwiseGeometry.NAME, inputs[0], inputs[1], outputs[0], outChannels,
        params.conv.activation, false, ChannelRequantizer.Rounding.DOUBLE);
    byte[] w = inputs[1].bytes();
    filter = new int[inputs[1].size()];
    for (int i = 0; i < filter.length; i++) {
      filter[i] = w[i];
    }
    accumulators = new int[pool.threads()][outChannels];
    centered = new int[pool.threads()][outChannels];
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    byte[] in = inputs[0].bytes();
    int[] bias = inputs.length > 2 && inputs[2] != null ? inputs[2].ints() : null;
    byte[] out = outputs[0].bytes();
    int zp = inputs[0].quantization().zeroPoint();
    int mult = params.depthMultiplier;
    int rows = g.batch * g.outHeight;
    int threads = pool.threads();
    pool.parallelFor(threads, 1, (t0, t1) -> {
      for (int t = t0; t < t1; t++) {
        int[] acc = accumulators[t];
        int[] x = centered[t];
        for (int row = rows * t / threads, end = rows * (t + 1) / threads; row < end; row++) {
          int b = row / g.outHeight;
          int oy = row % g.outHeight;
          for (int ox = 0; ox < g.outWidth; ox++) {
            if (bias == null) {
              java.util.Arrays.fill(acc, 0);
            } else {
              System.arraycopy(bias, 0, acc, 0, outChannels);
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
                if (mult == 1) {
                  for (int c = 0; c < outChannels; c++) {
                    x[c] = in[i + c] - zp;
                  }
                } else {
                  for (int c = 0; c < outChannels; c++) {
                    x[c] = in[i + c / mult] - zp;
                  }
                }
                for (int c = 0; c < outChannels; c++) {
                  acc[c] += x[c] * filter[f + c];
                }
              }
            }
            int o = ((b * g.outHeight + oy) * g.outWidth + ox) * outChannels;
            for (int c = 0; c < outChannels; c++) {
              out[o + c] = (byte) requantizer.apply(acc[c], c);
            }
          }
        }
      }
    });
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    byte[] in = inputs[0].bytes();
    byte[] w = inputs[1].bytes();
    int[] bias = inputs.length > 2 && inputs[2] != null ? inputs[2].ints() : null;
    byte[] out = outputs[0].bytes();
    int zp = inputs[0].quantization().zeroPoint();
    int mult = params.depthMultiplier;
    for (int b = 0; b < g.batch; b++) {
      for (int oy = 0; oy < g.outHeight; oy++) {
        for (int ox = 0; ox < g.outWidth; ox++) {
          for (int ic = 0; ic < g.inChannels; ic++) {
            for (int m = 0; m < mult; m++) {
              int oc = ic * mult + m;
              int acc = 0;
              for (int ky = 0; ky < g.filterHeight; ky++) {
                for (int kx = 0; kx < g.filterWidth; kx++) {
                  int iy = oy * g.strideH - g.padTop + ky * g.dilationH;
                  int ix = ox * g.strideW - g.padLeft + kx * g.dilationW;
                  if (iy >= 0 && iy < g.inHeight && ix >= 0 && ix < g.inWidth) {
                    acc += (in[((b * g.inHeight + iy) * g.inWidth + ix) * g.inChannels + ic] - zp)
                        * w[(ky * g.filterWidth + kx) * outChannels + oc];
                  }
                }
              }
              if (bias != null) {
                acc += bias[oc];
              }
              out[((b * g.outHeight + oy) * g.outWidth + ox) * outChannels + oc] = (byte) requantizer.apply(acc, oc);
            }
          }
        }
      }
    }
  }
}
