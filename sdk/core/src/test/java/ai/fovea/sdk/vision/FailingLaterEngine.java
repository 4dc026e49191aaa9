package ai.fovea.sdk.vision;

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

/**
 * A real engine for RESHAPE-only models (it copies the input's elements to the output) that stops working from
 * its sessions' {@code failFromRun}-th run on, like a GPU that is lost while the app runs.
 */
final class FailingLaterEngine implements Engine {
  private final int failFromRun;

  FailingLaterEngine(int failFromRun) {
    this.failFromRun = failFromRun;
  }

  @Override
  public String name() {
    return "flaky";
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
      private int runs;

      @Override
      protected void execute(Tensor[] in, Tensor[] out) {
        if (++runs >= failFromRun) {
          throw new IllegalStateException("device lost");
        }
        System.arraycopy(in[0].bytes(), 0, out[0].bytes(), 0, in[0].size());
      }

      @Override
      protected void release() {}
    };
  }
}
