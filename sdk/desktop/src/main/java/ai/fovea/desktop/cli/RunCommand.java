package ai.fovea.desktop.cli;

import ai.fovea.desktop.run.ModelRun;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.npy.NpyArray;
import ai.fovea.models.npy.NpyWriter;
import ai.fovea.sdk.engine.EngineAttempt;
import ai.fovea.sdk.engine.EngineModel;
import ai.fovea.sdk.engine.EngineOptions;
import ai.fovea.sdk.engine.EngineRegistry;
import ai.fovea.sdk.engine.NoEngineException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** `./fovea run MODEL.tflite`: runs any model on .npy or random inputs and writes every output as a .npy file. */
final class RunCommand implements Command {
  @Override
  public String name() {
    return "run";
  }

  @Override
  public String summary() {
    return "run any .tflite model on .npy or random inputs, write its outputs as .npy files";
  }

  @Override
  public String usage() {
    return "Usage: ./fovea run MODEL.tflite (--input FILE.npy ... | --random SEED) --output-dir DIR\n"
        + "                  [--engine auto|java|tflite|gpu] [--threads N] [--runs N]\n\n"
        + "Runs the model once (or --runs times) and writes output i to DIR/output_<i>.npy with the model's dtype\n"
        + "and shape. Prints every input and output (name, dtype, shape), the engine that ran it (and why others\n"
        + "did not) and the times: open (select the engine, prepare the model, one check run) and the median\n"
        + "wall-clock time of one run.\n\n"
        + "  --input FILE.npy  one per model input, in order; dtype and shape must be the input's exactly\n"
        + "                    (e.g. np.save('x.npy', a.astype(np.float32)))\n"
        + "  --random SEED     seeded inputs instead: float32 uniform in [-1, 1], int8/uint8 over their range\n"
        + "  --output-dir DIR  created when missing\n"
        + "  --engine E        auto (default: fastest engine for the model, falling back), one engine, or an\n"
        + "                    order such as tflite,java\n"
        + "  --threads N       threads for the engine (default: the cores the JVM sees)\n"
        + "  --runs N          timed runs (default 1)\n";
  }

  @Override
  public Set<String> valueOptions() {
    return Set.of("--input", "--random", "--output-dir", "--engine", "--threads", "--runs");
  }

  @Override
  public int run(Arguments args, PrintStream out) throws IOException {
    Path modelFile = ModelArguments.modelFile(args);
    String dirOption = args.option("--output-dir", null);
    if (dirOption == null) {
      throw new UsageException("needs --output-dir DIR");
    }
    Path dir = Path.of(dirOption);
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UsageException("--output-dir " + dir + " is a file, not a directory");
    }
    int threads = args.intOption("--threads", Runtime.getRuntime().availableProcessors(), 1);
    int runs = args.intOption("--runs", 1, 1);
    EngineRegistry registry = EngineRegistry.installed();
    var selector = EngineChoice.selector(registry, args.option("--engine", "auto"));
    EngineModel model = ModelArguments.load(modelFile);
    ModelArguments.Inputs inputs = ModelArguments.inputs(args, model.inputs(), null);
    ModelRun result;
    try {
      result = ModelRun.measure(model, selector, EngineOptions.threads(threads), inputs.tensors(), 0, runs);
    } catch (NoEngineException e) {
      throw new UsageException(e.getMessage());
    }
    Files.createDirectories(dir);
    Tensor[] outputs = result.outputs();
    Path[] files = new Path[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      files[i] = dir.resolve("output_" + i + ".npy");
      Files.write(files[i], NpyWriter.write(NpyArray.of(outputs[i])));
    }
    out.printf("model   %s (%d bytes, %s compute)%n", modelFile, model.byteSize(), typeName(model.computeType()));
    out.printf("engine  %s%s%n", result.engine(), unavailable(result.attempts()));
    for (int i = 0; i < inputs.tensors().length; i++) {
      out.println(row("input", i, inputs.tensors()[i], i == 0 ? inputs.source() : ""));
    }
    for (int i = 0; i < outputs.length; i++) {
      out.println(row("output", i, outputs[i], "-> " + files[i]));
    }
    out.printf(Locale.ROOT, "time    open %.1f ms, run %.3f ms (%s, wall clock, %d thread%s)%n",
        result.openMs(), result.medianMs(), runs == 1 ? "one run"
            : String.format(Locale.ROOT, "median of %d, fastest %.3f ms", runs, result.fastestMs()),
        threads, threads == 1 ? "" : "s");
    return 0;
  }

  static String row(String kind, int index, Tensor t, String note) {
    return String.format(Locale.ROOT, "%-6s %2d  %-28s %-8s %-18s %s", kind, index, t.name(), typeName(t.dataType()),
        t.shape(), note).stripTrailing();
  }

  static String typeName(ai.fovea.kernels.tensor.DataType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  /** " (java: unsupported op: ...)" for the engines that could not take the model before the one that did. */
  static String unavailable(List<EngineAttempt> attempts) {
    StringBuilder sb = new StringBuilder();
    for (EngineAttempt a : attempts) {
      if (a.outcome() == EngineAttempt.Outcome.UNAVAILABLE) {
        sb.append(sb.length() == 0 ? " (fell back: " : "; ").append(a);
      }
    }
    return sb.length() == 0 ? "" : sb.append(')').toString();
  }
}
