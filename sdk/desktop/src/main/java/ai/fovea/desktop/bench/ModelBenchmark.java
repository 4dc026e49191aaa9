package ai.fovea.desktop.bench;

import ai.fovea.desktop.run.ModelRun;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.sdk.engine.EngineOptions;
import ai.fovea.sdk.engine.EngineRegistry;
import ai.fovea.sdk.engine.EngineSelector;
import ai.fovea.sdk.engine.JavaEngine;
import ai.fovea.sdk.engine.NoEngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Times whole models on every installed engine through the engine interface, as an application runs them: the
 * same seeded input for every engine, warm-up runs, then the median wall-clock time of {@code runs} calls of the
 * session's {@code run} (copies in and out included). The reference is the {@code tflite} engine measured in the
 * same run: TFLite 2.6.2 with XNNPACK for float models, its own kernels for quantized ones. An engine that cannot
 * take a model gets a row saying why instead of a time.
 */
public final class ModelBenchmark extends EngineBenchmark {
  /** The goals for the java engine: quantized models faster than TFLite, float within 2x XNNPACK. */
  public static final double JAVA_QUANTIZED_GOAL = 1.0;
  public static final double JAVA_FLOAT_GOAL = 2.0;
  private static final int WARM_UP_RUNS = 5;
  private static final long INPUT_SEED = 17L;

  public ModelBenchmark(EngineRegistry registry, int threads, int runs, Consumer<String> progress) {
    super(registry, threads, runs, progress);
  }

  public List<ModelBenchRow> run(List<BenchModel> models) {
    List<ModelBenchRow> rows = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      BenchModel bench = models.get(m);
      Tensor[] inputs = RandomInputs.of(bench.model().inputs(), INPUT_SEED);
      double reference = Double.NaN;
      for (String engine : engines()) {
        progress.accept(String.format(Locale.ROOT, "[%d/%d] %s: %s", m + 1, models.size(), bench.name(), engine));
        try {
          ModelRun run = ModelRun.measure(bench.model(), EngineSelector.ordered(registry, List.of(engine)),
              EngineOptions.threads(threads), inputs, WARM_UP_RUNS, runs);
          if (engine.equals(REFERENCE)) {
            reference = run.medianMs();
          }
          rows.add(new ModelBenchRow(bench.name(), engine, run.medianMs(), run.fastestMs(), reference,
              note(engine, bench, run.medianMs() / reference)));
        } catch (NoEngineException e) {
          rows.add(new ModelBenchRow(bench.name(), engine, Double.NaN, Double.NaN, reference,
              "unavailable: " + e.attempts().get(0).message()));
        }
      }
    }
    return rows;
  }

  /** How TFLite ran the model, or for the java engine the goal and whether this run met it. */
  private static String note(String engine, BenchModel bench, double ratio) {
    boolean isFloat = bench.model().computeType() == DataType.FLOAT32;
    if (engine.equals(REFERENCE)) {
      return isFloat ? "reference (XNNPACK)" : "reference (TFLite's own "
          + bench.model().computeType().name().toLowerCase(Locale.ROOT) + " kernels)";
    }
    if (!engine.equals(JavaEngine.NAME) || Double.isNaN(ratio)) {
      return "";
    }
    double goal = isFloat ? JAVA_FLOAT_GOAL : JAVA_QUANTIZED_GOAL;
    return String.format(Locale.ROOT, "goal <= %.1fx: %s", goal, ratio <= goal ? "met" : "not met");
  }

  /** Untimed runs before the timed ones. */
  public static int warmUpRuns() {
    return WARM_UP_RUNS;
  }
}
