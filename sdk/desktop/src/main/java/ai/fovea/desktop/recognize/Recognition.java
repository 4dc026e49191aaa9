package ai.fovea.desktop.recognize;

import ai.fovea.desktop.image.UprightView;
import ai.fovea.desktop.report.Annotation;
import ai.fovea.desktop.report.FrameRecord;
import ai.fovea.sdk.convert.Point;
import ai.fovea.sdk.engine.EngineAttempt;
import ai.fovea.sdk.vision.Timings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One frame's results from any task in one shape for printing, drawing and reports: the items (boxes in
 * source-frame pixels as the SDK returns them, or whole-frame classes), the engine that ran, what happened to the
 * other engines, and the step timings. Immutable.
 */
public final class Recognition {
  private final List<Annotation> items;
  private final String engine;
  private final List<EngineAttempt> attempts;
  private final Timings timings;

  public Recognition(List<Annotation> items, String engine, List<EngineAttempt> attempts, Timings timings) {
    this.items = List.copyOf(items);
    this.engine = engine;
    this.attempts = List.copyOf(attempts);
    this.timings = timings;
  }

  /** Items in source-frame coordinates, best first. */
  public List<Annotation> items() {
    return items;
  }

  public String engine() {
    return engine;
  }

  public List<EngineAttempt> attempts() {
    return attempts;
  }

  public Timings timings() {
    return timings;
  }

  /** The items with boxes and keypoints moved into {@code view}'s upright picture. */
  public List<Annotation> onto(UprightView view) {
    List<Annotation> out = new ArrayList<>(items.size());
    for (Annotation a : items) {
      if (!a.hasBox()) {
        out.add(a);
        continue;
      }
      float[] b = a.box();
      // Rotation swaps and flips edges: map two opposite corners and take the extremes.
      Point p = view.toUpright(b[0], b[1]);
      Point q = view.toUpright(b[2], b[3]);
      float[] k = a.keypoints();
      for (int i = 0; i < k.length; i += 2) {
        Point kp = view.toUpright(k[i], k[i + 1]);
        k[i] = kp.x();
        k[i + 1] = kp.y();
      }
      out.add(Annotation.box(a.label(), a.classId(), a.score(), Math.min(p.x(), q.x()), Math.min(p.y(), q.y()),
          Math.max(p.x(), q.x()), Math.max(p.y(), q.y()), k));
    }
    return out;
  }

  /** "person 0.88 [12,30 - 200,310], cup 0.61 [...]" (source-frame pixels) or "nothing found". */
  public String describe() {
    return describe(items);
  }

  /** The annotations in words, in the coordinates they carry; "nothing found" for none. */
  public static String describe(List<Annotation> annotations) {
    if (annotations.isEmpty()) {
      return "nothing found";
    }
    return annotations.stream().map(Recognition::describe).collect(Collectors.joining(", "));
  }

  /** One item: "person 0.88 [12,30 - 200,310]" (box in the coordinates it carries). */
  public static String describe(Annotation a) {
    String s = String.format(Locale.ROOT, "%s %.2f", a.label(), a.score());
    if (!a.hasBox()) {
      return s;
    }
    float[] b = a.box();
    return s + String.format(Locale.ROOT, " [%.0f,%.0f - %.0f,%.0f]", b[0], b[1], b[2], b[3]);
  }

  /** Engines that could not take the model, with their reasons; empty when the first choice ran. */
  public String fallbackReasons() {
    return attempts.stream().filter(a -> a.outcome() == EngineAttempt.Outcome.UNAVAILABLE)
        .map(EngineAttempt::toString).collect(Collectors.joining("; "));
  }

  /** "total 12.4 ms (convert 0.3, inference 11.9, postprocess 0.2)", with the planning step when it ran. */
  public String timingText() {
    return record("", null, "").timingText();
  }

  /** This frame as a report row. */
  public FrameRecord record(String name, String image, String results) {
    return new FrameRecord(name, image, results, engine, timings.preprocessNanos() / 1e6,
        timings.convertNanos() / 1e6, timings.inferenceNanos() / 1e6, timings.postprocessNanos() / 1e6);
  }
}
