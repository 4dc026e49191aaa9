package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;

/**
 * {@code y = x · wᵀ + b} for x [batch, in], weights [out, in] (TFLite's FULLY_CONNECTED layout, so trained
 * weights export unchanged) and an optional bias [out]. Forward and the input gradient are packed GEMMs; the
 * weight gradient is a sum of outer products over the batch.
 */
public final class FullyConnected {
  private static final String NAME = "FULLY_CONNECTED";

  private FullyConnected() {}

  /** {@code bias} may be null. */
  public static Variable apply(Tape tape, Variable x, Variable weights, Variable bias) {
    Tape.requireInputs(NAME, x, weights);
    Shape xs = x.shape();
    Shape ws = weights.shape();
    if (xs.rank() != 2 || ws.rank() != 2 || ws.dim(1) != xs.dim(1)) {
      throw new OpPrepareException(NAME, "needs x [batch, in] and weights [out, in], got " + xs + " and " + ws);
    }
    int n = xs.dim(0);
    int k = xs.dim(1);
    int m = ws.dim(0);
    if (bias != null && !bias.shape().equals(Shape.of(m))) {
      throw new OpPrepareException(NAME, "bias must be [" + m + "], got " + bias.shape());
    }
    Variable y = tape.output(NAME, Shape.of(n, m), x, weights, bias);
    float[] out = y.values();
    ParallelGemm.multiplyTransposed(tape.pool(), Rows.of(x.values(), k), weights.values(),
        bias == null ? null : bias.values(), out, n, m);
    tape.record(y, () -> {
      float[] dy = y.grad();
      if (x.requiresGrad()) {
        ParallelGemm.multiplyAdd(tape.pool(), dy, weights.values(), x.grad(), n, m, k);
      }
      if (weights.requiresGrad()) {
        ParallelGemm.multiplyTransposedAAdd(tape.pool(), dy, Rows.of(x.values(), k), weights.grad(), m, n);
      }
      if (bias != null && bias.requiresGrad()) {
        ParallelGemm.addColumnSums(tape.pool(), dy, n, m, bias.grad());
      }
    });
    return y;
  }
}
