package ai.fovea.desktop.bench;

import java.util.List;
import java.util.Locale;

/** The rows of {@link ModelBenchmark} with the machine and settings, as a text table or JSON. Immutable. */
public final class ModelBenchReport {
  private final MachineInfo machine;
  private final int threads;
  private final int runs;
  private final List<ModelBenchRow> rows;
  private final List<String> missingEngines;

  /** {@code missingEngines}: engines Fovea defines that this build lacks, named under the table. */
  public ModelBenchReport(MachineInfo machine, int threads, int runs, List<ModelBenchRow> rows,
      List<String> missingEngines) {
    this.machine = machine;
    this.threads = threads;
    this.runs = runs;
    this.rows = List.copyOf(rows);
    this.missingEngines = List.copyOf(missingEngines);
  }

  public String toTable() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s, %d cores visible, %d threads, median and fastest of %d runs after %d"
        + " warm-up runs (wall clock around the engine's run)%n", machine.cpu(), machine.cores(), threads, runs,
        ModelBenchmark.warmUpRuns()));
    int width = rows.stream().mapToInt(r -> r.model().length()).max().orElse(5);
    String format = "%-" + width + "s  %-8s %11s %10s %12s  %s";
    sb.append(String.format(Locale.ROOT, format, "model", "engine", "median ms", "vs TFLite", "fastest ms", "note"))
        .append('\n');
    String previous = null;
    for (ModelBenchRow r : rows) {
      sb.append(String.format(Locale.ROOT, format, r.model().equals(previous) ? "" : r.model(),
          r.engine(), r.available() ? String.format(Locale.ROOT, "%.2f", r.medianMs()) : "-",
          Double.isNaN(r.ratio()) ? "-" : String.format(Locale.ROOT, "%.2fx", r.ratio()),
          r.available() ? String.format(Locale.ROOT, "%.2f", r.fastestMs()) : "-", r.note()).stripTrailing())
          .append('\n');
      previous = r.model();
    }
    for (String engine : missingEngines) {
      sb.append(engine).append(": not available in this build\n");
    }
    return sb.toString();
  }

  public String toJson() {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"machine\": ").append(BenchReport.machineJson(machine)).append(",\n");
    sb.append("  \"threads\": ").append(threads).append(",\n  \"runs\": ").append(runs)
        .append(",\n  \"warm_up_runs\": ").append(ModelBenchmark.warmUpRuns())
        .append(",\n  \"timing\": \"wall clock around EngineSession.run, median\",\n  \"rows\": [\n");
    for (int i = 0; i < rows.size(); i++) {
      ModelBenchRow r = rows.get(i);
      sb.append(String.format(Locale.ROOT,
          "    {\"model\": %s, \"engine\": %s, \"median_ms\": %s, \"fastest_ms\": %s, \"reference\": %s, "
              + "\"reference_ms\": %s, "
              + "\"ratio\": %s, \"note\": %s, \"threads\": %d}%s%n",
          BenchReport.quote(r.model()), BenchReport.quote(r.engine()), number(r.medianMs()), number(r.fastestMs()),
          BenchReport.quote(ModelBenchmark.REFERENCE), number(r.referenceMs()), number(r.ratio()),
          BenchReport.quote(r.note()), threads, i + 1 < rows.size() ? "," : ""));
    }
    return sb.append("  ]\n}\n").toString();
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.3f", v);
  }
}
