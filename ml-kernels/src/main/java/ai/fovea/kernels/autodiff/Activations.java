package ai.fovea.kernels.autodiff;

/**
 * The pointwise activations: ReLU, ReLU6, leaky ReLU, ELU, sigmoid, tanh and hard-swish. Each computes its
 * output and records a backward that multiplies the output gradient by the derivative, written in terms of
 * the input x and the output y (whichever is cheaper). At kinks the derivative of the right-hand piece is
 * used, except ReLU6's upper kink which counts as saturated. Both passes split the elements over the pool; each
 * activation spells out its own loops so the JIT compiles each one with its function inlined.
 */
public final class Activations {
  private static final int MIN_ELEMENTS_PER_TASK = 1 << 13;
  private static final int SIX_BITS = Float.floatToRawIntBits(6f);

  /** {@code out[i] = f(in[i])} for i in [start, end). */
  private interface Forward {
    void run(float[] in, float[] out, int start, int end);
  }

  /** {@code dx[i] += dy[i] · f'(in[i])}, with {@code out} = f(in), for i in [start, end). */
  private interface Backward {
    void run(float[] in, float[] out, float[] dy, float[] dx, int start, int end);
  }

  private Activations() {}

  public static Variable relu(Tape tape, Variable x) {
    return apply(tape, "RELU", x, (in, out, i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        out[i] = Math.max(in[i], 0f);
      }
    }, (in, out, dy, dx, i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        dx[i] += keep(dy[i], reluMask(out[i]));
      }
    });
  }

  public static Variable relu6(Tape tape, Variable x) {
    return apply(tape, "RELU6", x, (in, out, i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        out[i] = Math.min(Math.max(in[i], 0f), 6f);
      }
    }, (in, out, dy, dx, i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        dx[i] += keep(dy[i], relu6Mask(out[i]));
      }
    });
  }

  /** {@code x} for x > 0, {@code alpha·x} otherwise. */
  public static Variable leakyRelu(Tape tape, Variable x, float alpha) {
    requireFinite("alpha", alpha);
    return apply(tape, "LEAKY_RELU", x, (in, out, i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        out[i] = in[i] > 0f ? in[i] : alpha * in[i];
      }
    }, (in, out, dy, dx, i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        dx[i] += dy[i] * (in[i] > 0f ? 1f : alpha);
      }
    });
  }

  /** {@code x} for x > 0, {@code alpha·(eˣ − 1)} otherwise (TFLite's ELU is alpha = 1). */
  public static Variable elu(Tape tape, Variable x, float alpha) {
    requireFinite("alpha", alpha);
    return apply(tape, "ELU", x, (in, out, i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        out[i] = in[i] > 0f ? in[i] : alpha * (float) Math.expm1(in[i]);
      }
    }, (in, out, dy, dx, i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        dx[i] += dy[i] * (in[i] > 0f ? 1f : out[i] + alpha);
      }
    });
  }

  public static Variable sigmoid(Tape tape, Variable x) {
    return apply(tape, "LOGISTIC", x, (in, out, i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        out[i] = (float) (1.0 / (1.0 + Math.exp(-in[i])));
      }
    }, (in, out, dy, dx, i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        dx[i] += dy[i] * (out[i] * (1f - out[i]));
      }
    });
  }

  public static Variable tanh(Tape tape, Variable x) {
    return apply(tape, "TANH", x, (in, out, i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        out[i] = (float) Math.tanh(in[i]);
      }
    }, (in, out, dy, dx, i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        dx[i] += dy[i] * (1f - out[i] * out[i]);
      }
    });
  }

  /** {@code x · relu6(x + 3) / 6}, MobileNetV3's activation. */
  public static Variable hardSwish(Tape tape, Variable x) {
    return apply(tape, "HARD_SWISH", x, (in, out, i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        out[i] = in[i] * Math.min(Math.max(in[i] + 3f, 0f), 6f) / 6f;
      }
    }, (in, out, dy, dx, i0, i1) -> {
      for (int i = i0; i < i1; i++) {
        float xi = in[i];
        dx[i] += dy[i] * (xi <= -3f ? 0f : xi >= 3f ? 1f : (2f * xi + 3f) / 6f);
      }
    });
  }

  private static Variable apply(Tape tape, String name, Variable x, Forward forward, Backward backward) {
    Tape.requireInputs(name, x);
    Variable y = tape.output(name, x.shape(), x);
    float[] in = x.values();
    float[] out = y.values();
    tape.pool().parallelFor(in.length, MIN_ELEMENTS_PER_TASK, (i0, i1) -> forward.run(in, out, i0, i1));
    tape.record(y, () -> {
      float[] dy = y.grad();
      float[] dx = x.grad();
      tape.pool().parallelFor(dx.length, MIN_ELEMENTS_PER_TASK, (i0, i1) -> backward.run(in, out, dy, dx, i0, i1));
    });
    return y;
  }

  /**
   * {@code value} where {@code mask} is all ones, +0 where it is zero. ReLU's gradient selects by the sign of
   * its input, which is random: a branch there mispredicts half the time and costs ~8× this select.
   */
  static float keep(float value, int mask) {
    return Float.intBitsToFloat(Float.floatToRawIntBits(value) & mask);
  }

  /** ReLU's derivative as a mask of its output y: all ones where y > 0, zero where y is +0. */
  static int reluMask(float y) {
    // y >= +0, whose bits order like ints.
    return -Float.floatToRawIntBits(y) >> 31;
  }

  /** ReLU6's derivative as a mask of its output y: all ones where 0 < y < 6, zero where y is +0 or 6. */
  static int relu6Mask(float y) {
    return reluMask(y) & (Float.floatToRawIntBits(y) - SIX_BITS) >> 31;
  }

  private static void requireFinite(String name, float value) {
    if (!Float.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, got " + value);
    }
  }
}
