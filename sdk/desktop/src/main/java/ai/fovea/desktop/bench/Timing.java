package ai.fovea.desktop.bench;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/** Median of repeated timed runs after untimed warm-up runs (our JIT needs them; TFLite's first run allocates). */
public final class Timing {
  private Timing() {}

  /** Calls {@code run} {@code warmUps} times, then {@code runs} times; returns the median of the latter. */
  public static double medianMs(int warmUps, int runs, DoubleSupplier run) {
    return median(samplesMs(warmUps, runs, run));
  }

  /** Calls {@code run} {@code warmUps} times, then {@code runs} times; returns the latter's times, in order. */
  public static double[] samplesMs(int warmUps, int runs, DoubleSupplier run) {
    if (warmUps < 0 || runs < 1) {
      throw new IllegalArgumentException("warm-ups must be >= 0 and runs >= 1, got " + warmUps + " and " + runs);
    }
    for (int w = 0; w < warmUps; w++) {
      run.getAsDouble();
    }
    double[] ms = new double[runs];
    for (int r = 0; r < runs; r++) {
      ms[r] = run.getAsDouble();
    }
    return ms;
  }

  /** Milliseconds one call of {@code body} takes on the wall clock. */
  public static double wallMs(Runnable body) {
    long start = System.nanoTime();
    body.run();
    return (System.nanoTime() - start) / 1e6;
  }

  /** Nearest-rank percentile {@code p} (0-100] of values sorted ascending. */
  public static double percentile(double[] sorted, double p) {
    if (sorted.length == 0 || !(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile " + p + " of " + sorted.length + " values");
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
