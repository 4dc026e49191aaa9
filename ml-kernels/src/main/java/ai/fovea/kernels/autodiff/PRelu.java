package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.op.OpPrepareException;

/**
 * PRELU: {@code x} for x > 0, {@code α·x} otherwise, with a learned slope α whose shape is a trailing part of
 * x's (per channel: [C]), repeated over the leading dimensions as TFLite broadcasts it.
 */
public final class PRelu {
  private static final String NAME = "PRELU";

  private PRelu() {}

  public static Variable apply(Tape tape, Variable x, Variable alpha) {
    int inner = alpha.size();
    int lead = x.shape().rank() - alpha.shape().rank();
    boolean suffix = lead >= 0 && inner > 0;
    for (int i = 0; suffix && i < alpha.shape().rank(); i++) {
      suffix = alpha.shape().dim(i) == x.shape().dim(lead + i);
    }
    if (!suffix) {
      throw new OpPrepareException(NAME, "slope shape " + alpha.shape() + " must be a trailing part of " + x.shape());
    }
    float[] in = x.values();
    float[] a = alpha.values();
    Variable y = tape.output(NAME, x.shape(), x, alpha);
    float[] out = y.values();
    for (int i = 0; i < in.length; i++) {
      out[i] = in[i] > 0f ? in[i] : a[i % inner] * in[i];
    }
    tape.record(y, () -> {
      float[] dy = y.grad();
      float[] dx = x.requiresGrad() ? x.grad() : null;
      float[] da = alpha.requiresGrad() ? alpha.grad() : null;
      for (int i = 0; i < in.length; i++) {
        boolean positive = in[i] > 0f;
        if (dx != null) {
          dx[i] += positive ? dy[i] : a[i % inner] * dy[i];
        }
        if (da != null && !positive) {
          da[i % inner] += dy[i] * in[i];
        }
      }
    });
    return y;
  }
}
