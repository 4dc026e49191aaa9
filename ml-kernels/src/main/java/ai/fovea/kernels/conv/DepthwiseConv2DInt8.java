package ai.fovea.kernels.conv;

import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * DEPTHWISE_CONV_2D on quantized NHWC tensors, as TFLite: INT8 with per-channel (or per-tensor) symmetric filters,
 * or the legacy UINT8 form with a per-tensor asymmetric filter; per-tensor asymmetric input and output; int32
 * bias. The accumulator of output channel oc is {@code Σ (x − zp_in)·(w − zp_w) + bias}, requantized with
 * gemmlowp's double rounding (the scale product formed in double for INT8, in float for UINT8, as the
 * interpreter's Prepare does), then the output zero point and the fused activation clamp. The optimized form
 * first widens the input to ints with its zero point removed (so padding is a plain zero), then follows
 * {@link DepthwiseTaps} like the float op, requantizing each segment as it leaves.
 */
public final class DepthwiseConv2DInt8 implements Op {
  private final DepthwiseParams params;
  private final ComputePool pool;
  private ConvGeometry g;
  private int outChannels;
  private int valueMask;
  private int filterZeroPoint;
  private ChannelRequantizer requantizer;
  private DepthwiseTaps taps;
  private int[][] weightRows;
  private int[] biasRow;
  private int[] zeros;
  private int[] centered;
  private int[][][] gathered;
  private int[][] accumulators;

  public DepthwiseConv2DInt8(DepthwiseParams params, ComputePool pool) {
    if (params == null || pool == null) {
      throw new IllegalArgumentException("params and pool are required");
    }
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    DataType type = inputs.length > 0 && inputs[0] != null ? inputs[0].dataType() : null;
    if (type != DataType.INT8 && type != DataType.UINT8) {
      throw new OpPrepareException(DepthwiseGeometry.NAME, "expects an INT8 or UINT8 input, got " + type);
    }
    ConvShapes.requireTypes(DepthwiseGeometry.NAME, type, inputs, outputs);
    Tensor filter = inputs[1];
    Tensor bias = inputs.length > 2 ? inputs[2] : null;
    g = DepthwiseGeometry.of(inputs[0], filter, bias, params);
    outChannels = filter.shape().dim(3);
    outputs[0].resize(g.outputShape(outChannels));
    boolean legacy = type == DataType.UINT8;
    valueMask = legacy ? 0xFF : -1;
    filterZeroPoint = filter.quantization().isQuantized() ? filter.quantization().zeroPoint() : 0;
    requantizer = ChannelRequantizer.of(DepthwiseGeometry.NAME, inputs[0], filter, outputs[0], outChannels,
        params.conv.activation, legacy, ChannelRequantizer.Rounding.DOUBLE);
    taps = new DepthwiseTaps(g, outChannels);
    byte[] w = filter.bytes();
    int[] weights = new int[filter.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (w[i] & valueMask) - filterZeroPoint;
    }
    weightRows = new int[taps.tapCount()][taps.segmentLength];
    for (int t = 0; t < weightRows.length; t++) {
      taps.repeatPerPixel(weights, t * outChannels, weightRows[t]);
    }
    biasRow = new int[taps.segmentLength];
    if (bias != null) {
      taps.repeatPerPixel(bias.ints(), 0, biasRow);
    }
    zeros = new int[taps.segmentLength];
    centered = new int[g.batch * g.inHeight * g.inWidth * outChannels];
    gathered = new int[pool.threads()][3][taps.segmentLength];
    accumulators = new int[pool.threads()][taps.segmentLength];
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    center(inputs[0].bytes(), inputs[0].quantization().zeroPoint());
    byte[] out = outputs[0].bytes();
    int rows = taps.rows();
    int threads = pool.threads();
    pool.parallelFor(threads, 1, (t0, t1) -> {
      for (int t = t0; t < t1; t++) {
        for (int row = rows * t / threads, end = rows * (t + 1) / threads; row < end; row++) {
          convolveRow(out, row, gathered[t], accumulators[t]);
        }
      }
    });
  }

  /** Widens the input to ints without its zero point, one copy per output channel it feeds. */
  private void center(byte[] in, int zeroPoint) {
    int mult = params.depthMultiplier;
    int mask = valueMask;
    int values = g.batch * g.inHeight * g.inWidth * g.inChannels;
    pool.parallelFor(values, 4096, (i0, i1) -> {
      if (mult == 1) {
        for (int i = i0; i < i1; i++) {
          centered[i] = (in[i] & mask) - zeroPoint;
        }
        return;
      }
      for (int i = i0; i < i1; i++) {
        int v = (in[i] & mask) - zeroPoint;
        for (int m = 0; m < mult; m++) {
          centered[i * mult + m] = v;
        }
      }
    });
  }

  private void convolveRow(byte[] out, int row, int[][] tap, int[] acc) {
    int first = taps.firstTap(row);
    int end = taps.endTap(row);
    for (int ox0 = 0; ox0 < g.outWidth; ox0 += taps.segmentPixels) {
      int count = Math.min(taps.segmentPixels, g.outWidth - ox0);
      int n = count * outChannels;
      System.arraycopy(biasRow, 0, acc, 0, n);
      for (int t = first; t < end; t += 3) {
        int k = Math.min(3, end - t);
        for (int i = 0; i < k; i++) {
          taps.gather(centered, zeros, tap[i], row, ox0, count, t + i);
        }
        if (k == 3) {
          add3(acc, tap[0], weightRows[t], tap[1], weightRows[t + 1], tap[2], weightRows[t + 2], n);
        } else if (k == 2) {
          add2(acc, tap[0], weightRows[t], tap[1], weightRows[t + 1], n);
        } else {
          add1(acc, tap[0], weightRows[t], n);
        }
      }
      int o = (row * g.outWidth + ox0) * outChannels;
      for (int p = 0, j = 0; p < count; p++) {
        for (int c = 0; c < outChannels; c++, j++) {
          out[o + j] = (byte) requantizer.apply(acc[j], c);
        }
      }
    }
  }

  private static void add3(int[] acc, int[] a, int[] wa, int[] b, int[] wb, int[] c, int[] wc, int n) {
    for (int j = 0; j < n; j++) {
      acc[j] += a[j] * wa[j] + b[j] * wb[j] + c[j] * wc[j];
    }
  }

  private static void add2(int[] acc, int[] a, int[] wa, int[] b, int[] wb, int n) {
    for (int j = 0; j < n; j++) {
      acc[j] += a[j] * wa[j] + b[j] * wb[j];
    }
  }

  private static void add1(int[] acc, int[] a, int[] wa, int n) {
    for (int j = 0; j < n; j++) {
      acc[j] += a[j] * wa[j];
    }
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
                    int x = in[((b * g.inHeight + iy) * g.inWidth + ix) * g.inChannels + ic] & valueMask;
                    int f = w[(ky * g.filterWidth + kx) * outChannels + oc] & valueMask;
                    acc += (x - zp) * (f - filterZeroPoint);
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
