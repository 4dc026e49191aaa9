package ai.fovea.desktop.report;

import ai.fovea.desktop.bench.Timing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML report of a run: facts (engine, machine, fallback reasons), notes, and sections of frames,
 * each with its timing chart (inline SVG), throughput, a table of per-frame results and times, and the annotated
 * pictures linked by relative paths. One file plus the PNGs beside it; no script, no network. Immutable; built
 * with {@link #builder}.
 */
public final class HtmlReport {
  /** The report's file name inside its directory. */
  public static final String FILE_NAME = "report.html";

  private final String title;
  private final Map<String, String> facts;
  private final List<String> notes;
  private final List<Section> sections;

  private HtmlReport(Builder b) {
    this.title = b.title;
    this.facts = new LinkedHashMap<>(b.facts);
    this.notes = List.copyOf(b.notes);
    this.sections = List.copyOf(b.sections);
  }

  public static Builder builder(String title) {
    return new Builder(title);
  }

  /** One titled group of frames. */
  private static final class Section {
    final String title;
    final String description;
    final List<FrameRecord> frames;

    Section(String title, String description, List<FrameRecord> frames) {
      this.title = title;
      this.description = description;
      this.frames = List.copyOf(frames);
    }
  }

  /**
   * Writes {@link #FILE_NAME} into {@code directory} (created when missing) and returns its path. Every image a
   * frame names must already exist there: a report with broken pictures is an {@link IllegalStateException}.
   */
  public Path write(Path directory) throws IOException {
    Files.createDirectories(directory);
    for (Section s : sections) {
      for (FrameRecord f : s.frames) {
        if (f.image() != null && !Files.isRegularFile(directory.resolve(f.image()))) {
          throw new IllegalStateException("report image " + f.image() + " of " + f.name() + " is not in " + directory);
        }
      }
    }
    Path file = directory.resolve(FILE_NAME);
    Files.writeString(file, toHtml(), StandardCharsets.UTF_8);
    return file;
  }

  /** The page. */
  public String toHtml() {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
        .append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:24px;max-width:1200px;color:#222}")
        .append("table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;")
        .append("text-align:left;vertical-align:top}td.n{text-align:right}")
        .append(".grid{display:flex;flex-wrap:wrap;gap:10px}.grid figure{margin:0;width:280px}")
        .append(".grid img{width:280px;image-rendering:auto;border:1px solid #ccc}")
        .append("figcaption{font-size:12px}\n</style></head><body>\n");
    h.append("<h1>").append(escape(title)).append("</h1>\n");
    if (!facts.isEmpty()) {
      h.append("<table>\n");
      facts.forEach((k, v) -> h.append("<tr><th>").append(escape(k)).append("</th><td>").append(escape(v))
          .append("</td></tr>\n"));
      h.append("</table>\n");
    }
    for (String note : notes) {
      h.append("<p>").append(escape(note)).append("</p>\n");
    }
    for (Section s : sections) {
      section(h, s);
    }
    return h.append("</body></html>\n").toString();
  }

  private static void section(StringBuilder h, Section s) {
    h.append("<h2>").append(escape(s.title)).append("</h2>\n");
    if (!s.description.isEmpty()) {
      h.append("<p>").append(escape(s.description)).append("</p>\n");
    }
    if (s.frames.isEmpty()) {
      return;
    }
    h.append("<p>").append(escape(throughput(s.frames))).append("</p>\n");
    h.append(TimingChart.svg(s.frames));
    h.append("<table><tr><th>#</th><th>frame</th><th>results</th><th>engine</th>");
    for (String step : FrameRecord.STEPS) {
      h.append("<th>").append(step).append(" ms</th>");
    }
    h.append("<th>total ms</th></tr>\n");
    for (int i = 0; i < s.frames.size(); i++) {
      FrameRecord f = s.frames.get(i);
      h.append("<tr><td class=\"n\">").append(i + 1).append("</td><td>").append(escape(f.name())).append("</td><td>")
          .append(escape(f.results())).append("</td><td>").append(escape(f.engine())).append("</td>");
      for (int step = 0; step < FrameRecord.STEPS.length; step++) {
        h.append(String.format(Locale.ROOT, "<td class=\"n\">%.2f</td>", f.stepMs(step)));
      }
      h.append(String.format(Locale.ROOT, "<td class=\"n\">%.2f</td></tr>%n", f.totalMs()));
    }
    h.append("</table>\n<div class=\"grid\">\n");
    for (FrameRecord f : s.frames) {
      if (f.image() != null) {
        String src = escape(f.image().replace('\\', '/'));
        h.append("<figure><a href=\"").append(src).append("\"><img src=\"").append(src).append("\" alt=\"")
            .append(escape(f.name())).append("\"></a><figcaption>").append(escape(f.name())).append(": ")
            .append(escape(f.results())).append("</figcaption></figure>\n");
      }
    }
    h.append("</div>\n");
  }

  /** "30 frames, median 41.2 ms, p90 48.0 ms per frame, 23.9 FPS (1000 / mean total)". */
  public static String throughput(List<FrameRecord> frames) {
    double[] totals = frames.stream().mapToDouble(FrameRecord::totalMs).sorted().toArray();
    double mean = Arrays.stream(totals).average().orElse(0);
    return String.format(Locale.ROOT, "%d frame%s, median %.1f ms, p90 %.1f ms per frame, %.1f FPS (1000 / mean "
        + "total of %.1f ms)", totals.length, totals.length == 1 ? "" : "s", Timing.percentile(totals, 50),
        Timing.percentile(totals, 90), mean > 0 ? 1000 / mean : 0, mean);
  }

  /** Text made safe for HTML element content and attribute values. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\'':
          sb.append("&#39;");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Collects a report's parts in order. */
  public static final class Builder {
    private final String title;
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    private Builder(String title) {
      if (title == null || title.isEmpty()) {
        throw new IllegalArgumentException("report title is empty");
      }
      this.title = title;
    }

    /** A key/value line in the table at the top (engine, machine, fallback reasons). */
    public Builder fact(String key, String value) {
      facts.put(key, value);
      return this;
    }

    /** A paragraph under the facts. */
    public Builder note(String text) {
      notes.add(text);
      return this;
    }

    /** A titled group of frames with a description; frames may be empty (the description says why). */
    public Builder section(String sectionTitle, String description, List<FrameRecord> frames) {
      sections.add(new Section(sectionTitle, description == null ? "" : description, frames));
      return this;
    }

    public HtmlReport build() {
      return new HtmlReport(this);
    }
  }
}
