package ai.fovea.sdk.pipeline;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.sdk.engine.AbstractEngineSession;
import ai.fovea.sdk.engine.Engine;
import ai.fovea.sdk.engine.EngineCapabilities;
import ai.fovea.sdk.engine.EngineModel;
import ai.fovea.sdk.engine.EngineOptions;
import ai.fovea.sdk.engine.EngineSession;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * A real engine for RESHAPE-only models (it copies the input's elements to the output) whose runs wait at a gate
 * the test opens one run at a time: a slow engine without sleeping. {@link #entered} gets a permit as each run
 * starts waiting; {@link #allow} lets one run through. Open (every run passes) until {@link #close} is called.
 */
final class GatedEngine implements Engine {
  final Semaphore entered = new Semaphore(0);
  private final Semaphore gate = new Semaphore(Integer.MAX_VALUE / 2);
  private volatile boolean gated;

  /** From now on every run waits for {@link #allow}. */
  void closeGate() {
    gate.drainPermits();
    gated = true;
  }

  void allow() {
    gate.release();
  }

  @Override
  public String name() {
    return "gated";
  }

  @Override
  public EngineCapabilities capabilities() {
    return EngineCapabilities.of(Set.of("RESHAPE"), EnumSet.allOf(DataType.class), EnumSet.allOf(DataType.class),
        "tests");
  }

  @Override
  public void probe() {}

  @Override
  public EngineSession open(EngineModel model, EngineOptions options) {
    return new AbstractEngineSession(name(), model.inputs(), model.outputs()) {
      @Override
      protected void execute(Tensor[] in, Tensor[] out) {
        if (gated) {
          entered.release();
          gate.acquireUninterruptibly();
        }
        System.arraycopy(in[0].bytes(), 0, out[0].bytes(), 0, in[0].size());
      }

      @Override
      protected void release() {}
    };
  }
}
