package ai.fovea.desktop.cli;

import ai.fovea.desktop.run.ModelInputException;
import ai.fovea.desktop.run.ModelInputs;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.tflite.ModelFormatException;
import ai.fovea.sdk.engine.EngineModel;
import ai.fovea.sdk.engine.TensorSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What `run` and `compare` read from their arguments: the one model file (validated, a malformed one is a
 * usage error naming the bad field) and the inputs ({@code --input FILE.npy} once per model input, or
 * {@code --random SEED}), every problem turned into one {@link UsageException} line.
 */
final class ModelArguments {
  private ModelArguments() {}

  /** Input tensors and how they were made, in words. */
  record Inputs(Tensor[] tensors, String source) {}

  static Path modelFile(Arguments args) {
    if (args.positional().size() != 1) {
      throw new UsageException(args.positional().isEmpty() ? "expects a model file (see --help)"
          : "expects one model file, got " + String.join(" ", args.positional())
              + " (give each input its own --input)");
    }
    return Path.of(args.positional().get(0));
  }

  static EngineModel load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e);
    }
    try {
      return EngineModel.of(bytes);
    } catch (ModelFormatException e) {
      throw new UsageException(file + " is not a valid .tflite model: " + e.getMessage());
    }
  }

  /** From {@code --input} files or {@code --random SEED}; {@code defaultSeed} applies when neither is given (null: required). */
  static Inputs inputs(Arguments args, List<TensorSpec> specs, Long defaultSeed) {
    List<String> files = args.values("--input");
    String seedText = args.option("--random", null);
    if (!files.isEmpty() && seedText != null) {
      throw new UsageException("give either --input files or --random SEED, not both");
    }
    try {
      if (!files.isEmpty()) {
        List<Path> paths = new ArrayList<>();
        files.forEach(f -> paths.add(Path.of(f)));
        return new Inputs(ModelInputs.fromNpy(specs, paths), "from " + String.join(", ", files));
      }
      if (seedText == null && defaultSeed == null) {
        throw new UsageException("needs --input FILE.npy (once per model input) or --random SEED");
      }
      long seed = seedText == null ? defaultSeed : seed(seedText);
      return new Inputs(ModelInputs.random(specs, seed), "random, seed " + seed);
    } catch (ModelInputException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static long seed(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UsageException("--random takes a whole number seed, got '" + text + "'");
    }
  }
}
