package ai.fovea.desktop.cli;

import ai.fovea.models.tflite.ModelFormatException;
import ai.fovea.models.tflite.ModelSummary;
import ai.fovea.models.tflite.TfliteReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** `./fovea inspect FILE.tflite`: ops, tensors, quantization, parameters and MACs of a model. */
final class InspectCommand implements Command {
  @Override
  public String name() {
    return "inspect";
  }

  @Override
  public String summary() {
    return "ops, tensors, quantization, parameter count and MACs of a .tflite model";
  }

  @Override
  public String usage() {
    return "Usage: ./fovea inspect FILE.tflite\n\n"
        + "Validates the model, then prints every operator with its input/output shapes and MACs, every tensor\n"
        + "with its type, shape and quantization, the parameter count and the total MACs.\n";
  }

  @Override
  public int run(Arguments args, PrintStream out) {
    if (args.positional().size() != 1) {
      throw new UsageException("expects exactly one model file (see --help)");
    }
    Path file = Paths.get(args.positional().get(0));
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
    try {
      out.print(ModelSummary.of(TfliteReader.read(bytes)).toText());
    } catch (ModelFormatException e) {
      throw new UsageException(file + " is not a valid .tflite model: " + e.getMessage());
    }
    return 0;
  }
}
