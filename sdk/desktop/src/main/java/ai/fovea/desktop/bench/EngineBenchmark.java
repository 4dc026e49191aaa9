package ai.fovea.desktop.bench;

import ai.fovea.sdk.engine.EngineRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the engine benchmarks share: the installed engines (the {@code tflite} reference first), threads, timed
 * runs per measurement and a progress sink.
 */
abstract class EngineBenchmark {
  /** The engine every ratio is against. */
  public static final String REFERENCE = "tflite";
  protected final EngineRegistry registry;
  protected final int threads;
  protected final int runs;
  protected final Consumer<String> progress;

  EngineBenchmark(EngineRegistry registry, int threads, int runs, Consumer<String> progress) {
    if (registry == null || threads < 1 || runs < 1) {
      throw new IllegalArgumentException("a registry, threads >= 1 and runs >= 1 are required, got " + registry
          + ", " + threads + " and " + runs);
    }
    this.registry = registry;
    this.threads = threads;
    this.runs = runs;
    this.progress = progress == null ? s -> { } : progress;
  }

  /** The engines measured, reference first. */
  public List<String> engines() {
    List<String> engines = new ArrayList<>(registry.names());
    if (engines.remove(REFERENCE)) {
      engines.add(0, REFERENCE);
    }
    return engines;
  }

  public int threads() {
    return threads;
  }

  public int runs() {
    return runs;
  }
}
