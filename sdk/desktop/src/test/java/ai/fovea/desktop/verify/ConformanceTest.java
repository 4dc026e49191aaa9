package ai.fovea.desktop.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The QUICK conformance suite against the real TFLite interpreter; `./fovea verify` runs the FULL one. */
class ConformanceTest {
  @Test
  void quickSuiteMatchesTheInterpreter() {
    List<String> failures = new ArrayList<>();
    try (ConformanceRunner runner = new ConformanceRunner(2)) {
      for (ConformanceCase c : ConformanceSuite.cases(Scale.QUICK)) {
        ConformanceResult r = runner.run(c);
        if (!r.passed()) {
          failures.add(r.toString());
        }
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " cases failed:\n" + String.join("\n", failures));
  }
}
