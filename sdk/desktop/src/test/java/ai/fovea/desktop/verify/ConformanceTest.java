package ai.fovea.desktop.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The QUICK conformance suite against the real TFLite interpreter; `./fovea verify` runs the FULL one. */
class ConformanceTest {
  @Test
  void quickSuiteMatchesTheInterpreter() {
    List<ConformanceCase> cases = ConformanceSuite.cases(Scale.QUICK);
    assertFalse(cases.isEmpty(), "the QUICK suite has no cases");
    List<String> failures = new ArrayList<>();
    try (ConformanceRunner runner = new ConformanceRunner(2)) {
      for (ConformanceCase c : cases) {
        ConformanceResult r = runner.run(c);
        if (!r.passed()) {
          failures.add(r.toString());
        }
      }
    }
    assertTrue(failures.isEmpty(),
        failures.size() + " of " + cases.size() + " cases failed:\n" + String.join("\n", failures));
  }
}
