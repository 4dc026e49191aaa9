package ai.fovea.desktop.bench;

import ai.fovea.desktop.recognize.Recognition;
import ai.fovea.desktop.recognize.Recognizer;
import ai.fovea.sdk.engine.EngineRegistry;
import ai.fovea.sdk.engine.NoEngineException;
import ai.fovea.sdk.vision.TaskOptions;
import ai.fovea.sdk.vision.Timings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Times each shipped model on each installed engine through the SDK's public task API, as an app runs it: the
 * engine forced by name, frames cycled, warm-up calls, then {@code runs} timed {@code process} calls. Per call the
 * SDK's own step timings give inference and the whole pipeline; the reference is the {@code tflite} engine on the
 * same model in the same run. The goals are printed beside the numbers: pre- plus post-processing at most
 * 10 % of inference, and the java engine within 1.5x of TFLite on the shipped int8 models.
 */
public final class PipelineBenchmark extends EngineBenchmark {
  public static final double PRE_POST_GOAL = 0.10;
  public static final double JAVA_GOAL = 1.5;
  private static final int WARM_UP_RUNS = 3;

  public PipelineBenchmark(EngineRegistry registry, int threads, int runs, Consumer<String> progress) {
    super(registry, threads, runs, progress);
  }

  public List<PipelineRow> run(List<PipelineCase> cases) {
    List<PipelineRow> rows = new ArrayList<>();
    for (int c = 0; c < cases.size(); c++) {
      PipelineCase bench = cases.get(c);
      double reference = Double.NaN;
      for (String engine : engines()) {
        progress.accept(String.format(Locale.ROOT, "[%d/%d] %s: %s", c + 1, cases.size(), bench.model().name(),
            engine));
        TaskOptions options = bench.model().applyTo(TaskOptions.builder().registry(registry).engine(engine)
            .threads(threads)).build();
        try (Recognizer recognizer = Recognizer.open(bench.task(), bench.model().source(), options)) {
          PipelineRow row = measure(recognizer, bench, engine, reference);
          if (engine.equals(REFERENCE)) {
            reference = row.totalP50();
            row = withOwnReference(row);
          }
          rows.add(row);
        } catch (NoEngineException e) {
          rows.add(new PipelineRow(bench.model().name(), engine, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
              Double.NaN, Double.NaN, reference, "unavailable: " + e.attempts().get(0).message()));
        }
      }
    }
    return rows;
  }

  private PipelineRow measure(Recognizer recognizer, PipelineCase bench, String engine, double reference) {
    int frames = bench.frames().size();
    for (int w = 0; w < WARM_UP_RUNS + frames; w++) {
      // Every frame layout once, so the converter's planning is done before timing (steady state).
      recognizer.process(bench.frames().get(w % frames));
    }
    double[] inference = new double[runs];
    double[] total = new double[runs];
    double prePost = 0;
    double inferenceSum = 0;
    double totalSum = 0;
    for (int r = 0; r < runs; r++) {
      Recognition result = recognizer.process(bench.frames().get(r % frames));
      if (!result.engine().equals(engine)) {
        throw new IllegalStateException(engine + " fell back to " + result.engine() + ": " + result.fallbackReasons());
      }
      Timings t = result.timings();
      inference[r] = t.inferenceNanos() / 1e6;
      total[r] = t.totalNanos() / 1e6;
      prePost += (t.preprocessNanos() + t.convertNanos() + t.postprocessNanos()) / 1e6;
      inferenceSum += inference[r];
      totalSum += total[r];
    }
    Arrays.sort(inference);
    Arrays.sort(total);
    double totalP50 = Timing.percentile(total, 50);
    double share = prePost / inferenceSum;
    return new PipelineRow(bench.model().name(), engine, Timing.percentile(inference, 50),
        Timing.percentile(inference, 90), totalP50, Timing.percentile(total, 90), totalSum / runs, share, reference,
        note(engine, share, totalP50 / reference));
  }

  /** The reference row with its own p50 as the reference (known only once it is measured). */
  private static PipelineRow withOwnReference(PipelineRow row) {
    return new PipelineRow(row.model(), row.engine(), row.inferenceP50(), row.inferenceP90(), row.totalP50(),
        row.totalP90(), row.meanTotalMs(), row.prePostShare(), row.totalP50(), note(row.engine(), row.prePostShare(),
        1));
  }

  private static String note(String engine, double prePostShare, double ratio) {
    List<String> notes = new ArrayList<>();
    if (engine.equals(REFERENCE)) {
      notes.add("reference");
    }
    notes.add(String.format(Locale.ROOT, "pre+post goal <= %.0f%%: %s", PRE_POST_GOAL * 100,
        prePostShare <= PRE_POST_GOAL ? "met" : "not met"));
    if (engine.equals("java") && !Double.isNaN(ratio)) {
      notes.add(String.format(Locale.ROOT, "goal <= %.1fx TFLite: %s", JAVA_GOAL, ratio <= JAVA_GOAL ? "met"
          : "not met"));
    }
    return String.join("; ", notes);
  }

  public static int warmUpRuns() {
    return WARM_UP_RUNS;
  }
}
