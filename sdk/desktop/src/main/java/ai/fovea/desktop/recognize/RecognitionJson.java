package ai.fovea.desktop.recognize;

import ai.fovea.desktop.bench.BenchReport;
import ai.fovea.desktop.report.Annotation;
import ai.fovea.sdk.engine.EngineAttempt;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.vision.Timings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * `./fovea recognize --json`: one document {@code {"task", "model", "images": [...]}}, each image with its size,
 * engine, engine attempts, step times in ms and results (label, class id, score, box as [left, top, right,
 * bottom] in source-image pixels, keypoints as [x, y, ...]).
 */
public final class RecognitionJson {
  private RecognitionJson() {}

  /** One image's object; {@code annotated} is the written PNG or null. */
  public static String image(String file, Frame frame, Recognition r, String annotated) {
    Timings t = r.timings();
    List<String> attempts = new ArrayList<>();
    for (EngineAttempt a : r.attempts()) {
      attempts.add("{\"engine\": " + quote(a.engine()) + ", \"outcome\": " + quote(a.outcome().name().toLowerCase(
          Locale.ROOT)) + ", \"message\": " + quote(a.message()) + "}");
    }
    List<String> results = new ArrayList<>();
    for (Annotation a : r.items()) {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "{\"label\": %s, \"class_id\": %d, "
          + "\"score\": %.5f", quote(a.label()), a.classId(), a.score()));
      if (a.hasBox()) {
        sb.append(", \"box\": ").append(numbers(a.box())).append(", \"keypoints\": ").append(numbers(a.keypoints()));
      }
      results.add(sb.append('}').toString());
    }
    return String.format(Locale.ROOT, "{\"image\": %s, \"width\": %d, \"height\": %d, \"engine\": %s, "
            + "\"engine_attempts\": [%s], \"timings_ms\": {\"preprocess\": %.3f, \"convert\": %.3f, "
            + "\"inference\": %.3f, \"postprocess\": %.3f, \"total\": %.3f}, \"annotated\": %s, \"results\": [%s]}",
        quote(file), frame.uprightWidth(), frame.uprightHeight(), quote(r.engine()), String.join(", ", attempts),
        t.preprocessNanos() / 1e6, t.convertNanos() / 1e6, t.inferenceNanos() / 1e6, t.postprocessNanos() / 1e6,
        t.totalNanos() / 1e6, annotated == null ? "null" : quote(annotated), String.join(", ", results));
  }

  /** The whole document around the images' objects. */
  public static String document(String task, String model, List<String> images) {
    return "{\"task\": " + quote(task) + ", \"model\": " + quote(model) + ", \"images\": [\n  "
        + String.join(",\n  ", images) + "\n]}\n";
  }

  private static String numbers(float[] values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.2f", values[i]));
    }
    return sb.append(']').toString();
  }

  private static String quote(String s) {
    return BenchReport.quote(s);
  }
}
