package ai.fovea.desktop.cli;

import ai.fovea.desktop.run.ModelRun;
import ai.fovea.desktop.verify.Comparison;
import ai.fovea.desktop.verify.Tolerance;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.sdk.engine.EngineModel;
import ai.fovea.sdk.engine.EngineOptions;
import ai.fovea.sdk.engine.EngineRegistry;
import ai.fovea.sdk.engine.EngineSelector;
import ai.fovea.sdk.engine.NoEngineException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * `./fovea compare MODEL.tflite --engines java,tflite`: runs one model on several engines with the same inputs
 * and judges every output against the reference engine with the conformance tolerances; exit code 1 when any
 * output is beyond them.
 */
final class CompareCommand implements Command {
  private static final Tolerance TOLERANCE = Tolerance.float32();
  private static final String TOLERANCE_TEXT = "float within 1e-5 relative to max(|reference|, RMS), integers bit-exact";

  @Override
  public String name() {
    return "compare";
  }

  @Override
  public String summary() {
    return "run a .tflite model on several engines and compare every output (exit 1 beyond tolerance)";
  }

  @Override
  public String usage() {
    return "Usage: ./fovea compare MODEL.tflite [--engines java,tflite] [--input FILE.npy ... | --random SEED]\n"
        + "                      [--threads N]\n\n"
        + "Runs the model on each engine with the same inputs and compares each output with the reference engine's\n"
        + "(tflite when listed, else the first engine): max absolute and relative difference for float outputs,\n"
        + "the number of differing values (and the largest difference in units) for integer and quantized ones.\n"
        + "Tolerance, as in ./fovea verify: float within 1e-5 relative to max(|reference|, RMS of that output);\n"
        + "int8, uint8, int32, int64 bit-exact. Exit code 0 when every output is within it, 1 when not, 2 for\n"
        + "bad input. The tflite engine runs float models with XNNPACK, as it does everywhere in Fovea.\n\n"
        + "  --engines A,B     engines to compare, at least two (default java,tflite)\n"
        + "  --input FILE.npy  one per model input, in order (dtype and shape must be the input's exactly)\n"
        + "  --random SEED     seeded inputs (default: --random 0)\n"
        + "  --threads N       threads for every engine (default: the cores the JVM sees)\n";
  }

  @Override
  public Set<String> valueOptions() {
    return Set.of("--engines", "--input", "--random", "--threads");
  }

  @Override
  public int run(Arguments args, PrintStream out) {
    var modelFile = ModelArguments.modelFile(args);
    EngineRegistry registry = EngineRegistry.installed();
    List<String> engines = EngineChoice.names(registry, args.option("--engines", "java,tflite"));
    if (engines.size() < 2) {
      throw new UsageException("--engines needs at least two engines, e.g. java,tflite");
    }
    int threads = args.intOption("--threads", Runtime.getRuntime().availableProcessors(), 1);
    EngineModel model = ModelArguments.load(modelFile);
    ModelArguments.Inputs inputs = ModelArguments.inputs(args, model.inputs(), 0L);
    String reference = engines.contains("tflite") ? "tflite" : engines.get(0);
    List<ModelRun> runs = new ArrayList<>();
    for (String engine : engines) {
      try {
        runs.add(ModelRun.measure(model, EngineSelector.ordered(registry, List.of(engine)),
            EngineOptions.threads(threads), inputs.tensors(), 0, 1));
      } catch (NoEngineException e) {
        throw new UsageException(e.getMessage());
      }
    }
    Tensor[] expected = runs.get(engines.indexOf(reference)).outputs();
    out.printf("model   %s; inputs %s; %d thread%s%n", modelFile, inputs.source(), threads, threads == 1 ? "" : "s");
    boolean allWithin = true;
    for (ModelRun run : runs) {
      if (run.engine().equals(reference)) {
        continue;
      }
      out.printf("%n%s vs %s (reference)%n", run.engine(), reference);
      int width = 6;
      for (Tensor t : expected) {
        width = Math.max(width, t.name().length());
      }
      String format = "%-4s %-" + width + "s  %-8s %-16s %10s %10s %16s  %s%n";
      out.printf(format, "#", "output", "dtype", "shape", "max abs", "max rel", "differing", "verdict");
      Tensor[] actual = run.outputs();
      Comparison whole = Comparison.of(expected, actual, TOLERANCE);
      if (whole.mismatch() != null) {
        out.println("     " + whole.mismatch() + "  BEYOND TOLERANCE");
        allWithin = false;
        continue;
      }
      for (int o = 0; o < expected.length; o++) {
        Comparison c = Comparison.of(new Tensor[] {expected[o]}, new Tensor[] {actual[o]}, TOLERANCE);
        boolean isFloat = expected[o].dataType() == DataType.FLOAT32;
        out.printf(Locale.ROOT, format, o, expected[o].name(),
            RunCommand.typeName(expected[o].dataType()), expected[o].shape(),
            isFloat ? String.format(Locale.ROOT, "%.2g", c.maxAbsError()) : String.valueOf(c.maxLsb()),
            isFloat ? String.format(Locale.ROOT, "%.2g", c.maxRelError()) : "-",
            c.differing() + "/" + c.compared(), c.withinTolerance() ? "ok" : "BEYOND TOLERANCE");
      }
      allWithin &= whole.withinTolerance();
    }
    out.printf("%ntime   ");
    for (int i = 0; i < runs.size(); i++) {
      out.printf(Locale.ROOT, "%s%s %.3f ms", i == 0 ? "" : ", ", runs.get(i).engine(), runs.get(i).medianMs());
    }
    out.printf(" (one run each, wall clock)%n");
    out.println((allWithin ? "agree: every output within tolerance (" : "DISAGREE: some output is beyond tolerance (")
        + TOLERANCE_TEXT + ")");
    return allWithin ? 0 : 1;
  }
}
