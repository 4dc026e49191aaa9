package ai.fovea.desktop.bench;

import java.util.List;
import java.util.Locale;

/** The rows of {@link PipelineBenchmark} with the machine, settings and frames, as a text table or JSON. */
public final class PipelineBenchReport {
  private final MachineInfo machine;
  private final int threads;
  private final int runs;
  private final List<String> frames;
  private final List<PipelineRow> rows;
  private final List<ConvertBenchmark.Row> conversion;

  /**
   * {@code frames}: for each model, the frames it was fed, in words; {@code conversion}: the frame-conversion rows
   * measured in the same run (written to the JSON too).
   */
  public PipelineBenchReport(MachineInfo machine, int threads, int runs, List<String> frames, List<PipelineRow> rows,
      List<ConvertBenchmark.Row> conversion) {
    this.machine = machine;
    this.threads = threads;
    this.runs = runs;
    this.frames = List.copyOf(frames);
    this.rows = List.copyOf(rows);
    this.conversion = List.copyOf(conversion);
  }

  public String toTable() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "whole pipeline (Classifier/Detector.process: convert, inference, decode) on"
        + " %s, %d cores visible, %d threads, %d runs after warm-up%n", machine.cpu(), machine.cores(), threads, runs));
    frames.forEach(f -> sb.append("  ").append(f).append('\n'));
    int width = Math.max(5, rows.stream().mapToInt(r -> r.model().length()).max().orElse(5));
    String format = "%-" + width + "s  %-7s %9s %9s %9s %9s %7s %9s %9s  %s";
    sb.append(String.format(Locale.ROOT, format, "model", "engine", "inf p50", "inf p90", "total p50", "total p90",
        "FPS", "pre+post", "vs TFLite", "note")).append('\n');
    String previous = null;
    for (PipelineRow r : rows) {
      String model = r.model().equals(previous) ? "" : r.model();
      previous = r.model();
      if (!r.available()) {
        sb.append(String.format(Locale.ROOT, format, model, r.engine(), "-", "-", "-", "-", "-", "-", "-", r.note())
            .stripTrailing()).append('\n');
        continue;
      }
      sb.append(String.format(Locale.ROOT, format, model, r.engine(), ms(r.inferenceP50()), ms(r.inferenceP90()),
          ms(r.totalP50()), ms(r.totalP90()), String.format(Locale.ROOT, "%.1f", r.fps()),
          String.format(Locale.ROOT, "%.1f%%", 100 * r.prePostShare()),
          Double.isNaN(r.ratio()) ? "-" : String.format(Locale.ROOT, "%.2fx", r.ratio()), r.note()).stripTrailing())
          .append('\n');
    }
    sb.append("times in ms; pre+post = (planning + conversion + decoding) / inference, mean over the runs; FPS = 1000 /"
        + " mean total; vs TFLite = total p50 / the tflite engine's total p50 on the same model.\n");
    return sb.toString();
  }

  public String toJson() {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"machine\": ").append(BenchReport.machineJson(machine)).append(",\n");
    sb.append("  \"threads\": ").append(threads).append(",\n  \"runs\": ").append(runs)
        .append(",\n  \"warm_up_runs\": ").append(PipelineBenchmark.warmUpRuns())
        .append(",\n  \"reference\": ").append(BenchReport.quote(PipelineBenchmark.REFERENCE))
        .append(",\n  \"frames\": [");
    for (int i = 0; i < frames.size(); i++) {
      sb.append(i > 0 ? ", " : "").append(BenchReport.quote(frames.get(i)));
    }
    sb.append("],\n  \"conversion\": [\n");
    for (int i = 0; i < conversion.size(); i++) {
      sb.append(String.format(Locale.ROOT, "    {\"case\": %s, \"median_ms\": %.4f}%s%n",
          BenchReport.quote(conversion.get(i).name), conversion.get(i).medianMs, i + 1 < conversion.size() ? "," : ""));
    }
    sb.append("  ],\n  \"rows\": [\n");
    for (int i = 0; i < rows.size(); i++) {
      PipelineRow r = rows.get(i);
      sb.append(String.format(Locale.ROOT, "    {\"model\": %s, \"engine\": %s, \"inference_p50_ms\": %s, "
              + "\"inference_p90_ms\": %s, \"total_p50_ms\": %s, \"total_p90_ms\": %s, \"fps\": %s, "
              + "\"pre_post_share_of_inference\": %s, \"reference_total_p50_ms\": %s, \"ratio_to_reference\": %s, "
              + "\"note\": %s}%s%n",
          BenchReport.quote(r.model()), BenchReport.quote(r.engine()), number(r.inferenceP50()),
          number(r.inferenceP90()), number(r.totalP50()), number(r.totalP90()), number(r.fps()),
          number(r.prePostShare()), number(r.referenceTotalP50()), number(r.ratio()), BenchReport.quote(r.note()),
          i + 1 < rows.size() ? "," : ""));
    }
    return sb.append("  ]\n}\n").toString();
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String number(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%.4f", v);
  }
}
