package ai.fovea.kernels.conv;

import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * DEPTHWISE_CONV_2D on float32 NHWC tensors: input, filter [1, kh, kw, inC × multiplier], optional bias; output
 * channel {@code c × multiplier + m} reads input channel c. The optimized form follows {@link DepthwiseTaps}:
 * per segment of an output row it starts from the bias, adds the in-image taps three at a time in vectorizable
 * loops, clamps and copies the segment out; the input is first expanded by the multiplier when that is above 1.
 * Both forms add the bias, then the taps in row-major order, so they agree exactly (padding taps add a zero).
 * Threads split output rows.
 */
public final class DepthwiseConv2DFloat implements Op {
  private final DepthwiseParams params;
  private final ComputePool pool;
  private ConvGeometry g;
  private int outChannels;
  private DepthwiseTaps taps;
  private float[][] weightRows;
  private float[] biasRow;
  private float[] zeros;
  private float[] expanded;
  private float[][][] gathered;
  private float[][] accumulators;

  public DepthwiseConv2DFloat(DepthwiseParams params, ComputePool pool) {
    if (params == null || pool == null) {
      throw new IllegalArgumentException("params and pool are required");
    }
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    ConvShapes.requireTypes(DepthwiseGeometry.NAME, DataType.FLOAT32, inputs, outputs);
    Tensor bias = inputs.length > 2 ? inputs[2] : null;
    g = DepthwiseGeometry.of(inputs[0], inputs[1], bias, params);
    outChannels = inputs[1].shape().dim(3);
    outputs[0].resize(g.outputShape(outChannels));
    taps = new DepthwiseTaps(g, outChannels);
    weightRows = new float[taps.tapCount()][taps.segmentLength];
    for (int t = 0; t < weightRows.length; t++) {
      taps.repeatPerPixel(inputs[1].floats(), t * outChannels, weightRows[t]);
    }
    biasRow = new float[taps.segmentLength];
    if (bias != null) {
      taps.repeatPerPixel(bias.floats(), 0, biasRow);
    }
    zeros = new float[taps.segmentLength];
    expanded = params.depthMultiplier == 1 ? null : new float[g.batch * g.inHeight * g.inWidth * outChannels];
    gathered = new float[pool.threads()][3][taps.segmentLength];
    accumulators = new float[pool.threads()][taps.segmentLength];
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    float[] src = inputs[0].floats();
    if (expanded != null) {
      expand(src);
      src = expanded;
    }
    float[] source = src;
    float[] out = outputs[0].floats();
    int rows = taps.rows();
    int threads = pool.threads();
    pool.parallelFor(threads, 1, (t0, t1) -> {
      for (int t = t0; t < t1; t++) {
        for (int row = rows * t / threads, end = rows * (t + 1) / threads; row < end; row++) {
          convolveRow(source, out, row, gathered[t], accumulators[t]);
        }
      }
    });
  }

  private void expand(float[] in) {
    int mult = params.depthMultiplier;
    int values = g.batch * g.inHeight * g.inWidth * g.inChannels;
    pool.parallelFor(values, 4096, (i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        for (int m = 0; m < mult; m++) {
          expanded[i * mult + m] = in[i];
        }
      }
    });
  }

  private void convolveRow(float[] src, float[] out, int row, float[][] tap, float[] acc) {
    float lo = params.conv.activation.floatMin();
    float hi = params.conv.activation.floatMax();
    int first = taps.firstTap(row);
    int end = taps.endTap(row);
    for (int ox0 = 0; ox0 < g.outWidth; ox0 += taps.segmentPixels) {
      int count = Math.min(taps.segmentPixels, g.outWidth - ox0);
      int n = count * outChannels;
      System.arraycopy(biasRow, 0, acc, 0, n);
      for (int t = first; t < end; t += 3) {
        int k = Math.min(3, end - t);
        for (int i = 0; i < k; i++) {
          taps.gather(src, zeros, tap[i], row, ox0, count, t + i);
        }
        if (k == 3) {
          add3(acc, tap[0], weightRows[t], tap[1], weightRows[t + 1], tap[2], weightRows[t + 2], n);
        } else if (k == 2) {
          add2(acc, tap[0], weightRows[t], tap[1], weightRows[t + 1], n);
        } else {
          add1(acc, tap[0], weightRows[t], n);
        }
      }
      for (int j = 0; j < n; j++) {
        acc[j] = Math.min(Math.max(acc[j], lo), hi);
      }
      System.arraycopy(acc, 0, out, (row * g.outWidth + ox0) * outChannels, n);
    }
  }

  // Written acc + a·wa + b·wb (not acc += …) so the sum runs in the reference's order.
  private static void add3(float[] acc, float[] a, float[] wa, float[] b, float[] wb, float[] c, float[] wc, int n) {
    for (int j = 0; j < n; j++) {
      acc[j] = acc[j] + a[j] * wa[j] + b[j] * wb[j] + c[j] * wc[j];
    }
  }

  private static void add2(float[] acc, float[] a, float[] wa, float[] b, float[] wb, int n) {
    for (int j = 0; j < n; j++) {
      acc[j] = acc[j] + a[j] * wa[j] + b[j] * wb[j];
    }
  }

  private static void add1(float[] acc, float[] a, float[] wa, int n) {
    for (int j = 0; j < n; j++) {
      acc[j] += a[j] * wa[j];
    }
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
