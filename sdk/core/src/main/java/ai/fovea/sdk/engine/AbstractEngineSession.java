package ai.fovea.sdk.engine;

import ai.fovea.kernels.tensor.Tensor;
import java.util.List;

/**
 * The part every {@link EngineSession} shares, so engines only write what differs: the specs, the argument
 * checks of {@link #run}, the closed state ({@link IllegalStateException} after {@link #close}), and turning an
 * engine's own run-time failure into {@link EngineUnavailableException} with
 * {@link EngineUnavailableException.Reason#RUN_FAILED}. Subclasses implement {@link #execute} and
 * {@link #release}.
 */
public abstract class AbstractEngineSession implements EngineSession {
  private final String engineName;
  private final List<TensorSpec> inputs;
  private final List<TensorSpec> outputs;
  private boolean closed;

  protected AbstractEngineSession(String engineName, List<TensorSpec> inputs, List<TensorSpec> outputs) {
    if (engineName == null || inputs == null || outputs == null) {
      throw new IllegalArgumentException("engine name, inputs and outputs are required");
    }
    this.engineName = engineName;
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
  }

  @Override
  public final String engineName() {
    return engineName;
  }

  @Override
  public final List<TensorSpec> inputs() {
    return inputs;
  }

  @Override
  public final List<TensorSpec> outputs() {
    return outputs;
  }

  @Override
  public final void run(Tensor[] in, Tensor[] out) {
    if (closed) {
      throw new IllegalStateException(engineName + " session is closed");
    }
    checkInputs(in);
    checkOutputs(out);
    try {
      execute(in, out);
    } catch (EngineUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EngineUnavailableException(engineName, EngineUnavailableException.Reason.RUN_FAILED,
          "failed while running: " + e, e);
    }
  }

  /** Runs the model on checked arguments: one input per spec (type and shape match), one output per spec (type). */
  protected abstract void execute(Tensor[] in, Tensor[] out);

  @Override
  public final void close() {
    if (!closed) {
      closed = true;
      release();
    }
  }

  /** Frees the engine's resources; called once. */
  protected abstract void release();

  private void checkInputs(Tensor[] in) {
    if (in == null || in.length != inputs.size()) {
      throw new IllegalArgumentException("the model has " + inputs.size() + " inputs, got "
          + (in == null ? "null" : String.valueOf(in.length)));
    }
    for (int i = 0; i < in.length; i++) {
      if (!inputs.get(i).accepts(in[i])) {
        throw new IllegalArgumentException("input " + i + " must be " + inputs.get(i) + ", got " + in[i]);
      }
    }
  }

  private void checkOutputs(Tensor[] out) {
    if (out == null || out.length != outputs.size()) {
      throw new IllegalArgumentException("the model has " + outputs.size() + " outputs, got "
          + (out == null ? "null" : String.valueOf(out.length)));
    }
    for (int i = 0; i < out.length; i++) {
      if (out[i] == null || out[i].dataType() != outputs.get(i).dataType()) {
        throw new IllegalArgumentException("output " + i + " must be " + outputs.get(i).dataType() + ", got "
            + out[i]);
      }
    }
  }

  @Override
  public String toString() {
    return engineName + " session " + inputs + " -> " + outputs;
  }
}
