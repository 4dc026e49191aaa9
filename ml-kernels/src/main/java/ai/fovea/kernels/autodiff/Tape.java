package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of one forward pass: each op computes its output at once and, when that output needs a gradient,
 * appends a closure that holds what its backward needs (inputs, saved activations, im2col columns).
 * {@link #backward} runs the closures newest first, so every output's gradient is complete before it is
 * propagated, then drops them, freeing everything the pass kept alive. Ops run on the tape's pool.
 */
public final class Tape {
  private final ComputePool pool;
  private final boolean recording;
  private final List<Runnable> backwards = new ArrayList<>();

  /** A tape that records for {@link #backward}. */
  public Tape(ComputePool pool) {
    this(pool, true);
  }

  private Tape(ComputePool pool, boolean recording) {
    if (pool == null) {
      throw new IllegalArgumentException("pool is required");
    }
    this.pool = pool;
    this.recording = recording;
  }

  /** A tape for evaluation passes: ops compute outputs but keep nothing for backward. */
  public static Tape inference(ComputePool pool) {
    return new Tape(pool, false);
  }

  public ComputePool pool() {
    return pool;
  }

  /** Fails naming {@code op} and the position of the first null among its required inputs. */
  public static void requireInputs(String op, Variable... inputs) {
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] == null) {
        throw new OpPrepareException(op, "input " + i + " is null");
      }
    }
  }

  /** A fresh zero-filled op output that needs a gradient when any of {@code inputs} does. */
  public Variable output(String name, Shape shape, Variable... inputs) {
    boolean requiresGrad = false;
    for (Variable in : inputs) {
      requiresGrad |= in != null && in.requiresGrad();
    }
    return new Variable(Tensor.ofFloats(name, shape, new float[shape.size()]), requiresGrad);
  }

  /**
   * Records {@code backward}, which adds {@code output}'s gradient into its inputs', if output needs one and
   * this tape records.
   */
  public void record(Variable output, Runnable backward) {
    if (recording && output.requiresGrad()) {
      backwards.add(backward);
    }
  }

  /** Number of backward steps recorded and not yet run. */
  public int recorded() {
    return backwards.size();
  }

  /** Back-propagates from a scalar loss: d loss / d loss = 1. */
  public void backward(Variable loss) {
    if (loss.size() != 1) {
      throw new IllegalArgumentException("backward needs a scalar loss, got " + loss.shape());
    }
    backward(loss, new float[] {1f});
  }

  /** Back-propagates {@code outputGradient} (a vector-Jacobian product), then clears the tape. */
  public void backward(Variable output, float[] outputGradient) {
    if (!recording) {
      throw new IllegalStateException("an inference tape records nothing to back-propagate");
    }
    if (!output.requiresGrad()) {
      throw new IllegalArgumentException(output + " does not depend on any parameter");
    }
    if (outputGradient.length != output.size()) {
      throw new IllegalArgumentException("output gradient has " + outputGradient.length + " values for "
          + output.shape());
    }
    float[] g = output.grad();
    for (int i = 0; i < g.length; i++) {
      g[i] += outputGradient[i];
    }
    try {
      for (int i = backwards.size() - 1; i >= 0; i--) {
        backwards.get(i).run();
      }
    } finally {
      backwards.clear();
    }
  }

  /** Drops the record without back-propagating (evaluation passes). */
  public void clear() {
    backwards.clear();
  }
}
