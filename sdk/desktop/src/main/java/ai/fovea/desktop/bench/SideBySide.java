package ai.fovea.desktop.bench;

import ai.fovea.desktop.tflite.TfliteInterpreter;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteWriter;

/**
 * One model on our kernels and in TFLite 2.6.2 on the same seeded input: how closely every output agrees with
 * TFLite's built-in kernels (the conformance oracle), and median times. A float model is timed against TFLite
 * with XNNPACK (its fast float path); an int8 model against TFLite's int8 kernels, which this build runs slowly,
 * so they get fewer runs. Immutable result.
 */
public final class SideBySide {
  private static final int WARM_UP_RUNS = 5;
  private static final long INPUT_SEED = 3L;

  public final double oursMs;
  public final double tfliteMs;
  /** What {@link #tfliteMs} timed: "XNNPACK" or "int8 kernels". */
  public final String tfliteEngine;
  /** Output values identical to TFLite's, and their total count. */
  public final long identical;
  public final long total;
  /** Largest |ours - TFLite| over float outputs, absolute and relative to max(|TFLite|, RMS of its output). */
  public final double maxAbsError;
  public final double maxRelError;

  private SideBySide(double oursMs, double tfliteMs, String tfliteEngine, long identical, long total,
      double maxAbsError, double maxRelError) {
    this.oursMs = oursMs;
    this.tfliteMs = tfliteMs;
    this.tfliteEngine = tfliteEngine;
    this.identical = identical;
    this.total = total;
    this.maxAbsError = maxAbsError;
    this.maxRelError = maxRelError;
  }

  public static SideBySide measure(TfliteModel model, ComputePool pool, int runs) {
    if (model == null || pool == null || runs < 1) {
      throw new IllegalArgumentException("a model, a pool and runs >= 1 are required");
    }
    byte[] bytes = TfliteWriter.write(model);
    Tensor[] inputs = RandomInputs.of(model, INPUT_SEED);
    boolean isFloat = inputs[0].dataType() == DataType.FLOAT32;
    try (GraphRunner ours = GraphRunner.builder(model).pool(pool).build();
        TfliteInterpreter builtin = TfliteInterpreter.builder(bytes).threads(pool.threads()).build()) {
      RandomInputs.feed(inputs, ours);
      ours.run();
      builtin.run(inputs);
      long identical = 0;
      long total = 0;
      double maxAbs = 0;
      double maxRel = 0;
      for (int o = 0; o < ours.outputCount(); o++) {
        Tensor expected = builtin.output(o);
        Tensor actual = ours.output(o);
        double floor = expected.dataType() == DataType.FLOAT32 ? Math.max(rms(expected), Float.MIN_NORMAL) : 0;
        for (int k = 0; k < expected.size(); k++) {
          double e = value(expected, k);
          double diff = Math.abs(e - value(actual, k));
          identical += diff == 0 ? 1 : 0;
          maxAbs = Math.max(maxAbs, diff);
          if (floor > 0) {
            maxRel = Math.max(maxRel, diff / Math.max(Math.abs(e), floor));
          }
        }
        total += expected.size();
      }
      double oursMs = Timing.medianMs(WARM_UP_RUNS, runs, () -> Timing.wallMs(ours::run));
      double tfliteMs;
      if (isFloat) {
        try (TfliteInterpreter xnnpack = TfliteInterpreter.builder(bytes).threads(pool.threads()).xnnpack(true)
            .build()) {
          tfliteMs = nativeMedianMs(xnnpack, inputs, 1, runs);
        }
      } else {
        tfliteMs = nativeMedianMs(builtin, inputs, 0, Math.max(1, runs / 3));
      }
      return new SideBySide(oursMs, tfliteMs, isFloat ? "XNNPACK" : "int8 kernels", identical, total, maxAbs, maxRel);
    }
  }

  private static double nativeMedianMs(TfliteInterpreter tflite, Tensor[] inputs, int warmUps, int runs) {
    return Timing.medianMs(warmUps, runs, () -> {
      tflite.run(inputs);
      return tflite.lastRunNanos() / 1e6;
    });
  }

  private static double value(Tensor t, int k) {
    switch (t.dataType()) {
      case FLOAT32:
        return t.floats()[k];
      case UINT8:
        return t.bytes()[k] & 0xFF;
      case INT8:
        return t.bytes()[k];
      default:
        throw new IllegalArgumentException("output " + t + " is not compared");
    }
  }

  private static double rms(Tensor t) {
    double sum = 0;
    for (int k = 0; k < t.size(); k++) {
      sum += (double) t.floats()[k] * t.floats()[k];
    }
    return Math.sqrt(sum / Math.max(1, t.size()));
  }
}
