package ai.fovea.desktop.cli;

import ai.fovea.desktop.bench.SideBySide;
import ai.fovea.desktop.verify.ModelOutputs;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.models.quantize.CalibrationSamples;
import ai.fovea.models.quantize.PostTrainingQuantizer;
import ai.fovea.models.tflite.ModelSummary;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.zoo.ReferenceNetworks;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;

/**
 * `./fovea demo`: until trained models land, the whole-model check — MobileNet-v1-style networks (random weights)
 * float and int8 on our kernels and on TFLite side by side, with times and agreement.
 */
final class DemoCommand implements Command {
  private static final int SIZE = 224;
  private static final int CLASSES = 1000;
  private static final long SEED = 1L;
  private static final int RUNS = 10;

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "whole MobileNet-v1-style networks (random weights) on our kernels and TFLite side by side";
  }

  @Override
  public String usage() {
    return "Usage: ./fovea demo [--threads N]\n\n"
        + "Until the trained models land: builds MobileNet-v1-style networks (width 0.25 and 1.0, 224x224, 1000\n"
        + "classes) with seeded RANDOM weights, quantizes them to int8 with our post-training quantizer, and runs\n"
        + "each float and int8 on our kernels and on TensorFlow Lite 2.6.2: median times and how closely the\n"
        + "class scores and probabilities agree. The outputs are not predictions.\n\n"
        + "  --threads N  threads for both engines (default: the cores the JVM sees)\n";
  }

  @Override
  public Set<String> valueOptions() {
    return Set.of("--threads");
  }

  @Override
  public int run(Arguments args, PrintStream out) {
    if (!args.positional().isEmpty()) {
      throw new UsageException("takes no arguments besides --threads (see --help)");
    }
    int threads = args.intOption("--threads", Runtime.getRuntime().availableProcessors(), 1);
    out.println("Fovea demo: whole networks on our pure-Java kernels and on TensorFlow Lite 2.6.2, side by side.");
    out.println("The weights are RANDOM (seeded, untrained): the outputs are not predictions. This shows speed and");
    out.println("agreement only; trained classifiers come with the training issue.");
    out.printf(Locale.ROOT, "%d threads; ours: median of %d runs after warm-up; agreement on the class scores and "
        + "probabilities (%d values) for one input.%n%n", threads, RUNS, 2 * CLASSES);
    out.printf(Locale.ROOT, "%-34s %-6s %9s %11s %-16s %s%n", "model", "type", "ours ms", "TFLite ms", "(TFLite path)",
        "agreement with TFLite's kernels");
    try (ComputePool pool = new ComputePool(threads)) {
      for (float width : new float[] {0.25f, 1.0f}) {
        TfliteModel floatModel = ReferenceNetworks.mobileNetV1(SIZE, width, CLASSES, SEED);
        TfliteModel int8Model = PostTrainingQuantizer.builder().threads(threads).build()
            .quantize(floatModel, CalibrationSamples.uniform(floatModel, 2, -1f, 1f, SEED));
        String name = String.format(Locale.ROOT, "mobilenet_v1 %.2f %d", width, SIZE);
        row(out, name + String.format(Locale.ROOT, " (%.0fM MACs)", ModelSummary.of(floatModel).totalMacs() / 1e6),
            "float", SideBySide.measure(ModelOutputs.withSoftmaxInputs(floatModel), pool, RUNS));
        row(out, "", "int8", SideBySide.measure(ModelOutputs.withSoftmaxInputs(int8Model), pool, RUNS));
      }
    }
    out.println();
    out.println("float: TFLite timed with XNNPACK, agreement against its built-in kernels (conformance allows 1e-5 "
        + "relative);");
    out.println("int8: our quantizer's model, TFLite's int8 kernels (slow in this JNI build), bit-exact is the bar.");
    return 0;
  }

  private static void row(PrintStream out, String model, String type, SideBySide r) {
    String agreement = type.equals("int8")
        ? String.format(Locale.ROOT, "%d/%d values bit-exact", r.identical, r.total)
        : String.format(Locale.ROOT, "max abs err %.1e, max rel err %.1e", r.maxAbsError, r.maxRelError);
    out.printf(Locale.ROOT, "%-34s %-6s %9.1f %11.1f %-16s %s%n", model, type, r.oursMs, r.tfliteMs,
        "(" + r.tfliteEngine + ")", agreement);
  }
}
