package ai.fovea.desktop.run;

import ai.fovea.desktop.bench.Timing;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.sdk.engine.EngineAttempt;
import ai.fovea.sdk.engine.EngineModel;
import ai.fovea.sdk.engine.EngineOptions;
import ai.fovea.sdk.engine.EngineSelection;
import ai.fovea.sdk.engine.EngineSelector;
import ai.fovea.sdk.engine.EngineSession;
import java.util.Arrays;
import java.util.List;

/**
 * A model opened through an {@link EngineSelector} and run on given inputs: which engine ran it (and what
 * happened to the others), its outputs, and wall-clock times around {@link EngineSession#run} — the same
 * measure for every engine, copies in and out included, as an application sees it. Immutable.
 */
public final class ModelRun {
  private final String engine;
  private final List<EngineAttempt> attempts;
  private final Tensor[] outputs;
  private final double openMs;
  private final double[] sortedMs;

  private ModelRun(String engine, List<EngineAttempt> attempts, Tensor[] outputs, double openMs, double[] timesMs) {
    this.engine = engine;
    this.attempts = attempts;
    this.outputs = outputs;
    this.openMs = openMs;
    this.sortedMs = timesMs.clone();
    Arrays.sort(sortedMs);
  }

  /**
   * Opens {@code model} with {@code selector} (which may fall back; {@link ai.fovea.sdk.engine.NoEngineException}
   * when no engine takes it), runs it {@code warmUps} times untimed, then {@code runs} times timed; the outputs
   * are those of the last run.
   */
  public static ModelRun measure(EngineModel model, EngineSelector selector, EngineOptions options, Tensor[] inputs,
      int warmUps, int runs) {
    if (model == null || selector == null || options == null || inputs == null || warmUps < 0 || runs < 1) {
      throw new IllegalArgumentException("model, selector, options and inputs are required, warm-ups >= 0 and"
          + " runs >= 1, got " + warmUps + " and " + runs);
    }
    long start = System.nanoTime();
    try (EngineSelection selection = selector.open(model, options)) {
      double openMs = (System.nanoTime() - start) / 1e6;
      EngineSession session = selection.session();
      Tensor[] outputs = new Tensor[session.outputs().size()];
      for (int i = 0; i < outputs.length; i++) {
        outputs[i] = session.outputs().get(i).allocate();
      }
      double[] times = Timing.samplesMs(warmUps, runs, () -> Timing.wallMs(() -> session.run(inputs, outputs)));
      return new ModelRun(selection.engineName(), selection.attempts(), outputs, openMs, times);
    }
  }

  /** The engine that ran the model. */
  public String engine() {
    return engine;
  }

  /** Every engine of the selector's order and what happened to it. */
  public List<EngineAttempt> attempts() {
    return attempts;
  }

  /** The outputs of the last run (copies owned by the caller). */
  public Tensor[] outputs() {
    return outputs.clone();
  }

  /** Time to select the engine and prepare the model, including the selector's check run. */
  public double openMs() {
    return openMs;
  }

  /** Median wall-clock time of one timed run. */
  public double medianMs() {
    return Timing.median(sortedMs);
  }

  /** The fastest timed run: on a machine shared with other work, the closest to the engine's own speed. */
  public double fastestMs() {
    return sortedMs[0];
  }

  /** How many timed runs {@link #medianMs()} is the median of. */
  public int runs() {
    return sortedMs.length;
  }
}
