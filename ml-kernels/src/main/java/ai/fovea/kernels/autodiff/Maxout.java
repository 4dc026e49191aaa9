package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.op.OpPrepareException;

/**
 * Maxout (Goodfellow et al.): the last axis is split into groups of {@code pieces} consecutive channels and
 * each group keeps its maximum, so C channels become C / pieces. Backward routes to the first maximum.
 */
public final class Maxout {
  private static final String NAME = "MAXOUT";

  private Maxout() {}

  public static Variable apply(Tape tape, Variable x, int pieces) {
    Tape.requireInputs(NAME, x);
    int rank = x.shape().rank();
    if (pieces < 1 || rank < 1 || x.shape().dim(-1) % pieces != 0) {
      throw new OpPrepareException(NAME, "cannot split the last axis of " + x.shape() + " into groups of " + pieces);
    }
    int[] dims = x.shape().toArray();
    dims[rank - 1] /= pieces;
    Variable y = tape.output(NAME, ai.fovea.kernels.tensor.Shape.of(dims), x);
    float[] in = x.values();
    float[] out = y.values();
    int[] winner = new int[out.length];
    for (int o = 0; o < out.length; o++) {
      int best = o * pieces;
      for (int i = best + 1; i < (o + 1) * pieces; i++) {
        if (in[i] > in[best]) {
          best = i;
        }
      }
      out[o] = in[best];
      winner[o] = best;
    }
    tape.record(y, () -> {
      float[] dy = y.grad();
      float[] dx = x.grad();
      for (int o = 0; o < dy.length; o++) {
        dx[winner[o]] += dy[o];
      }
    });
    return y;
  }
}
