package ai.fovea.kernels.autodiff;

/**
 * The pointwise activations: ReLU, ReLU6, leaky ReLU, ELU, sigmoid, tanh and hard-swish. Each computes its
 * output and records a backward that multiplies the output gradient by the derivative, written in terms of
 * the input x and the output y (whichever is cheaper). At kinks the derivative of the right-hand piece is
 * used, except ReLU6's upper kink which counts as saturated.
 */
public final class Activations {
  private static final int MIN_ELEMENTS_PER_TASK = 1 << 13;

  /** The local derivative dy/dx at one element. */
  private interface Derivative {
    float at(float x, float y);
  }

  private Activations() {}

  public static Variable relu(Tape tape, Variable x) {
    Tape.requireInputs("RELU", x);
    Variable y = tape.output("RELU", x.shape(), x);
    float[] in = x.values();
    float[] out = y.values();
    for (int i = 0; i < in.length; i++) {
      out[i] = Math.max(in[i], 0f);
    }
    return backward(tape, x, y, (xi, yi) -> xi > 0f ? 1f : 0f);
  }

  public static Variable relu6(Tape tape, Variable x) {
    Tape.requireInputs("RELU6", x);
    Variable y = tape.output("RELU6", x.shape(), x);
    float[] in = x.values();
    float[] out = y.values();
    for (int i = 0; i < in.length; i++) {
      out[i] = Math.min(Math.max(in[i], 0f), 6f);
    }
    return backward(tape, x, y, (xi, yi) -> xi > 0f && xi < 6f ? 1f : 0f);
  }

  /** {@code x} for x > 0, {@code alpha·x} otherwise. */
  public static Variable leakyRelu(Tape tape, Variable x, float alpha) {
    Tape.requireInputs("LEAKY_RELU", x);
    requireFinite("alpha", alpha);
    Variable y = tape.output("LEAKY_RELU", x.shape(), x);
    float[] in = x.values();
    float[] out = y.values();
    for (int i = 0; i < in.length; i++) {
      out[i] = in[i] > 0f ? in[i] : alpha * in[i];
    }
    return backward(tape, x, y, (xi, yi) -> xi > 0f ? 1f : alpha);
  }

  /** {@code x} for x > 0, {@code alpha·(eˣ − 1)} otherwise (TFLite's ELU is alpha = 1). */
  public static Variable elu(Tape tape, Variable x, float alpha) {
    Tape.requireInputs("ELU", x);
    requireFinite("alpha", alpha);
    Variable y = tape.output("ELU", x.shape(), x);
    float[] in = x.values();
    float[] out = y.values();
    for (int i = 0; i < in.length; i++) {
      out[i] = in[i] > 0f ? in[i] : alpha * (float) Math.expm1(in[i]);
    }
    return backward(tape, x, y, (xi, yi) -> xi > 0f ? 1f : yi + alpha);
  }

  public static Variable sigmoid(Tape tape, Variable x) {
    Tape.requireInputs("LOGISTIC", x);
    Variable y = tape.output("LOGISTIC", x.shape(), x);
    float[] in = x.values();
    float[] out = y.values();
    for (int i = 0; i < in.length; i++) {
      out[i] = (float) (1.0 / (1.0 + Math.exp(-in[i])));
    }
    return backward(tape, x, y, (xi, yi) -> yi * (1f - yi));
  }

  public static Variable tanh(Tape tape, Variable x) {
    Tape.requireInputs("TANH", x);
    Variable y = tape.output("TANH", x.shape(), x);
    float[] in = x.values();
    float[] out = y.values();
    for (int i = 0; i < in.length; i++) {
      out[i] = (float) Math.tanh(in[i]);
    }
    return backward(tape, x, y, (xi, yi) -> 1f - yi * yi);
  }

  /** {@code x · relu6(x + 3) / 6}, MobileNetV3's activation. */
  public static Variable hardSwish(Tape tape, Variable x) {
    Tape.requireInputs("HARD_SWISH", x);
    Variable y = tape.output("HARD_SWISH", x.shape(), x);
    float[] in = x.values();
    float[] out = y.values();
    for (int i = 0; i < in.length; i++) {
      out[i] = in[i] * Math.min(Math.max(in[i] + 3f, 0f), 6f) / 6f;
    }
    return backward(tape, x, y, (xi, yi) -> xi <= -3f ? 0f : xi >= 3f ? 1f : (2f * xi + 3f) / 6f);
  }

  private static Variable backward(Tape tape, Variable x, Variable y, Derivative derivative) {
    tape.record(y, () -> {
      float[] in = x.values();
      float[] out = y.values();
      float[] dy = y.grad();
      float[] dx = x.grad();
      tape.pool().parallelFor(dx.length, MIN_ELEMENTS_PER_TASK, (i0, i1) -> {
        for (int i = i0; i < i1; i++) {
          dx[i] += dy[i] * derivative.at(in[i], out[i]);
        }
      });
    });
    return y;
  }

  private static void requireFinite(String name, float value) {
    if (!Float.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, got " + value);
    }
  }
}
