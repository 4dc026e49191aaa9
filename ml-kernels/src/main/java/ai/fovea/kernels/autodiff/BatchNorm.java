package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Shape;

/**
 * Batch normalization over the last (channel) axis, with a learned scale γ and shift β and running
 * statistics. Training normalizes with the batch's mean and biased variance and moves the running mean and
 * unbiased variance by {@code momentum} toward them (PyTorch's convention); inference normalizes with the
 * running statistics, an affine map that folds into the preceding convolution at export. A following ReLU or
 * ReLU6 may be fused: one output instead of two, and backward gates the gradient by that output inside its own
 * passes instead of in a pass of its own.
 */
public final class BatchNorm {
  private static final String NAME = "BATCH_NORM";
  private final Variable gamma;
  private final Variable beta;
  private final float[] runningMean;
  private final float[] runningVariance;
  private final float momentum;
  private final float epsilon;

  /** γ = 1, β = 0, running mean 0 and variance 1 for {@code channels} channels. */
  public BatchNorm(String name, int channels, float momentum, float epsilon) {
    if (channels < 1) {
      throw new IllegalArgumentException("channels must be >= 1, got " + channels);
    }
    if (!(momentum > 0f && momentum <= 1f)) {
      throw new IllegalArgumentException("momentum must be in (0, 1], got " + momentum);
    }
    if (!(epsilon > 0f) || Float.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
    }
    float[] ones = new float[channels];
    java.util.Arrays.fill(ones, 1f);
    this.gamma = Variable.parameter(name + "/gamma", Shape.of(channels), ones);
    this.beta = Variable.parameter(name + "/beta", Shape.of(channels), new float[channels]);
    this.runningMean = new float[channels];
    this.runningVariance = ones.clone();
    this.momentum = momentum;
    this.epsilon = epsilon;
  }

  public Variable gamma() {
    return gamma;
  }

  public Variable beta() {
    return beta;
  }

  /** The running mean, updated in place by training passes. */
  public float[] runningMean() {
    return runningMean;
  }

  /** The running (unbiased) variance, updated in place by training passes. */
  public float[] runningVariance() {
    return runningVariance;
  }

  public float epsilon() {
    return epsilon;
  }

  public Variable apply(Tape tape, Variable x, boolean training) {
    return apply(tape, x, training, Activation.NONE);
  }

  /** Batch norm followed by {@code activation}: NONE, RELU or RELU6. */
  public Variable apply(Tape tape, Variable x, boolean training, Activation activation) {
    Tape.requireInputs(NAME, x);
    if (activation != Activation.NONE && activation != Activation.RELU && activation != Activation.RELU6) {
      throw new OpPrepareException(NAME, "fused activation " + activation + " is not differentiated; use NONE, RELU "
          + "or RELU6");
    }
    int c = gamma.size();
    if (x.shape().rank() < 2 || x.shape().dim(-1) != c) {
      throw new OpPrepareException(NAME, "needs " + c + " channels on the last axis, got " + x.shape());
    }
    int count = x.size() / c;
    if (training && count < 2) {
      throw new OpPrepareException(NAME, "training needs at least 2 values per channel, got " + x.shape());
    }
    Lanes lanes = new Lanes(count, c);
    float[] in = x.values();
    float[] mean = new float[c];
    float[] invStd = new float[c];
    if (training) {
      // Sums of x − (the first row) keep the one-pass variance accurate when |mean| ≫ std.
      float[] shift = lanes.tile(in);
      double[][] sums = lanes.sums(tape.pool(), (s1, s2, base, length, scratch) -> {
        float[] v = lanes.load(in, base, length, scratch[0]);
        for (int j = 0; j < length; j++) {
          float d = v[j] - shift[j];
          s1[j] += d;
          s2[j] += d * d;
        }
      });
      for (int ch = 0; ch < c; ch++) {
        double shiftedMean = sums[0][ch] / count;
        double squares = Math.max(0, sums[1][ch] - sums[0][ch] * shiftedMean);
        mean[ch] = (float) (shift[ch] + shiftedMean);
        invStd[ch] = (float) (1 / Math.sqrt(squares / count + epsilon));
        runningMean[ch] += momentum * (mean[ch] - runningMean[ch]);
        runningVariance[ch] += momentum * ((float) (squares / (count - 1)) - runningVariance[ch]);
      }
    } else {
      for (int ch = 0; ch < c; ch++) {
        mean[ch] = runningMean[ch];
        invStd[ch] = (float) (1 / Math.sqrt(runningVariance[ch] + epsilon));
      }
    }
    Variable y = tape.output(NAME, x.shape(), x, gamma, beta);
    float[] out = y.values();
    float[] m = lanes.tile(mean);
    float[] s = lanes.tile(invStd);
    float[] g = lanes.tile(gamma.values());
    float[] b = lanes.tile(beta.values());
    float lo = activation.floatMin();
    float hi = activation.floatMax();
    lanes.forEach(tape.pool(), (base, length, scratch) -> {
      float[] v = lanes.load(in, base, length, scratch[0]);
      for (int j = 0; j < length; j++) {
        v[j] = Math.min(Math.max(g[j] * ((v[j] - m[j]) * s[j]) + b[j], lo), hi);
      }
      System.arraycopy(v, 0, out, base, length);
    });
    tape.record(y, () -> backward(tape.pool(), lanes, x, y, m, s, training, activation));
    return y;
  }

  /**
   * The normalized input (x − mean)·invStd is recomputed from x, which the tape keeps anyway. A fused
   * activation's gate is read from the output y.
   */
  private void backward(ComputePool pool, Lanes lanes, Variable x, Variable y, float[] m, float[] s,
      boolean training, Activation activation) {
    int c = gamma.size();
    int count = x.size() / c;
    float[] in = x.values();
    float[] dy = y.grad();
    float[] out = y.values();
    double[][] sums = lanes.sums(pool, (s1, s2, base, length, scratch) -> {
      float[] u = gatedGradient(activation, lanes, dy, out, base, length, scratch);
      float[] v = lanes.load(in, base, length, scratch[1]);
      for (int j = 0; j < length; j++) {
        s1[j] += u[j];
        s2[j] += u[j] * ((v[j] - m[j]) * s[j]);
      }
    });
    double[] sumDy = sums[0];
    double[] sumDyNormalized = sums[1];
    if (gamma.requiresGrad()) {
      float[] dg = gamma.grad();
      float[] db = beta.grad();
      for (int ch = 0; ch < c; ch++) {
        dg[ch] += (float) sumDyNormalized[ch];
        db[ch] += (float) sumDy[ch];
      }
    }
    if (!x.requiresGrad()) {
      return;
    }
    // dx = scale·dy + perNormalized·normalized + offset, per channel. With batch statistics the mean and
    // variance depend on x too, which the last two terms subtract; with running statistics they are zero.
    float[] scale = new float[c];
    float[] perNormalized = new float[c];
    float[] offset = new float[c];
    float[] g = gamma.values();
    for (int ch = 0; ch < c; ch++) {
      scale[ch] = g[ch] * s[ch];
      if (training) {
        perNormalized[ch] = (float) (-scale[ch] * sumDyNormalized[ch] / count);
        offset[ch] = (float) (-scale[ch] * sumDy[ch] / count);
      }
    }
    float[] a = lanes.tile(scale);
    float[] p = lanes.tile(perNormalized);
    float[] o = lanes.tile(offset);
    float[] dx = x.grad();
    lanes.forEach(pool, (base, length, scratch) -> {
      float[] u = gatedGradient(activation, lanes, dy, out, base, length, scratch);
      float[] v = lanes.load(in, base, length, scratch[1]);
      float[] z = lanes.load(dx, base, length, scratch[2]);
      for (int j = 0; j < length; j++) {
        z[j] += a[j] * u[j] + p[j] * ((v[j] - m[j]) * s[j]) + o[j];
      }
      System.arraycopy(z, 0, dx, base, length);
    });
  }

  /**
   * A segment of the output gradient {@code dy} where the fused activation passed its input, 0 where it
   * clamped, judged by the output {@code out}; in {@code scratch[0]}, using {@code scratch[2]}.
   */
  private static float[] gatedGradient(Activation activation, Lanes lanes, float[] dy, float[] out, int base,
      int length, float[][] scratch) {
    float[] u = lanes.load(dy, base, length, scratch[0]);
    if (activation == Activation.RELU) {
      float[] y = lanes.load(out, base, length, scratch[2]);
      for (int j = 0; j < length; j++) {
        u[j] = Activations.keep(u[j], Activations.reluMask(y[j]));
      }
    } else if (activation == Activation.RELU6) {
      float[] y = lanes.load(out, base, length, scratch[2]);
      for (int j = 0; j < length; j++) {
        u[j] = Activations.keep(u[j], Activations.relu6Mask(y[j]));
      }
    }
    return u;
  }

  /**
   * One segment of whole rows: {@code length} values from {@code base}, lane j holding channel j mod c;
   * {@code scratch} holds three buffers of a segment's length for this task.
   */
  private interface Segment {
    void run(int base, int length, float[][] scratch);
  }

  /** Adds one segment's per-lane sums into {@code s1} and {@code s2}. */
  private interface SegmentSums {
    void run(float[] s1, float[] s2, int base, int length, float[][] scratch);
  }

  /**
   * The rows×c input seen as segments of up to {@code rowsPerSegment} whole rows, so that loops run over a
   * segment's values (at least {@link #LANES} long) against per-channel values tiled to that length instead of over
   * c channels per row. The JIT vectorizes such a loop only when all its arrays are indexed alike, so bodies first
   * copy their segment into scratch buffers ({@link #load}). Blocks of whole segments are the unit of work and of
   * partial sums; their size depends only on the shape, so results do not depend on the thread count.
   */
  private static final class Lanes {
    private static final int LANES = 256;
    private static final int BLOCK_VALUES = 1 << 13;
    final int rows;
    final int c;
    final int rowsPerSegment;
    final int segmentsPerBlock;
    final int blocks;

    Lanes(int rows, int c) {
      this.rows = rows;
      this.c = c;
      this.rowsPerSegment = Math.max(1, LANES / c);
      this.segmentsPerBlock = Math.max(1, BLOCK_VALUES / (rowsPerSegment * c));
      int segments = (rows + rowsPerSegment - 1) / rowsPerSegment;
      this.blocks = (segments + segmentsPerBlock - 1) / segmentsPerBlock;
    }

    /** The first c values of {@code perChannel} repeated for every row of a segment. */
    float[] tile(float[] perChannel) {
      float[] tiled = new float[rowsPerSegment * c];
      for (int r = 0; r < rowsPerSegment; r++) {
        System.arraycopy(perChannel, 0, tiled, r * c, c);
      }
      return tiled;
    }

    /** {@code length} values of {@code src} from {@code base}, copied to the start of {@code buffer}. */
    float[] load(float[] src, int base, int length, float[] buffer) {
      System.arraycopy(src, base, buffer, 0, length);
      return buffer;
    }

    void forEach(ComputePool pool, Segment segment) {
      pool.parallelFor(blocks, (b0, b1) -> {
        float[][] scratch = new float[3][rowsPerSegment * c];
        for (int block = b0; block < b1; block++) {
          forBlock(block, segment, scratch);
        }
      });
    }

    private void forBlock(int block, Segment segment, float[][] scratch) {
      int first = block * segmentsPerBlock * rowsPerSegment;
      int end = Math.min(rows, first + segmentsPerBlock * rowsPerSegment);
      for (int r = first; r < end; r += rowsPerSegment) {
        segment.run(r * c, (Math.min(end, r + rowsPerSegment) - r) * c, scratch);
      }
    }

    /**
     * Per-channel sums {@code [0][ch]} and {@code [1][ch]} of what {@code sums} adds up: float per lane within a
     * block, then lanes in order and blocks in order in double.
     */
    double[][] sums(ComputePool pool, SegmentSums sums) {
      float[][] first = new float[blocks][];
      float[][] second = new float[blocks][];
      pool.parallelFor(blocks, (b0, b1) -> {
        float[][] scratch = new float[3][rowsPerSegment * c];
        for (int block = b0; block < b1; block++) {
          float[] s1 = new float[rowsPerSegment * c];
          float[] s2 = new float[rowsPerSegment * c];
          forBlock(block, (base, length, buffers) -> sums.run(s1, s2, base, length, buffers), scratch);
          first[block] = s1;
          second[block] = s2;
        }
      });
      double[][] total = new double[2][c];
      for (int block = 0; block < blocks; block++) {
        for (int j = 0; j < rowsPerSegment * c; j++) {
          total[0][j % c] += first[block][j];
          total[1][j % c] += second[block][j];
        }
      }
      return total;
    }
  }
}
