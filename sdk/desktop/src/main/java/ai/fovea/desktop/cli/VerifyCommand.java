package ai.fovea.desktop.cli;

import ai.fovea.desktop.assets.AssetUnavailableException;
import ai.fovea.desktop.assets.Assets;
import ai.fovea.desktop.tflite.TfliteInterpreter;
import ai.fovea.desktop.verify.ConformanceCase;
import ai.fovea.desktop.verify.ConformanceResult;
import ai.fovea.desktop.verify.ConformanceRunner;
import ai.fovea.desktop.verify.ConformanceSuite;
import ai.fovea.desktop.verify.Scale;
import ai.fovea.desktop.verify.cases.PublishedModelCases;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** `./fovea verify`: every op × type × parameter case against the real TFLite interpreter, one row each. */
final class VerifyCommand implements Command {
  @Override
  public String name() {
    return "verify";
  }

  @Override
  public String summary() {
    return "op and whole-model conformance against the real TensorFlow Lite interpreter";
  }

  @Override
  public String usage() {
    return "Usage: ./fovea verify [--quick] [--filter TEXT] [--threads N]\n\n"
        + "Runs seeded single-op and whole models in TFLite 2.6.2 and in our kernels (optimized and reference)\n"
        + "and compares every output: int8 bit-exact (SOFTMAX/LOGISTIC/TANH within 1 LSB), float within 1e-5\n"
        + "relative to the output's scale. Prints one row per case as it runs (index, PASS/FAIL, name, time,\n"
        + "then 'bit-exact' or how many values differ and by how much: max relative/absolute error for floats,\n"
        + "lsb for integers; our optimized and reference kernels are reported separately when they disagree),\n"
        + "repeats the failures, and ends with 'conformance: P passed, F failed'; exits 1 if F > 0.\n\n"
        + "The full suite adds the published models (COCO SSD uint8 bit-exact before and after its\n"
        + "TFLite_Detection_PostProcess, MediaPipe face detection within float tolerance), fetched on first use\n"
        + "into ~/.cache/fovea/assets; when they cannot be fetched they are reported as skipped, with the reason.\n\n"
        + "  --quick        the short suite the unit tests run (no published models)\n"
        + "  --filter TEXT  only cases whose name contains TEXT (case-insensitive)\n"
        + "  --threads N    threads of our kernels' pool (default 2)\n";
  }

  @Override
  public Set<String> valueOptions() {
    return Set.of("--filter", "--threads");
  }

  @Override
  public Set<String> flags() {
    return Set.of("--quick");
  }

  @Override
  public int run(Arguments args, PrintStream out) {
    Scale scale = args.flag("--quick") ? Scale.QUICK : Scale.FULL;
    String filter = args.option("--filter", "").toLowerCase(Locale.ROOT);
    int threads = args.intOption("--threads", 2, 1);
    List<ConformanceCase> all = new ArrayList<>(ConformanceSuite.cases(scale));
    // The published models need a download on first use: the full suite only, never the quick one of the tests.
    String skipped = scale == Scale.FULL ? addPublishedModels(all) : null;
    List<ConformanceCase> cases = all.stream()
        .filter(c -> c.name().toLowerCase(Locale.ROOT).contains(filter))
        .collect(Collectors.toList());
    if (skipped != null) {
      out.println("skipped: the published-model cases (" + skipped + ")");
    }
    if (cases.isEmpty()) {
      throw new UsageException("no " + scale + " conformance case matches '" + filter + "'");
    }
    out.printf("%d %s cases: TFLite %s (its own kernels, 1 thread) vs Fovea (optimized on %d threads, reference)%n",
        cases.size(), scale, TfliteInterpreter.runtimeVersion(), threads);
    List<ConformanceResult> failures = new ArrayList<>();
    try (ConformanceRunner runner = new ConformanceRunner(threads)) {
      for (int i = 0; i < cases.size(); i++) {
        ConformanceResult r = runner.run(cases.get(i));
        if (!r.passed()) {
          failures.add(r);
        }
        out.printf("[%4d/%d] %s %-60s %6d ms  %s%n", i + 1, cases.size(), r.passed() ? "PASS" : "FAIL", r.name(),
            r.millis(), r.detail());
      }
    }
    for (ConformanceResult r : failures) {
      out.println("failed: " + r);
    }
    out.printf("conformance: %d passed, %d failed%n", cases.size() - failures.size(), failures.size());
    return failures.isEmpty() ? 0 : 1;
  }

  /** Adds the published models' cases; returns why they are skipped, or null when they were added. */
  private static String addPublishedModels(List<ConformanceCase> cases) {
    try {
      cases.addAll(PublishedModelCases.cases(Assets.standard()));
      return null;
    } catch (AssetUnavailableException e) {
      return e.getMessage();
    }
  }
}
