package ai.fovea.sdk.engine;

/**
 * A way to run models: our Java kernels ({@link JavaEngine}, everywhere), the real TensorFlow Lite runtime
 * (desktop and Android front ends), the GPU path. An engine is a stateless factory: {@link #probe} says whether
 * it works on this machine, {@link #capabilities} what it can run, {@link #open} prepares a model into an
 * {@link EngineSession}. Implementations are thread-safe and have a public no-argument constructor, so front
 * ends can register them with {@link java.util.ServiceLoader} (see {@link EngineRegistry}).
 */
public interface Engine {
  /** A short lower-case name users select the engine by: {@code java}, {@code tflite}, {@code gpu}. */
  String name();

  /** What the engine declares it can run. */
  EngineCapabilities capabilities();

  /**
   * Checks that the engine can run on this machine at all (loads its native library, finds its device);
   * throws {@link EngineUnavailableException} with {@link EngineUnavailableException.Reason#PLATFORM} when not.
   * Cheap after the first call.
   */
  void probe();

  /**
   * Prepares {@code model} for running. Throws {@link EngineUnavailableException} naming why the engine cannot
   * take it (an unsupported op or type, a failure while loading); never leaves resources open when it throws.
   */
  EngineSession open(EngineModel model, EngineOptions options);
}
