package ai.fovea.desktop.cli;

import ai.fovea.desktop.assets.Asset;
import ai.fovea.desktop.assets.AssetUnavailableException;
import ai.fovea.desktop.assets.Assets;
import ai.fovea.desktop.bench.BenchCase;
import ai.fovea.desktop.bench.BenchModel;
import ai.fovea.desktop.bench.BenchReport;
import ai.fovea.desktop.bench.BenchRow;
import ai.fovea.desktop.bench.ConvertBenchmark;
import ai.fovea.desktop.bench.KernelBenchmark;
import ai.fovea.desktop.bench.MachineInfo;
import ai.fovea.desktop.bench.ModelBenchReport;
import ai.fovea.desktop.bench.ModelBenchmark;
import ai.fovea.desktop.bench.PipelineBenchReport;
import ai.fovea.desktop.bench.PipelineBenchmark;
import ai.fovea.desktop.bench.TrainBenchReport;
import ai.fovea.desktop.bench.TrainBenchRow;
import ai.fovea.desktop.bench.TrainBenchmark;
import ai.fovea.desktop.demo.DemoSources;
import ai.fovea.desktop.recognize.DefaultModel;
import ai.fovea.desktop.recognize.DefaultModels;
import ai.fovea.desktop.recognize.ModelUnavailableException;
import ai.fovea.desktop.recognize.RecognitionTask;
import ai.fovea.models.train.Architecture;
import ai.fovea.sdk.engine.EngineModel;
import ai.fovea.sdk.engine.EngineRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * `./fovea bench kernels`: our kernels against TFLite 2.6.2 (XNNPACK float as the speed reference).
 * `./fovea bench pipeline`: frame conversion alone, then every shipped model on every engine through the SDK's tasks.
 * `./fovea bench models`: whole real models on every engine, against the tflite engine in the same run.
 */
final class BenchCommand implements Command {
  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "benchmarks: `bench kernels` (our kernels vs TensorFlow Lite), `bench pipeline` (conversion, shipped models end to end),"
        + " `bench models` (real models on every engine), `bench train` (training vs TensorFlow Java)";
  }

  @Override
  public String usage() {
    return "Usage: ./fovea bench kernels [--threads N] [--runs N] [--json FILE]\n\n"
        + "Times MobileNet-v1-style 1.0 224 and single layers (3x3 conv 56x56x128->128, depthwise 3x3 112x112x64,\n"
        + "1x1 conv 28x28x256->256, FC 1024->1000), float and int8, on our kernels and in TFLite 2.6.2 with the\n"
        + "same thread count. Each row: our median ms after warm-up, TFLite's float median with XNNPACK (the speed\n"
        + "reference), ours/XNNPACK, and for int8 rows TFLite's own int8 time (slow in this build, fewer runs).\n"
        + "Progress goes to stderr, the table to stdout. Weights are random; speed does not depend on them.\n\n"
        + "  --threads N  threads for both engines (default: the cores the JVM sees)\n"
        + "  --runs N     timed runs per measurement (default 10; TFLite int8 gets N/5)\n"
        + "  --json FILE  also write the rows, machine and settings as JSON\n\n"
        + "Usage: ./fovea bench pipeline [--threads N] [--runs N] [--json FILE]\n\n"
        + "First the frame converter alone on a 1920x1080 YUV_420_888 camera frame (direct buffers, interleaved\n"
        + "chroma) into a 224x224x3 input, int8 and float, letterbox, every rotation, plus area resampling (median\n"
        + "ms, with the time to sum the Y plane as a memory floor). Then every shipped model on every installed\n"
        + "engine through the SDK's Classifier/Detector (frame in, result out), frames cycled: p50/p90 of the\n"
        + "inference step and of the whole call, FPS, pre- plus post-processing as a share of inference (goal\n"
        + "<= 10%), and the ratio to the tflite engine in the same run (goal for java: <= 1.5x). N runs (default\n"
        + "10) after warm-up; --json FILE writes both parts with the machine and settings.\n\n"
        + "Usage: ./fovea bench models [--model FILE.tflite ...] [--threads N] [--runs N] [--json FILE]\n\n"
        + "Times whole models on every installed engine with the same seeded input: the median wall-clock time of\n"
        + "N runs (default 10) of the engine session after 5 warm-up runs, and the ratio to the tflite engine in the\n"
        + "same run (TFLite 2.6.2: XNNPACK for float models, its own kernels for quantized ones). An engine that\n"
        + "cannot take a model gets a row saying why. Progress goes to stderr, the table to stdout.\n\n"
        + "Default models: the published ones (COCO SSD MobileNet v2 uint8, MediaPipe face detection short range and\n"
        + "full range sparse, fetched into ~/.cache/fovea/assets and SHA-256-checked on first use) and the shipped\n"
        + "Fashion-MNIST classifier when this build has it.\n\n"
        + "  --model FILE  benchmark this model instead of the published ones (repeat for several)\n"
        + "  --threads N   threads for every engine (default: the cores the JVM sees)\n"
        + "  --runs N      timed runs per engine (default 10)\n"
        + "  --json FILE   also write the rows, machine and settings as JSON\n\n"
        + "Usage: ./fovea bench train [--threads N] [--batch N] [--steps N] [--arch lenet5,vgg] [--json FILE]\n\n"
        + "Samples/s of training steps (forward, softmax cross-entropy, backward, SGD update) on 28x28x1 images,\n"
        + "10 classes, ours (the real trainer, third of three epochs of N steps) against TensorFlow Java 1.1.0\n"
        + "(CPU, same network, same initial weights, 2N warm-up then N timed steps), with the ratio ours/TF\n"
        + "(goal >= 0.5).\n\n"
        + "  --threads N  threads for both (default: the cores the JVM sees)\n"
        + "  --batch N    batch size (default 64)\n"
        + "  --steps N    timed steps per measurement, after 2N warm-up steps (default 100)\n"
        + "  --arch LIST  comma-separated lenet5, vgg, mobilenet, resnet (default lenet5,vgg; width 1 as in ./fovea train)\n"
        + "  --json FILE  also write the rows, machine and settings as JSON\n";
  }

  @Override
  public Set<String> valueOptions() {
    return Set.of("--threads", "--runs", "--json", "--model", "--batch", "--steps", "--arch");
  }

  @Override
  public int run(Arguments args, PrintStream out) throws IOException {
    String target = args.positional().size() == 1 ? args.positional().get(0) : "";
    if (!target.equals("kernels") && !target.equals("pipeline") && !target.equals("models")
        && !target.equals("train")) {
      throw new UsageException("expects the benchmark name 'kernels', 'pipeline', 'models' or 'train' (see --help)");
    }
    if (!target.equals("models") && !args.values("--model").isEmpty()) {
      throw new UsageException("--model is for 'bench models' only");
    }
    int threads = args.intOption("--threads", Runtime.getRuntime().availableProcessors(), 1);
    if (target.equals("train")) {
      return train(args, threads, out);
    }
    for (String trainOnly : List.of("--batch", "--steps", "--arch")) {
      if (args.option(trainOnly, null) != null) {
        throw new UsageException(trainOnly + " is for 'bench train' only");
      }
    }
    int runs = args.intOption("--runs", 10, 1);
    String json = args.option("--json", null);
    PrintStream progress = System.err;
    if (target.equals("pipeline")) {
      return benchPipeline(threads, runs, json, out, progress);
    }
    if (target.equals("models")) {
      return benchModels(args, threads, runs, json, out, progress);
    }
    List<BenchCase> cases = BenchCase.kernels();
    progress.printf("bench kernels: %d cases x float/int8, %d threads, %d runs each%n", cases.size(), threads, runs);
    List<BenchRow> rows = new KernelBenchmark(threads, runs, progress::println).run(cases);
    BenchReport report = new BenchReport(MachineInfo.current(), threads, runs, rows);
    out.print(report.toTable());
    if (json != null) {
      Files.writeString(Path.of(json), report.toJson(), StandardCharsets.UTF_8);
      out.println("wrote " + json);
    }
    return 0;
  }

  private static int benchPipeline(int threads, int runs, String json, PrintStream out, PrintStream progress)
      throws IOException {
    List<ConvertBenchmark.Row> conversion = new ConvertBenchmark(threads, runs).run();
    out.print(ConvertBenchmark.toTable(conversion, threads, MachineInfo.current()));
    out.println();
    DemoSources.PipelineCases shipped = DemoSources.pipelineCases(progress);
    shipped.missing().forEach(m -> out.println("not measured: " + m));
    EngineRegistry registry = EngineRegistry.installed();
    PipelineBenchmark benchmark = new PipelineBenchmark(registry, threads, runs, progress::println);
    progress.printf("bench pipeline: %d models x engines %s, %d threads, %d runs each%n", shipped.cases().size(),
        benchmark.engines(), threads, runs);
    List<String> frames = new ArrayList<>();
    shipped.cases().forEach(c -> frames.add(c.model().name() + ": " + c.framesDescription()));
    PipelineBenchReport report = new PipelineBenchReport(MachineInfo.current(), threads, runs, frames,
        benchmark.run(shipped.cases()), conversion);
    if (!shipped.cases().isEmpty()) {
      out.print(report.toTable());
    }
    if (json != null) {
      Files.writeString(Path.of(json), report.toJson(), StandardCharsets.UTF_8);
      out.println("wrote " + json);
    }
    return 0;
  }

  private static int benchModels(Arguments args, int threads, int runs, String json, PrintStream out,
      PrintStream progress) throws IOException {
    List<BenchModel> models = new ArrayList<>();
    for (String file : args.values("--model")) {
      Path path = Path.of(file);
      models.add(new BenchModel(path.getFileName().toString(), ModelArguments.load(path)));
    }
    if (models.isEmpty()) {
      models.addAll(publishedModels());
      try {
        DefaultModel shipped = DefaultModels.forTask(RecognitionTask.CLASSIFY, Assets.standard());
        models.add(new BenchModel(shipped.name(), shipped.source().load()));
      } catch (ModelUnavailableException e) {
        out.println("not measured: " + e.getMessage());
      }
    }
    EngineRegistry registry = EngineRegistry.installed();
    ModelBenchmark benchmark = new ModelBenchmark(registry, threads, runs, progress::println);
    progress.printf("bench models: %d models x engines %s, %d threads, %d runs each%n", models.size(),
        benchmark.engines(), threads, runs);
    List<String> missing = new ArrayList<>(EngineChoice.KNOWN);
    missing.removeAll(registry.names());
    ModelBenchReport report = new ModelBenchReport(MachineInfo.current(), threads, runs, benchmark.run(models),
        missing);
    out.print(report.toTable());
    if (json != null) {
      Files.writeString(Path.of(json), report.toJson(), StandardCharsets.UTF_8);
      out.println("wrote " + json);
    }
    return 0;
  }

  /** Every published model of the asset cache (fetched and SHA-256-checked on first use), named by file and type. */
  private static List<BenchModel> publishedModels() {
    List<BenchModel> models = new ArrayList<>();
    Assets assets = Assets.standard();
    for (Asset asset : Asset.MODELS) {
      try {
        EngineModel model = EngineModel.of(assets.read(asset));
        models.add(new BenchModel(asset.fileName().replace(".tflite", "") + " "
            + model.computeType().name().toLowerCase(Locale.ROOT), model));
      } catch (AssetUnavailableException e) {
        throw new UsageException("published model " + asset.fileName() + " is unavailable: " + e.getMessage());
      }
    }
    return models;
  }

  private static int train(Arguments args, int threads, PrintStream out) throws IOException {
    if (args.option("--runs", null) != null) {
      throw new UsageException("'bench train' takes --steps, not --runs");
    }
    int batch = args.intOption("--batch", 64, 1);
    int steps = args.intOption("--steps", 100, 1);
    List<Architecture> architectures = new ArrayList<>();
    for (String id : args.option("--arch", "lenet5,vgg").split(",")) {
      try {
        architectures.add(Architecture.parse(id.trim()));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    List<TrainBenchRow> rows = new TrainBenchmark(threads, batch, steps, System.err::println).run(architectures);
    TrainBenchReport report = new TrainBenchReport(MachineInfo.current(), threads, steps, rows);
    out.print(report.toTable());
    String json = args.option("--json", null);
    if (json != null) {
      Files.writeString(Path.of(json), report.toJson(), StandardCharsets.UTF_8);
      out.println("wrote " + json);
    }
    return 0;
  }
}
