package ai.fovea.desktop.bench;

import java.util.List;
import java.util.Locale;

/** A benchmark's rows with the machine and settings they were measured with, as a text table or JSON. */
public final class BenchReport {
  private final MachineInfo machine;
  private final int threads;
  private final int runs;
  private final List<BenchRow> rows;

  public BenchReport(MachineInfo machine, int threads, int runs, List<BenchRow> rows) {
    this.machine = machine;
    this.threads = threads;
    this.runs = runs;
    this.rows = List.copyOf(rows);
  }

  public String toTable() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s, %d cores visible, %d threads, median of %d runs (TFLite int8: %d)%n",
        machine.cpu(), machine.cores(), threads, runs, Math.max(1, runs / 5)));
    sb.append(String.format(Locale.ROOT, "%-34s %10s %18s %13s %15s%n", "case", "ours ms", "TFLite XNNPACK ms",
        "ours/XNNPACK", "TFLite int8 ms"));
    for (BenchRow r : rows) {
      sb.append(String.format(Locale.ROOT, "%-34s %10.2f %18.2f %12.2fx %15s%n", r.name(), r.oursMs(),
          r.referenceMs(), r.ratio(), Double.isNaN(r.tfliteInt8Ms()) ? "-"
              : String.format(Locale.ROOT, "%.2f", r.tfliteInt8Ms())));
    }
    sb.append("TFLite XNNPACK ms is TFLite 2.6.2 on the float model with XNNPACK (the speed reference for both rows).\n");
    return sb.toString();
  }

  public String toJson() {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"machine\": ").append(machineJson(machine)).append(",\n");
    sb.append("  \"threads\": ").append(threads).append(",\n  \"runs\": ").append(runs).append(",\n  \"rows\": [\n");
    for (int i = 0; i < rows.size(); i++) {
      BenchRow r = rows.get(i);
      sb.append(String.format(Locale.ROOT,
          "    {\"case\": %s, \"ours_ms\": %.3f, \"reference\": %s, \"reference_ms\": %.3f, \"ratio\": %.3f, "
              + "\"tflite_int8_ms\": %s, \"threads\": %d}%s%n",
          quote(r.name()), r.oursMs(), quote(BenchRow.REFERENCE), r.referenceMs(), r.ratio(),
          Double.isNaN(r.tfliteInt8Ms()) ? "null" : String.format(Locale.ROOT, "%.3f", r.tfliteInt8Ms()), threads,
          i + 1 < rows.size() ? "," : ""));
    }
    return sb.append("  ]\n}\n").toString();
  }

  /** The machine as a JSON object (cpu, cores, jvm, os), shared by every benchmark's JSON. */
  static String machineJson(MachineInfo machine) {
    return "{\"cpu\": " + quote(machine.cpu()) + ", \"cores\": " + machine.cores() + ", \"jvm\": "
        + quote(machine.jvm()) + ", \"os\": " + quote(machine.os()) + "}";
  }

  /** A JSON string literal. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        sb.append('\\').append(ch);
      } else if (ch < 0x20) {
        sb.append(String.format("\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.append('"').toString();
  }
}
