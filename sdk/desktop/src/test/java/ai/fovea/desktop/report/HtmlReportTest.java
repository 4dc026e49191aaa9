package ai.fovea.desktop.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  @TempDir
  Path dir;

  private static FrameRecord frame(String name, String image, double inferenceMs) {
    return new FrameRecord(name, image, "cat 0.91", "java", 0, 0.5, inferenceMs, 0.25);
  }

  @Test
  void writesOnePageWhoseImagesExistAndWhoseChartHasABarPerStep() throws Exception {
    Files.createDirectories(dir.resolve("detect"));
    Files.write(dir.resolve("detect/a.png"), new byte[] {1});
    Files.write(dir.resolve("detect/b.png"), new byte[] {1});
    Path file = HtmlReport.builder("Fovea demo").fact("engine", "java (tflite: slower <int8>)").note("a & b")
        .section("Detection", "COCO SSD", List.of(frame("a", "detect/a.png", 10), frame("b", "detect/b.png", 30)))
        .section("Classification", "missing: the model is not in this build", List.of())
        .build().write(dir);
    assertEquals(dir.resolve("report.html"), file);
    String html = Files.readString(file);
    assertTrue(html.contains("java (tflite: slower &lt;int8&gt;)") && html.contains("a &amp; b"), html);
    Matcher m = Pattern.compile("src=\"([^\"]+)\"").matcher(html);
    List<String> sources = new ArrayList<>();
    while (m.find()) {
      sources.add(m.group(1));
      assertTrue(Files.isRegularFile(dir.resolve(m.group(1))), m.group(1));
    }
    assertEquals(List.of("detect/a.png", "detect/b.png"), sources);
    assertEquals(1, html.split("<svg ", -1).length - 1);
    // Two frames x three non-zero steps (preprocess is 0).
    assertEquals(6, html.split("</title></rect>", -1).length - 1);
    assertTrue(html.contains("2 frames, median 10.8 ms, p90 30.8 ms per frame, 48.2 FPS"), html);
    assertTrue(html.contains("missing: the model is not in this build"));
  }

  @Test
  void refusesAReportWithAMissingPicture() {
    HtmlReport report = HtmlReport.builder("x").section("s", "", List.of(frame("a", "nowhere.png", 1))).build();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> report.write(dir));
    assertTrue(e.getMessage().contains("nowhere.png"));
  }

  @Test
  void chartIsWideEnoughForItsLegendWithOneFrame() {
    String svg = TimingChart.svg(List.of(frame("only", null, 3)));
    Matcher width = Pattern.compile("<svg [^>]*width=\"(\\d+)\"").matcher(svg);
    assertTrue(width.find());
    Matcher label = Pattern.compile("<text x=\"(\\d+)\" y=\"15\">postprocess</text>").matcher(svg);
    assertTrue(label.find(), svg);
    assertTrue(Integer.parseInt(label.group(1)) + 7 * "postprocess".length() <= Integer.parseInt(width.group(1)), svg);
  }

  @Test
  void chartTicksAreRound() {
    assertEquals(5, TimingChart.niceTick(4.2), 1e-12);
    assertEquals(0.2, TimingChart.niceTick(0.11), 1e-12);
    assertEquals(100, TimingChart.niceTick(100), 1e-12);
  }
}
