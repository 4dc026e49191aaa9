package ai.fovea.desktop.cli;

import ai.fovea.desktop.demo.DemoRun;
import ai.fovea.desktop.demo.DemoSources;
import ai.fovea.sdk.engine.EngineRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * `./fovea demo`: the main job — classification on real dataset images and detection on real photos and a
 * camera-like frame sequence through the SDK, with per-frame results and times, annotated PNGs and an HTML report.
 */
final class DemoCommand implements Command {
  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "the main job: classify and detect on real images and a frame sequence; annotated PNGs + report.html";
  }

  @Override
  public String usage() {
    return "Usage: ./fovea demo [--out DIR] [--engine auto|java|tflite|gpu] [--threads N] [--frames N]\n\n"
        + "Runs the SDK's tasks with the default engine choice, as an app would:\n"
        + "  - classification: the shipped Fashion-MNIST classifier on real test images of the dataset;\n"
        + "  - detection: the published COCO SSD MobileNet v2 (uint8) on real photographs (scikit-image data) and\n"
        + "    on a short camera-like YUV_420_888 frame sequence SYNTHESIZED from one of those photos (a virtual\n"
        + "    camera pans across it; a third of the frames come rotated 90 and a third 270 degrees, as from a\n"
        + "    sensor mounted sideways, so boxes are mapped back through the rotation).\n"
        + "Prints one line per frame (results, engine, step times) and the throughput of each part, writes every\n"
        + "frame annotated (boxes, labels, scores) as PNG and a report.html with per-frame timing charts into DIR,\n"
        + "and prints where they are. A model that is not in this build is reported as missing, with the reason.\n\n"
        + "  --out DIR      output directory (default demo-out)\n"
        + "  --engine E     auto (default), java, tflite, gpu or an order such as tflite,java\n"
        + "  --threads N    threads for the engines and the conversion (default: the cores the JVM sees)\n"
        + "  --frames N     frames in the synthesized sequence (default 30)\n";
  }

  @Override
  public Set<String> valueOptions() {
    return Set.of("--out", "--engine", "--threads", "--frames");
  }

  @Override
  public int run(Arguments args, PrintStream out) throws IOException {
    if (!args.positional().isEmpty()) {
      throw new UsageException("takes options only, got " + String.join(" ", args.positional()) + " (see --help)");
    }
    String engine = args.option("--engine", "auto");
    EngineChoice.selector(EngineRegistry.installed(), engine);
    int threads = args.intOption("--threads", Runtime.getRuntime().availableProcessors(), 1);
    int frames = args.intOption("--frames", 30, 2);
    Path outDir = Path.of(args.option("--out", "demo-out"));
    long start = System.nanoTime();
    out.printf(Locale.ROOT, "Fovea demo: engine %s, %d thread%s; output in %s%n", engine, threads,
        threads == 1 ? "" : "s", outDir);
    DemoRun demo = DemoSources.defaults(DemoRun.builder(), frames, System.err).engine(engine).threads(threads)
        .build();
    Path report = demo.run(outDir, out);
    out.printf(Locale.ROOT, "%nwrote the annotated frames and %s (%.1f s in all)%n", report.toAbsolutePath(),
        (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
