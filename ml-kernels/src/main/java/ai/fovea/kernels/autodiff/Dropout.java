package ai.fovea.kernels.autodiff;

import java.util.Random;

/**
 * Inverted dropout: in training each element is kept with probability 1 − rate and scaled by 1 / (1 − rate),
 * so inference is the identity and needs no rescaling. The mask comes from the caller's seeded Random.
 */
public final class Dropout {
  private Dropout() {}

  /** In inference ({@code training} false) returns {@code x} itself and records nothing. */
  public static Variable apply(Tape tape, Variable x, float rate, Random random, boolean training) {
    if (!(rate >= 0f && rate < 1f)) {
      throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
    }
    if (!training || rate == 0f) {
      return x;
    }
    if (random == null) {
      throw new IllegalArgumentException("training dropout needs a random source");
    }
    float keep = 1f / (1f - rate);
    float[] scale = new float[x.size()];
    for (int i = 0; i < scale.length; i++) {
      scale[i] = random.nextFloat() < rate ? 0f : keep;
    }
    Variable y = tape.output("DROPOUT", x.shape(), x);
    float[] in = x.values();
    float[] out = y.values();
    for (int i = 0; i < in.length; i++) {
      out[i] = in[i] * scale[i];
    }
    tape.record(y, () -> {
      float[] dy = y.grad();
      float[] dx = x.grad();
      for (int i = 0; i < dx.length; i++) {
        dx[i] += dy[i] * scale[i];
      }
    });
    return y;
  }
}
