package ai.fovea.desktop.report;

import java.util.List;
import java.util.Locale;

/**
 * A per-frame timing chart as inline SVG (no script, no external file): one stacked bar per frame with the
 * steps of {@link FrameRecord#STEPS} in fixed colours, a millisecond axis with round ticks and a legend.
 */
public final class TimingChart {
  static final String[] STEP_COLORS = {"#9e9e9e", "#4e79a7", "#f28e2b", "#59a14f"};
  private static final int HEIGHT = 220;
  private static final int LEFT = 48;
  private static final int TOP = 28;
  private static final int BOTTOM = 24;
  /** The legend starts right of the "ms per frame" title. */
  private static final int LEGEND_LEFT = 90;

  private TimingChart() {}

  public static String svg(List<FrameRecord> frames) {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("a timing chart needs at least one frame");
    }
    double max = frames.stream().mapToDouble(FrameRecord::totalMs).max().orElse(0);
    double tick = niceTick(max / 4);
    double top = Math.max(tick, Math.ceil(max / tick) * tick);
    int barWidth = Math.max(6, Math.min(40, 720 / frames.size()));
    int gap = Math.max(2, barWidth / 4);
    int plotHeight = HEIGHT - TOP - BOTTOM;
    int width = LEFT + frames.size() * (barWidth + gap) + 16;
    int legendEnd = LEGEND_LEFT;
    for (String step : FrameRecord.STEPS) {
      legendEnd += legendWidth(step);
    }
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "font-family=\"sans-serif\" font-size=\"11\" role=\"img\">%n", Math.max(width, legendEnd), HEIGHT));
    for (double t = 0; t <= top + 1e-9; t += tick) {
      double y = TOP + plotHeight * (1 - t / top);
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, width - 8, y, y, LEFT - 4, y + 4,
          label(t)));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"14\">ms per frame</text>%n"));
    for (int f = 0; f < frames.size(); f++) {
      FrameRecord r = frames.get(f);
      int x = LEFT + gap / 2 + f * (barWidth + gap);
      double y = TOP + plotHeight;
      for (int i = 0; i < FrameRecord.STEPS.length; i++) {
        double h = plotHeight * r.stepMs(i) / top;
        y -= h;
        if (h > 0) {
          s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.2f\" width=\"%d\" height=\"%.2f\" fill=\"%s\">"
              + "<title>%s: %s %.2f ms</title></rect>%n", x, y, barWidth, h, STEP_COLORS[i],
              HtmlReport.escape(r.name()), FrameRecord.STEPS[i], r.stepMs(i)));
        }
      }
      if (frames.size() <= 40 && (frames.size() <= 12 || f % 5 == 0)) {
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
            x + barWidth / 2, HEIGHT - 8, f + 1));
      }
    }
    int lx = LEGEND_LEFT;
    for (int i = 0; i < FrameRecord.STEPS.length; i++) {
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"10\" height=\"10\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"15\">%s</text>%n", lx, STEP_COLORS[i], lx + 14, FrameRecord.STEPS[i]));
      lx += legendWidth(FrameRecord.STEPS[i]);
    }
    return s.append("</svg>\n").toString();
  }

  /** Room for one legend entry: swatch, gap and the name at about 7 px a character of 11 px sans-serif. */
  private static int legendWidth(String step) {
    return 24 + 7 * step.length();
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double niceTick(double raw) {
    if (!(raw > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static String label(double ms) {
    return ms == Math.rint(ms) ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.2g", ms);
  }
}
