package ai.fovea.desktop.bench;

import ai.fovea.desktop.tflite.TfliteInterpreter;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.quantize.CalibrationSamples;
import ai.fovea.models.quantize.PostTrainingQuantizer;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Times each {@link BenchCase} as float and int8 on our kernels and in TFLite 2.6.2 with the same thread count:
 * median of {@code runs} timed runs after warm-up runs ({@link Timing}). The speed reference is TFLite's float
 * model with XNNPACK; TFLite's int8 kernels are slow in this build, so they get a fifth of the runs and are
 * reported for information. Our times are wall-clock around the graph run, TFLite's its native inference time.
 */
public final class KernelBenchmark {
  private static final int CALIBRATION_SAMPLES = 2;
  private static final int WARM_UP_RUNS = 5;
  private static final long INPUT_SEED = 11L;
  private final int threads;
  private final int runs;
  private final Consumer<String> progress;

  public KernelBenchmark(int threads, int runs, Consumer<String> progress) {
    if (threads < 1 || runs < 1) {
      throw new IllegalArgumentException("threads and runs must be >= 1, got " + threads + " and " + runs);
    }
    this.threads = threads;
    this.runs = runs;
    this.progress = progress == null ? s -> { } : progress;
  }

  public List<BenchRow> run(List<BenchCase> cases) {
    List<BenchRow> rows = new ArrayList<>();
    try (ComputePool pool = new ComputePool(threads)) {
      for (int i = 0; i < cases.size(); i++) {
        BenchCase c = cases.get(i);
        String step = String.format("[%d/%d] %s", i + 1, cases.size(), c.name());
        TfliteModel floatModel = c.floatModel();
        TfliteModel int8Model = PostTrainingQuantizer.builder().threads(threads).build().quantize(floatModel,
            CalibrationSamples.uniform(floatModel, CALIBRATION_SAMPLES, -1f, 1f, 1));
        progress.accept(step + ": TFLite XNNPACK float");
        double reference = tflite(floatModel, true, runs);
        progress.accept(step + ": ours float");
        rows.add(new BenchRow(c.name() + " float", ours(floatModel, pool), reference, Double.NaN));
        progress.accept(step + ": ours int8");
        double oursInt8 = ours(int8Model, pool);
        progress.accept(step + ": TFLite int8");
        rows.add(new BenchRow(c.name() + " int8", oursInt8, reference, tflite(int8Model, false, Math.max(1, runs / 5))));
      }
    }
    return rows;
  }

  private double ours(TfliteModel model, ComputePool pool) {
    try (GraphRunner runner = GraphRunner.builder(model).pool(pool).build()) {
      RandomInputs.feed(RandomInputs.of(model, INPUT_SEED), runner);
      return Timing.medianMs(WARM_UP_RUNS, runs, () -> Timing.wallMs(runner::run));
    }
  }

  private double tflite(TfliteModel model, boolean xnnpack, int timedRuns) {
    Tensor[] inputs = RandomInputs.of(model, INPUT_SEED);
    try (TfliteInterpreter tflite = TfliteInterpreter.builder(TfliteWriter.write(model)).threads(threads)
        .xnnpack(xnnpack).build()) {
      return Timing.medianMs(1, timedRuns, () -> {
        tflite.run(inputs);
        return tflite.lastRunNanos() / 1e6;
      });
    }
  }
}
