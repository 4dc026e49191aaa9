package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.conv.ConvParams;
import ai.fovea.kernels.conv.Im2col;
import ai.fovea.kernels.gemm.FloatGemm;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Shape;

/**
 * CONV_2D for training: input NHWC, filter [out, kh, kw, in] (TFLite's layout), optional bias [out], TFLite's
 * SAME/VALID padding, strides and dilations. Forward multiplies the column matrix of every output pixel's window
 * (im2col) by the filter; the filter gradient is a sum of outer products over the columns. The columns are gathered
 * block by block inside both products, never as one matrix: that would be nine times the input and stream from memory,
 * where gathered blocks come from the cached input. The input gradient is, for stride 1, a convolution of the output
 * gradient with the flipped filter, otherwise the columns' gradient scattered back (col2im); both run a block of rows
 * at a time. A 1×1 stride-1 unpadded conv uses the input itself as the column matrix; a single-channel input uses none
 * ({@link SingleChannelConvolution}).
 */
public final class Conv2D {
  private static final String NAME = "CONV_2D";
  /** Rows of an input-gradient product computed at a time: 32 rows of a few hundred floats stay in L2. */
  private static final int BLOCK = 32;

  private Conv2D() {}

  /** {@code params.activation} must be NONE (apply activations as their own ops); {@code bias} may be null. */
  public static Variable apply(Tape tape, Variable x, Variable filter, Variable bias, ConvParams params) {
    Tape.requireInputs(NAME, x, filter);
    if (params == null) {
      throw new OpPrepareException(NAME, "params are required");
    }
    if (params.activation != Activation.NONE) {
      throw new OpPrepareException(NAME, "fused activation " + params.activation + " is not differentiated; use NONE");
    }
    Shape fs = filter.shape();
    if (fs.rank() != 4 || x.shape().rank() != 4 || fs.dim(3) != x.shape().dim(3)) {
      throw new OpPrepareException(NAME, "needs input NHWC and filter [out, kh, kw, " + x.shape().dim(-1)
          + "], got " + x.shape() + " and " + fs);
    }
    int outChannels = fs.dim(0);
    if (bias != null && !bias.shape().equals(Shape.of(outChannels))) {
      throw new OpPrepareException(NAME, "bias must be [" + outChannels + "], got " + bias.shape());
    }
    ConvGeometry g = ConvGeometry.of(NAME, x.shape(), fs.dim(1), fs.dim(2), params.strideH, params.strideW,
        params.dilationH, params.dilationW, params.padding);
    int rows = g.batch * g.outHeight * g.outWidth;
    int depth = g.filterHeight * g.filterWidth * g.inChannels;
    boolean direct = g.filterHeight == 1 && g.filterWidth == 1 && g.strideH == 1 && g.strideW == 1
        && g.needsNoPadding();
    boolean singleChannel = !direct && g.inChannels == 1;
    float[] in = x.values();
    Rows cols = direct ? Rows.of(in, depth)
        : Rows.gathered(depth, (r0, count, dst) -> Im2col.gather(in, g, r0, count, dst, 0, 0f));
    Variable y = tape.output(NAME, g.outputShape(outChannels), x, filter, bias);
    float[] out = y.values();
    float[] b = bias == null ? null : bias.values();
    if (singleChannel) {
      SingleChannelConvolution.forward(tape.pool(), g, in, filter.values(), b, outChannels, out);
    } else {
      ParallelGemm.multiplyTransposed(tape.pool(), cols, filter.values(), b, out, rows, outChannels);
    }
    tape.record(y, () -> {
      float[] dy = y.grad();
      if (filter.requiresGrad()) {
        if (singleChannel) {
          SingleChannelConvolution.addFilterGradient(tape.pool(), g, in, dy, outChannels, filter.grad());
        } else {
          ParallelGemm.multiplyTransposedAAdd(tape.pool(), dy, cols, filter.grad(), outChannels, rows);
        }
      }
      if (bias != null && bias.requiresGrad()) {
        ParallelGemm.addColumnSums(tape.pool(), dy, rows, outChannels, bias.grad());
      }
      if (x.requiresGrad()) {
        float[] dx = x.grad();
        if (direct) {
          ParallelGemm.multiplyAdd(tape.pool(), dy, filter.values(), dx, rows, outChannels, depth);
        } else if (g.strideH == 1 && g.strideW == 1 && g.inChannels >= FloatGemm.narrowColumns()) {
          gatherInputGradient(tape.pool(), g, dy, filter.values(), outChannels, dx);
        } else {
          scatterInputGradient(tape.pool(), g, dy, filter.values(), outChannels, depth, dx);
        }
      }
    });
    return y;
  }

  /**
   * {@code dx += im2col(dy) · flipped filter} for a stride-1 window: the input gradient as a convolution of the
   * output gradient over the {@link ConvGeometry#adjoint adjoint} window, so each thread gathers (copies) rows
   * instead of scattering (adding) them, and writes disjoint rows of dx. The product has inChannels columns, so
   * it is used where the kernel runs well on that width.
   */
  private static void gatherInputGradient(ComputePool pool, ConvGeometry g, float[] dy, float[] filter,
      int outChannels, float[] dx) {
    ConvGeometry adjoint = g.adjoint(outChannels);
    int kh = g.filterHeight;
    int kw = g.filterWidth;
    int inC = g.inChannels;
    int depth = kh * kw * outChannels;
    // B[(ky, kx, o)][c] = filter[o][kh-1-ky][kw-1-kx][c]: the taps in the adjoint window's order.
    float[] flipped = new float[depth * inC];
    for (int ky = 0; ky < kh; ky++) {
      for (int kx = 0; kx < kw; kx++) {
        for (int o = 0; o < outChannels; o++) {
          System.arraycopy(filter, ((o * kh + kh - 1 - ky) * kw + kw - 1 - kx) * inC, flipped,
              ((ky * kw + kx) * outChannels + o) * inC, inC);
        }
      }
    }
    FloatGemm b = FloatGemm.ofRows(flipped, 0, depth, inC);
    int rows = adjoint.batch * adjoint.outHeight * adjoint.outWidth;
    pool.parallelFor((rows + BLOCK - 1) / BLOCK, (q0, q1) -> {
      float[] a = new float[BLOCK * depth];
      float[][] acc = new float[BLOCK][inC];
      for (int q = q0; q < q1; q++) {
        int r0 = q * BLOCK;
        int count = Math.min(BLOCK, rows - r0);
        Im2col.gather(dy, adjoint, r0, count, a, 0, 0f);
        b.multiply(a, 0, depth, count, null, acc, 0, inC);
        for (int i = 0; i < count; i++) {
          float[] row = acc[i];
          int base = (r0 + i) * inC;
          for (int c = 0; c < inC; c++) {
            dx[base + c] += row[c];
          }
        }
      }
    });
  }

  /**
   * {@code dx += col2im(dy · filter)} without materializing the columns' gradient: threads take whole images
   * (they write disjoint slices of dx), compute {@link #BLOCK} rows of it at a time into a small accumulator and
   * scatter those while they are in cache. Blocks start at each image's first row, so every row's product and
   * the order of the adds into dx are the same for any thread count.
   */
  private static void scatterInputGradient(ComputePool pool, ConvGeometry g, float[] dy, float[] filter,
      int outChannels, int depth, float[] dx) {
    FloatGemm w = FloatGemm.ofRows(filter, 0, outChannels, depth);
    int pixels = g.outHeight * g.outWidth;
    pool.parallelFor(g.batch, (b0, b1) -> {
      float[][] acc = new float[BLOCK][depth];
      for (int image = b0; image < b1; image++) {
        for (int r0 = image * pixels; r0 < (image + 1) * pixels; r0 += BLOCK) {
          int rows = Math.min(BLOCK, (image + 1) * pixels - r0);
          w.multiply(dy, r0 * outChannels, outChannels, rows, null, acc, 0, depth);
          Im2col.scatterAdd(acc, rows, g, r0, dx);
        }
      }
    });
  }
}
