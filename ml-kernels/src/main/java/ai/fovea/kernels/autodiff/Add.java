package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;

/**
 * {@code a + b} where b has a's shape (residual connections) or a trailing part of it (a bias [C] on NHWC),
 * repeated over a's leading dimensions; b's gradient sums over the repeats.
 */
public final class Add {
  private static final String NAME = "ADD";
  private static final int MIN_ELEMENTS_PER_TASK = 1 << 13;

  private Add() {}

  public static Variable apply(Tape tape, Variable a, Variable b) {
    Tape.requireInputs(NAME, a, b);
    Shape as = a.shape();
    Shape bs = b.shape();
    int lead = as.rank() - bs.rank();
    boolean suffix = lead >= 0;
    for (int i = 0; suffix && i < bs.rank(); i++) {
      suffix = bs.dim(i) == as.dim(lead + i);
    }
    if (!suffix) {
      throw new OpPrepareException(NAME, "b's shape " + bs + " must equal a trailing part of a's shape " + as);
    }
    int inner = bs.size();
    int n = as.size();
    Variable y = tape.output(NAME, as, a, b);
    float[] out = y.values();
    float[] av = a.values();
    float[] bv = b.values();
    tape.pool().parallelFor(n, MIN_ELEMENTS_PER_TASK, (i0, i1) -> {
      // Runs of b's length, one counter for all three arrays so that the JIT vectorizes the run.
      for (int i = i0; i < i1; ) {
        int j = i % inner;
        int length = Math.min(i1 - i, inner - j);
        for (int k = 0; k < length; k++) {
          out[i + k] = av[i + k] + bv[j + k];
        }
        i += length;
      }
    });
    tape.record(y, () -> {
      float[] dy = y.grad();
      if (a.requiresGrad()) {
        float[] da = a.grad();
        tape.pool().parallelFor(n, MIN_ELEMENTS_PER_TASK, (i0, i1) -> {
          for (int i = i0; i < i1; i++) {
            da[i] += dy[i];
          }
        });
      }
      if (b.requiresGrad()) {
        ParallelGemm.addColumnSums(dy, n / Math.max(inner, 1), inner, b.grad());
      }
    });
    return y;
  }
}
