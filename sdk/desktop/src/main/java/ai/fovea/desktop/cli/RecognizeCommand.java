package ai.fovea.desktop.cli;

import ai.fovea.desktop.assets.AssetUnavailableException;
import ai.fovea.desktop.assets.Assets;
import ai.fovea.desktop.image.ImageFiles;
import ai.fovea.desktop.image.UnreadableImageException;
import ai.fovea.desktop.image.UprightView;
import ai.fovea.desktop.recognize.DefaultModel;
import ai.fovea.desktop.recognize.DefaultModels;
import ai.fovea.desktop.recognize.ModelUnavailableException;
import ai.fovea.desktop.recognize.Recognition;
import ai.fovea.desktop.recognize.RecognitionJson;
import ai.fovea.desktop.recognize.RecognitionTask;
import ai.fovea.desktop.recognize.Recognizer;
import ai.fovea.desktop.report.AnnotatedImage;
import ai.fovea.desktop.report.Annotation;
import ai.fovea.models.tflite.ModelFormatException;
import ai.fovea.sdk.engine.EngineRegistry;
import ai.fovea.sdk.engine.NoEngineException;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.model.ModelMetadataException;
import ai.fovea.sdk.vision.ModelLoadException;
import ai.fovea.sdk.vision.ModelSource;
import ai.fovea.sdk.vision.TaskOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * `./fovea recognize`: one task (classify, detect) on image files with the SDK's public API, printing the results
 * (or JSON) and writing annotated PNGs. Every user error — unknown task, unreadable image, model/task mismatch, an
 * engine this build lacks or that cannot take the model — is one usage line.
 */
final class RecognizeCommand implements Command {
  @Override
  public String name() {
    return "recognize";
  }

  @Override
  public String summary() {
    return "classify or detect objects in image files (results, JSON, annotated PNGs)";
  }

  @Override
  public String usage() {
    return "Usage: ./fovea recognize --task classify|detect|signs --image FILE|DIR [--engine auto|java|tflite|gpu]\n"
        + "                         [--model FILE.tflite|coco-ssd|face] [--out DIR] [--json] [--threads N] [--max-results K]\n\n"
        + "Runs the task on a PNG/JPEG file, or on every .png/.jpg/.jpeg file of a directory, through the SDK's\n"
        + "Classifier or Detector: prints each image's results (label, score, box in image pixels), the engine that\n"
        + "ran (and why others could not) and the step times. Without --model the task's default model is used:\n"
        + "the shipped Fashion-MNIST classifier (classify) or the published COCO SSD MobileNet v2 (detect).\n"
        + "--model also takes the name of a published model: coco-ssd (COCO SSD MobileNet v2, uint8) or face\n"
        + "(MediaPipe face detection, short range: boxes and six landmarks). Any other model file must carry Fovea\n"
        + "metadata (fovea.model, fovea.labels) for its task.\n\n"
        + "  --engine E        auto (default: the SDK's order with fallback), java, tflite, gpu or an order such as\n"
        + "                    tflite,java\n"
        + "  --out DIR         also write each image annotated (boxes, labels, scores) as DIR/<name>.png\n"
        + "  --json            print the results as one JSON document instead of text\n"
        + "  --threads N       threads for the engine and the conversion (default 1)\n"
        + "  --max-results K   at most K results per image (default: the task's)\n";
  }

  @Override
  public Set<String> valueOptions() {
    return Set.of("--task", "--image", "--engine", "--model", "--out", "--threads", "--max-results");
  }

  @Override
  public Set<String> flags() {
    return Set.of("--json");
  }

  @Override
  public int run(Arguments args, PrintStream out) throws IOException {
    if (!args.positional().isEmpty()) {
      throw new UsageException("takes options only, got " + String.join(" ", args.positional()) + " (see --help)");
    }
    String taskName = args.option("--task", null);
    String image = args.option("--image", null);
    if (taskName == null || image == null) {
      throw new UsageException("needs --task classify|detect|signs and --image FILE|DIR (see --help)");
    }
    RecognitionTask task;
    try {
      task = RecognitionTask.parse(taskName);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (task == RecognitionTask.SIGNS) {
      throw new UsageException(DefaultModels.SIGNS_NOT_AVAILABLE);
    }
    String engine = args.option("--engine", "auto");
    EngineChoice.selector(EngineRegistry.installed(), engine);
    List<Path> files;
    try {
      files = ImageFiles.list(Path.of(image));
    } catch (UnreadableImageException e) {
      throw new UsageException(e.getMessage());
    }
    TaskOptions.Builder options = TaskOptions.builder().engine(engine).threads(args.intOption("--threads", 1, 1));
    if (args.option("--max-results", null) != null) {
      options.maxResults(args.intOption("--max-results", 1, 1));
    }
    DefaultModel model = model(task, args.option("--model", null));
    model.applyTo(options);
    ModelSource source = model.source();
    String modelName = model.name();
    boolean json = args.flag("--json");
    String outDir = args.option("--out", null);
    List<String> jsonItems = new ArrayList<>();
    try (Recognizer recognizer = open(task, source, options.build(), modelName)) {
      if (!json) {
        out.printf("%s with %s%n", task.key(), modelName);
      }
      for (Path file : files) {
        BufferedImage picture;
        try {
          picture = ImageFiles.read(file);
        } catch (UnreadableImageException e) {
          throw new UsageException(e.getMessage());
        }
        Frame frame = ImageFiles.toFrame(picture);
        Recognition r = recognizer.process(frame);
        String written = null;
        if (outDir != null) {
          Path png = Path.of(outDir).resolve(stem(file) + ".png");
          List<Annotation> drawn = r.onto(UprightView.of(frame));
          ImageFiles.writePng(AnnotatedImage.render(picture, drawn, caption(r)), png);
          written = png.toString();
        }
        if (json) {
          jsonItems.add(RecognitionJson.image(file.toString(), frame, r, written));
        } else {
          printText(out, file, frame, r, written);
        }
      }
    }
    if (json) {
      out.print(RecognitionJson.document(task.key(), modelName, jsonItems));
    }
    return 0;
  }

  /** A published model by name, a model file, or the task's default. */
  private static DefaultModel model(RecognitionTask task, String option) {
    if (option != null && !DefaultModels.PUBLISHED.contains(option)) {
      return DefaultModel.of(option, ModelSource.file(Path.of(option)));
    }
    try {
      return option != null ? DefaultModels.published(option, Assets.standard())
          : DefaultModels.forTask(task, Assets.standard());
    } catch (AssetUnavailableException e) {
      throw new UsageException(e.getMessage());
    } catch (ModelUnavailableException e) {
      throw new UsageException(e.getMessage() + "; pass --model FILE.tflite");
    }
  }

  private static Recognizer open(RecognitionTask task, ModelSource source, TaskOptions options, String modelName) {
    try {
      return Recognizer.open(task, source, options);
    } catch (ModelLoadException | ModelFormatException e) {
      throw new UsageException(e.getMessage());
    } catch (ModelMetadataException e) {
      throw new UsageException(modelName + " cannot be used for " + task.key() + ": " + e.getMessage());
    } catch (NoEngineException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static void printText(PrintStream out, Path file, Frame frame, Recognition r, String written) {
    out.printf(Locale.ROOT, "%s  %dx%d  engine %s  %s%n", file, frame.uprightWidth(), frame.uprightHeight(),
        r.engine(), r.timingText());
    if (!r.fallbackReasons().isEmpty()) {
      out.println("  fallback: " + r.fallbackReasons());
    }
    if (r.items().isEmpty()) {
      out.println("  nothing found");
    }
    for (Annotation a : r.items()) {
      out.println("  " + Recognition.describe(a));
    }
    if (written != null) {
      out.println("  wrote " + written);
    }
  }

  static String caption(Recognition r) {
    return String.format(Locale.ROOT, "%s engine, %.1f ms", r.engine(), r.timings().totalNanos() / 1e6);
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
