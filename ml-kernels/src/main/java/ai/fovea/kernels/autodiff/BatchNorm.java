package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;

/**
 * Batch normalization over the last (channel) axis, with a learned scale γ and shift β and running
 * statistics. Training normalizes with the batch's mean and biased variance and moves the running mean and
 * unbiased variance by {@code momentum} toward them (PyTorch's convention); inference normalizes with the
 * running statistics, an affine map that folds into the preceding convolution at export.
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
      double[] sum = new double[c];
      double[] squares = new double[c];
      for (int i = 0; i < in.length; i++) {
        sum[i % c] += in[i];
      }
      for (int ch = 0; ch < c; ch++) {
        mean[ch] = (float) (sum[ch] / count);
      }
      for (int i = 0; i < in.length; i++) {
        double d = in[i] - mean[i % c];
        squares[i % c] += d * d;
      }
      for (int ch = 0; ch < c; ch++) {
        double variance = squares[ch] / count;
        invStd[ch] = (float) (1 / Math.sqrt(variance + epsilon));
        runningMean[ch] += momentum * (mean[ch] - runningMean[ch]);
        runningVariance[ch] += momentum * ((float) (squares[ch] / (count - 1)) - runningVariance[ch]);
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
    for (int i = 0; i < in.length; i++) {
      int ch = i % c;
      normalized[i] = (in[i] - mean[ch]) * invStd[ch];
      out[i] = g[ch] * normalized[i] + b[ch];
    }
    tape.record(y, () -> backward(x, y, normalized, invStd, training));
    return y;
  }

  private void backward(Variable x, Variable y, float[] normalized, float[] invStd, boolean training) {
    int c = gamma.size();
    int count = x.size() / c;
    float[] dy = y.grad();
    double[] sumDy = new double[c];
    double[] sumDyNormalized = new double[c];
    for (int i = 0; i < dy.length; i++) {
      sumDy[i % c] += dy[i];
      sumDyNormalized[i % c] += dy[i] * normalized[i];
    }
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
    float[] dx = x.grad();
    float[] g = gamma.values();
    for (int i = 0; i < dx.length; i++) {
      int ch = i % c;
      float scale = g[ch] * invStd[ch];
      // With batch statistics, the mean and variance depend on x too: subtract their share of the gradient.
      dx[i] += training
          ? scale * (float) (dy[i] - sumDy[ch] / count - normalized[i] * sumDyNormalized[ch] / count)
          : scale * dy[i];
    }
  }
}
