package ai.fovea.desktop.bench;

import java.util.List;
import java.util.Locale;

/** `./fovea bench train` results with the machine and settings, as a text table or JSON. */
public final class TrainBenchReport {
  private final MachineInfo machine;
  private final int threads;
  private final int steps;
  private final List<TrainBenchRow> rows;

  public TrainBenchReport(MachineInfo machine, int threads, int steps, List<TrainBenchRow> rows) {
    this.machine = machine;
    this.threads = threads;
    this.steps = steps;
    this.rows = List.copyOf(rows);
  }

  public String toTable() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s, %d cores visible, %d threads, %d timed steps per measurement%n",
        machine.cpu(), machine.cores(), threads, steps));
    sb.append(String.format(Locale.ROOT, "%-10s %11s %6s %16s %21s %13s%n", "network", "parameters", "batch",
        "ours samples/s", "TensorFlow samples/s", "ours/TF"));
    for (TrainBenchRow r : rows) {
      sb.append(String.format(Locale.ROOT, "%-10s %,11d %6d %16.0f %21.0f %12.2fx%n", r.network(), r.parameters(),
          r.batch(), r.oursSamplesPerSecond(), r.referenceSamplesPerSecond(), r.ratio()));
    }
    sb.append("Training steps: forward, softmax cross-entropy, backward, SGD update; TensorFlow Java 1.1.0 (CPU, "
        + "graph mode). Goal: ours/TF >= 0.5.\n");
    return sb.toString();
  }

  public String toJson() {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"machine\": ").append(BenchReport.machineJson(machine)).append(",\n");
    sb.append("  \"threads\": ").append(threads).append(",\n  \"timed_steps\": ").append(steps)
        .append(",\n  \"reference\": ").append(BenchReport.quote(TrainBenchRow.REFERENCE)).append(",\n  \"rows\": [\n");
    for (int i = 0; i < rows.size(); i++) {
      TrainBenchRow r = rows.get(i);
      sb.append(String.format(Locale.ROOT,
          "    {\"network\": %s, \"parameters\": %d, \"batch\": %d, \"ours_samples_per_s\": %.1f, "
              + "\"reference_samples_per_s\": %.1f, \"ratio\": %.3f}%s%n",
          BenchReport.quote(r.network()), r.parameters(), r.batch(), r.oursSamplesPerSecond(),
          r.referenceSamplesPerSecond(), r.ratio(), i + 1 < rows.size() ? "," : ""));
    }
    return sb.append("  ]\n}\n").toString();
  }
}
