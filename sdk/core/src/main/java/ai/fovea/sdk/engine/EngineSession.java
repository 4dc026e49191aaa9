package ai.fovea.sdk.engine;

import ai.fovea.kernels.tensor.Tensor;
import java.util.List;

/**
 * A model opened by one {@link Engine}, ready to run: what goes in, what comes out, and {@link #run}. Owns the
 * engine's resources (threads, native memory): close it. Not thread-safe: one caller at a time (the SDK's
 * tasks serialize their callers).
 */
public interface EngineSession extends AutoCloseable {
  /** The name of the engine running this session, e.g. {@code "java"} or {@code "tflite"}. */
  String engineName();

  /** The inputs {@link #run} expects, in order. */
  List<TensorSpec> inputs();

  /** The outputs {@link #run} fills, in order (shapes as the engine knows them before the first run). */
  List<TensorSpec> outputs();

  /**
   * Runs the model: reads {@code inputs} (one per {@link #inputs()} spec, same type and shape) and writes every
   * output into {@code outputs} (same types; a tensor whose shape differs from the engine's is resized, which
   * allocates only when it grows). Throws {@link IllegalArgumentException} for tensors that do not fit and
   * {@link EngineUnavailableException} with {@link EngineUnavailableException.Reason#RUN_FAILED} when the
   * engine itself fails.
   */
  void run(Tensor[] inputs, Tensor[] outputs);

  /** Releases the engine's resources; later calls to {@link #run} throw {@link IllegalStateException}. */
  @Override
  void close();
}
