package ai.fovea.sdk.engine;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.BuiltinOps;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.graph.OpResolver;
import ai.fovea.models.graph.UnsupportedOpException;
import ai.fovea.models.tflite.BuiltinOperator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code java} engine: Fovea's own kernels through {@link GraphRunner}. Runs on any Java 11 runtime
 * (Android included), float32 and int8/uint8 with optimized kernels. A model with an operator the kernels lack
 * is refused at {@link #open} ({@link EngineUnavailableException.Reason#UNSUPPORTED_OP}, naming the node).
 */
public final class JavaEngine implements Engine {
  /** The name users select this engine by. */
  public static final String NAME = "java";

  private static final EngineCapabilities CAPABILITIES = capabilities(BuiltinOps.resolver());

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public EngineCapabilities capabilities() {
    return CAPABILITIES;
  }

  /** Pure Java: always available. */
  @Override
  public void probe() {}

  @Override
  public EngineSession open(EngineModel model, EngineOptions options) {
    if (model == null || options == null) {
      throw new IllegalArgumentException("model and options are required, got " + model + " and " + options);
    }
    GraphRunner runner;
    try {
      runner = GraphRunner.builder(model.model()).threads(options.threads()).build();
    } catch (UnsupportedOpException e) {
      throw new EngineUnavailableException(NAME, EngineUnavailableException.Reason.UNSUPPORTED_OP, e.getMessage(), e);
    } catch (OpPrepareException e) {
      throw new EngineUnavailableException(NAME, EngineUnavailableException.Reason.OPEN_FAILED, e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new EngineUnavailableException(NAME, EngineUnavailableException.Reason.OPEN_FAILED,
          "failed while preparing the model: " + e, e);
    }
    return new Session(model, runner);
  }

  private static EngineCapabilities capabilities(OpResolver resolver) {
    Set<String> ops = new LinkedHashSet<>();
    for (BuiltinOperator op : resolver.builtins()) {
      ops.add(op.name());
    }
    for (String custom : resolver.customCodes()) {
      ops.add("CUSTOM(" + custom + ")");
    }
    return EngineCapabilities.of(ops, EnumSet.allOf(DataType.class),
        EnumSet.of(DataType.FLOAT32, DataType.INT8, DataType.UINT8), "any Java 11 runtime (Android, desktop JVM)");
  }

  private static final class Session extends AbstractEngineSession {
    private final GraphRunner runner;

    Session(EngineModel model, GraphRunner runner) {
      super(NAME, model.inputs(), model.outputs());
      this.runner = runner;
    }

    @Override
    protected void execute(Tensor[] in, Tensor[] out) {
      for (int i = 0; i < in.length; i++) {
        TensorCopy.copy(in[i], runner.input(i));
      }
      runner.run();
      for (int i = 0; i < out.length; i++) {
        TensorCopy.copy(runner.output(i), out[i]);
      }
    }

    @Override
    protected void release() {
      runner.close();
    }
  }
}
