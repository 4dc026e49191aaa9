package ai.fovea.desktop.tflite;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.sdk.engine.AbstractEngineSession;
import ai.fovea.sdk.engine.Engine;
import ai.fovea.sdk.engine.EngineCapabilities;
import ai.fovea.sdk.engine.EngineModel;
import ai.fovea.sdk.engine.EngineOptions;
import ai.fovea.sdk.engine.EngineSession;
import ai.fovea.sdk.engine.EngineUnavailableException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The desktop {@code tflite} engine: the real TensorFlow Lite 2.6.2 runtime through {@link TfliteInterpreter},
 * with XNNPACK for float models (several times faster there) and TFLite's own kernels for quantized ones.
 * Registered for {@link java.util.ServiceLoader} in this module's {@code META-INF/services}, so
 * {@link ai.fovea.sdk.engine.EngineRegistry#installed()} finds it whenever sdk-desktop is on the class path.
 * Declares every TF 2.6 builtin operator Fovea knows by name plus the one custom operator stock TFLite
 * registers, {@code TFLite_Detection_PostProcess}; fast kernels for float32 only, since this JNI build has no
 * fast int8 path.
 */
public final class TfliteEngine implements Engine {
  /** The name users select this engine by. */
  public static final String NAME = "tflite";

  private static final EngineCapabilities CAPABILITIES = declare();

  /** Null until probed; then the failure, or {@code NONE} when the runtime loaded. */
  private static volatile EngineUnavailableException probeFailure;
  private static final EngineUnavailableException NONE =
      new EngineUnavailableException(NAME, EngineUnavailableException.Reason.PLATFORM, "available");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public EngineCapabilities capabilities() {
    return CAPABILITIES;
  }

  /** Loads the native runtime once per JVM; a library that cannot load is a platform failure. */
  @Override
  public void probe() {
    EngineUnavailableException failure = probeFailure;
    if (failure == null) {
      try {
        TfliteInterpreter.runtimeVersion();
        failure = NONE;
      } catch (TfliteUnavailableException | IllegalStateException | LinkageError e) {
        failure = new EngineUnavailableException(NAME, EngineUnavailableException.Reason.PLATFORM,
            "TensorFlow Lite runtime unavailable: " + e.getMessage(), e);
      }
      probeFailure = failure;
    }
    if (failure != NONE) {
      throw failure;
    }
  }

  @Override
  public EngineSession open(EngineModel model, EngineOptions options) {
    if (model == null || options == null) {
      throw new IllegalArgumentException("model and options are required, got " + model + " and " + options);
    }
    probe();
    TfliteInterpreter interpreter;
    try {
      interpreter = TfliteInterpreter.builder(model.bytes()).threads(options.threads())
          .xnnpack(model.computeType() == DataType.FLOAT32).build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new EngineUnavailableException(NAME, EngineUnavailableException.Reason.OPEN_FAILED, e.getMessage(), e);
    }
    return new Session(model, interpreter);
  }

  private static EngineCapabilities declare() {
    Set<String> ops = new LinkedHashSet<>();
    for (BuiltinOperator op : BuiltinOperator.values()) {
      if (op != BuiltinOperator.CUSTOM) {
        ops.add(op.name());
      }
    }
    ops.add("CUSTOM(TFLite_Detection_PostProcess)");
    return EngineCapabilities.of(ops, EnumSet.allOf(DataType.class), EnumSet.of(DataType.FLOAT32),
        "desktop JVM on linux-x86_64 (TensorFlow Lite 2.6.2 JNI build)");
  }

  private static final class Session extends AbstractEngineSession {
    private final TfliteInterpreter interpreter;

    Session(EngineModel model, TfliteInterpreter interpreter) {
      super(NAME, model.inputs(), model.outputs());
      this.interpreter = interpreter;
    }

    @Override
    protected void execute(Tensor[] in, Tensor[] out) {
      interpreter.run(in);
      for (int i = 0; i < out.length; i++) {
        interpreter.readOutput(i, out[i]);
      }
    }

    @Override
    protected void release() {
      interpreter.close();
    }
  }
}
