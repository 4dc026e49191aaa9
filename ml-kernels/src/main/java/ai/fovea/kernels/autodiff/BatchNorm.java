package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Shape;

/**
 * Batch normalization over the last (channel) axis, with a learned scale γ and shift β and running
 * statistics. Training normalizes with the batch's mean and biased variance and moves the running mean and
 * unbiased variance by {@code momentum} toward them (PyTorch's convention); inference normalizes with the
 * running statistics, an affine map that folds into the preceding convolution at export.
 */
public final class BatchNorm {
  private static final String NAME = "BATCH_NORM";
  /** Rows per partial sum of the statistics: fixed, so results do not depend on the thread count. */
  private static final int BLOCK_ROWS = 128;
  private static final int MIN_ROWS_PER_TASK = 64;
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
    Tape.requireInputs(NAME, x);
    int c = gamma.size();
    if (x.shape().rank() < 2 || x.shape().dim(-1) != c) {
      throw new OpPrepareException(NAME, "needs " + c + " channels on the last axis, got " + x.shape());
    }
    int count = x.size() / c;
    if (training && count < 2) {
      throw new OpPrepareException(NAME, "training needs at least 2 values per channel, got " + x.shape());
    }
    float[] in = x.values();
    float[] mean = new float[c];
    float[] invStd = new float[c];
    if (training) {
      // Sums of x − (the first row) keep the one-pass variance accurate when |mean| ≫ std.
      float[] shift = java.util.Arrays.copyOf(in, c);
      double[][] sums = channelSums(tape.pool(), in, shift, null, count, c);
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
    float[] normalized = new float[in.length];
    float[] g = gamma.values();
    float[] b = beta.values();
    tape.pool().parallelFor(count, MIN_ROWS_PER_TASK, (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int base = r * c;
        for (int ch = 0; ch < c; ch++) {
          float n = (in[base + ch] - mean[ch]) * invStd[ch];
          normalized[base + ch] = n;
          out[base + ch] = g[ch] * n + b[ch];
        }
      }
    });
    tape.record(y, () -> backward(tape.pool(), x, y, normalized, invStd, training));
    return y;
  }

  private void backward(ComputePool pool, Variable x, Variable y, float[] normalized, float[] invStd,
      boolean training) {
    int c = gamma.size();
    int count = x.size() / c;
    float[] dy = y.grad();
    double[][] sums = channelSums(pool, dy, null, normalized, count, c);
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
      scale[ch] = g[ch] * invStd[ch];
      if (training) {
        perNormalized[ch] = (float) (-scale[ch] * sumDyNormalized[ch] / count);
        offset[ch] = (float) (-scale[ch] * sumDy[ch] / count);
      }
    }
    float[] dx = x.grad();
    pool.parallelFor(count, MIN_ROWS_PER_TASK, (r0, r1) -> {
      for (int r = r0; r < r1; r++) {
        int base = r * c;
        for (int ch = 0; ch < c; ch++) {
          dx[base + ch] += scale[ch] * dy[base + ch] + perNormalized[ch] * normalized[base + ch] + offset[ch];
        }
      }
    });
  }

  /**
   * Per-channel sums over the rows of a rows×c matrix: {@code [0][ch] = Σ v} and {@code [1][ch] = Σ v·w} with
   * v = a − shift (shift null: v = a) and w = b (b null: w = v). Float partial sums of {@link #BLOCK_ROWS} rows
   * are added in double in block order, so the result does not depend on the thread count.
   */
  private static double[][] channelSums(ComputePool pool, float[] a, float[] shift, float[] b, int rows, int c) {
    int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    float[][] first = new float[blocks][c];
    float[][] second = new float[blocks][c];
    float[] by = shift != null ? shift : new float[c];
    pool.parallelFor(blocks, (b0, b1) -> {
      for (int block = b0; block < b1; block++) {
        float[] s1 = first[block];
        float[] s2 = second[block];
        for (int r = block * BLOCK_ROWS; r < Math.min(rows, (block + 1) * BLOCK_ROWS); r++) {
          int base = r * c;
          for (int ch = 0; ch < c; ch++) {
            float v = a[base + ch] - by[ch];
            s1[ch] += v;
            s2[ch] += v * (b == null ? v : b[base + ch]);
          }
        }
      }
    });
    double[][] sums = new double[2][c];
    for (int block = 0; block < blocks; block++) {
      for (int ch = 0; ch < c; ch++) {
        sums[0][ch] += first[block][ch];
        sums[1][ch] += second[block][ch];
      }
    }
    return sums;
  }
}
