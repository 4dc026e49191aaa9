package ai.fovea.desktop.demo;

import ai.fovea.desktop.bench.MachineInfo;
import ai.fovea.desktop.image.ImageFiles;
import ai.fovea.desktop.image.PhotoPanSequence;
import ai.fovea.desktop.image.UprightView;
import ai.fovea.desktop.recognize.DefaultModel;
import ai.fovea.desktop.recognize.Recognition;
import ai.fovea.desktop.recognize.RecognitionTask;
import ai.fovea.desktop.recognize.Recognizer;
import ai.fovea.desktop.report.AnnotatedImage;
import ai.fovea.desktop.report.Annotation;
import ai.fovea.desktop.report.FrameRecord;
import ai.fovea.desktop.report.HtmlReport;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.vision.TaskOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The main job: classification on real dataset images and detection on real photographs and on a camera-like
 * frame sequence, each through the SDK's public API with the chosen engine. Prints one line per frame (results,
 * engine, step times), writes every frame annotated as PNG and a {@code report.html} with timing charts into the
 * output directory. A task whose model is not in this build is reported as missing with the reason, never
 * replaced by something else.
 */
public final class DemoRun {
  private final DefaultModel classifier;
  private final List<DemoPicture> classifierPictures;
  private final String classifierMissing;
  private final DefaultModel detector;
  private final List<DemoPicture> photos;
  private final DemoPicture sequencePhoto;
  private final int sequenceFrames;
  private final String detectorMissing;
  private final String engine;
  private final int threads;

  private DemoRun(Builder b) {
    this.classifier = b.classifier;
    this.classifierPictures = List.copyOf(b.classifierPictures);
    this.classifierMissing = b.classifierMissing;
    this.detector = b.detector;
    this.photos = List.copyOf(b.photos);
    this.sequencePhoto = b.sequencePhoto;
    this.sequenceFrames = b.sequenceFrames;
    this.detectorMissing = b.detectorMissing;
    this.engine = b.engine;
    this.threads = b.threads;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The classifier, or null when missing. */
  public DefaultModel classifier() {
    return classifier;
  }

  public List<DemoPicture> classifierPictures() {
    return classifierPictures;
  }

  /** Why there is no classifier. */
  public String classifierMissing() {
    return classifierMissing;
  }

  /** The detector, or null when missing. */
  public DefaultModel detector() {
    return detector;
  }

  /** The photographs the detector runs on. */
  public List<DemoPicture> photos() {
    return photos;
  }

  /** The photo the frame sequence is made from, or null. */
  public DemoPicture sequencePhoto() {
    return sequencePhoto;
  }

  /** Why there is no detector. */
  public String detectorMissing() {
    return detectorMissing;
  }

  /** Runs everything, writes the PNGs and the report into {@code outDir}; returns the report's path. */
  public Path run(Path outDir, PrintStream out) throws IOException {
    HtmlReport.Builder report = HtmlReport.builder("Fovea demo")
        .fact("engine option", engine + " (" + threads + " thread" + (threads == 1 ? "" : "s") + ")")
        .fact("machine", MachineInfo.current().cpu() + ", " + MachineInfo.current().cores() + " cores visible, "
            + MachineInfo.current().jvm());
    Pass pass = new Pass(outDir, out);

    out.println("== classification");
    if (classifier == null) {
      out.println("skipped: " + classifierMissing);
      report.section("Classification", "Not run: " + classifierMissing + ".", List.of());
    } else {
      List<FrameRecord> records = new ArrayList<>();
      try (Recognizer r = open(RecognitionTask.CLASSIFY, classifier)) {
        out.println("model: " + classifier.name());
        for (int i = 0; i < classifierPictures.size(); i++) {
          DemoPicture p = classifierPictures.get(i);
          records.add(pass.run(r, p.name(), ImageFiles.toFrame(p.image()), p.truth(), "classify", i,
              classifierPictures.size()));
        }
      }
      out.println(HtmlReport.throughput(records));
      report.section("Classification: " + classifier.name(), "Real test images of the dataset (28x28 gray, shown "
          + "enlarged); the true class is in each caption.", records);
    }

    out.println("== detection");
    if (detector == null) {
      out.println("skipped: " + detectorMissing);
      report.section("Detection", "Not run: " + detectorMissing + ".", List.of());
    } else {
      try (Recognizer r = open(RecognitionTask.DETECT, detector)) {
        out.println("model: " + detector.name());
        List<FrameRecord> records = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
          DemoPicture p = photos.get(i);
          records.add(pass.run(r, p.name(), ImageFiles.toFrame(p.image()), p.truth(), "detect", i, photos.size()));
        }
        out.println(HtmlReport.throughput(records));
        report.section("Detection on photographs: " + detector.name(), "Real photographs (scikit-image data, "
            + "BSD licence); each caption names what the photo shows.", records);
        if (sequencePhoto != null) {
          out.printf(Locale.ROOT, "frame sequence: %d camera-like YUV_420_888 frames synthesized from the photo %s%n",
              sequenceFrames, sequencePhoto.name());
          List<Frame> frames = PhotoPanSequence.of(sequencePhoto.image(), sequenceFrames);
          List<FrameRecord> sequence = new ArrayList<>();
          for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            String name = String.format(Locale.ROOT, "frame_%02d_rot%d", i + 1, f.rotationDegrees());
            sequence.add(pass.run(r, name, f, null, "sequence", i, frames.size()));
          }
          out.println(HtmlReport.throughput(sequence));
          report.section("Detection on a frame sequence", "Synthesized from one still photograph (" + sequencePhoto.name()
              + "), not recorded: a virtual camera pans and zooms across it and delivers " + PhotoPanSequence.WIDTH
              + "x" + PhotoPanSequence.HEIGHT + " YUV_420_888 frames as an Android camera does (padded rows, "
              + "interleaved chroma); the first third of the frames upright, the second with rotation 90, the last "
              + "with rotation 270, shown upright with the boxes mapped back from the sensor buffer.", sequence);
        }
      }
    }
    report.fact("engines that ran", pass.enginesUsed.isEmpty() ? "none" : String.join(", ", pass.enginesUsed));
    report.fact("fallback reasons", pass.fallbacks.isEmpty() ? "none: the first engine of the order ran every model"
        : String.join("; ", pass.fallbacks));
    return report.build().write(outDir);
  }

  private Recognizer open(RecognitionTask task, DefaultModel model) {
    TaskOptions.Builder options = TaskOptions.builder().engine(engine).threads(threads);
    if (task == RecognitionTask.CLASSIFY) {
      // The best three classes say enough about a 10-class picture; detectors keep the SDK's default.
      options.maxResults(3);
    }
    return Recognizer.open(task, model.source(), model.applyTo(options).build());
  }

  /** One demo run's output: where pictures go, the text stream, and what the engines did along the way. */
  private static final class Pass {
    final Path outDir;
    final PrintStream out;
    final Set<String> fallbacks = new LinkedHashSet<>();
    final Set<String> enginesUsed = new LinkedHashSet<>();

    Pass(Path outDir, PrintStream out) {
      this.outDir = outDir;
      this.out = out;
    }

    /** Runs one frame, prints its line, writes {@code folder/name.png} and returns its report row. */
    FrameRecord run(Recognizer recognizer, String name, Frame frame, String truth, String folder, int index,
        int count) throws IOException {
      Recognition r = recognizer.process(frame);
      enginesUsed.add(r.engine());
      if (!r.fallbackReasons().isEmpty()) {
        fallbacks.add(r.fallbackReasons());
      }
      if (index == 0) {
        out.println("engine: " + r.engine() + (r.fallbackReasons().isEmpty() ? "" : " (" + r.fallbackReasons()
            + ")"));
      }
      UprightView view = UprightView.of(frame);
      List<Annotation> upright = r.onto(view);
      String caption = (truth != null ? "shows: " + truth + " | " : "") + r.engine() + " engine, "
          + String.format(Locale.ROOT, "%.1f ms", r.timings().totalNanos() / 1e6);
      String image = folder + "/" + name + ".png";
      ImageFiles.writePng(AnnotatedImage.render(view.image(), upright, caption), outDir.resolve(image));
      // Boxes as drawn: in the upright picture's pixels (the SDK returns them in the sensor buffer's).
      String results = Recognition.describe(upright) + (truth != null ? "  (shows: " + truth + ")" : "");
      out.printf(Locale.ROOT, "[%2d/%d] %-18s %-6s %s  %s%n", index + 1, count, name, r.engine(), r.timingText(),
          results);
      return r.record(name, image, results);
    }
  }

  /** Collects the demo's inputs; a task without a model takes the reason instead. */
  public static final class Builder {
    private DefaultModel classifier;
    private List<DemoPicture> classifierPictures = List.of();
    private String classifierMissing = "no classifier given";
    private DefaultModel detector;
    private List<DemoPicture> photos = List.of();
    private DemoPicture sequencePhoto;
    private int sequenceFrames = 30;
    private String detectorMissing = "no detector given";
    private String engine = "auto";
    private int threads = 1;

    private Builder() {}

    public Builder classifier(DefaultModel model, List<DemoPicture> pictures) {
      this.classifier = model;
      this.classifierPictures = List.copyOf(pictures);
      return this;
    }

    public Builder classifierMissing(String reason) {
      this.classifier = null;
      this.classifierMissing = reason;
      return this;
    }

    /** The detector, the photos it runs on, and the photo a frame sequence of {@code frames} is made from (or null). */
    public Builder detector(DefaultModel model, List<DemoPicture> photos, DemoPicture sequencePhoto, int frames) {
      if (frames < 2) {
        throw new IllegalArgumentException("a frame sequence needs at least 2 frames, got " + frames);
      }
      this.detector = model;
      this.photos = List.copyOf(photos);
      this.sequencePhoto = sequencePhoto;
      this.sequenceFrames = frames;
      return this;
    }

    public Builder detectorMissing(String reason) {
      this.detector = null;
      this.detectorMissing = reason;
      return this;
    }

    public Builder engine(String engine) {
      this.engine = engine;
      return this;
    }

    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    public DemoRun build() {
      return new DemoRun(this);
    }
  }
}
