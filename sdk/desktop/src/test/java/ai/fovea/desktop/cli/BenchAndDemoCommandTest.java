package ai.fovea.desktop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchAndDemoCommandTest extends CliTest {
  @Test
  void bothAreListedAndExplainThemselves() {
    assertEquals(0, run("--help"));
    assertTrue(out.contains("  demo ") && out.contains("  bench "), out);
    assertEquals(0, run("demo", "--help"));
    assertTrue(out.startsWith("Usage: ./fovea demo") && out.contains("SYNTHESIZED"), out);
    assertEquals(0, run("bench", "--help"));
    assertTrue(out.startsWith("Usage: ./fovea bench kernels") && out.contains("--json FILE"), out);
    assertTrue(out.contains("Usage: ./fovea bench pipeline"), out);
  }

  @Test
  void misuseIsAOneLineUsageError() {
    assertEquals(2, run("bench"));
    assertEquals("fovea bench: expects the benchmark name 'kernels', 'pipeline', 'models' or 'train' (see --help)\n",
        err);
    assertEquals(2, run("bench", "pipeline", "--model", "x.tflite"));
    assertEquals("fovea bench: --model is for 'bench models' only\n", err);
    assertEquals(2, run("bench", "kernels", "--steps", "3"));
    assertEquals("fovea bench: --steps is for 'bench train' only\n", err);
    assertEquals(2, run("bench", "train", "--arch", "lenet5,alexnet"));
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.contains("unknown architecture 'alexnet'"), err);
    assertEquals(2, run("bench", "train", "--runs", "3"));
    assertEquals("fovea bench: 'bench train' takes --steps, not --runs\n", err);
    assertEquals(2, run("bench", "kernels", "--runs", "0"));
    assertEquals("fovea bench: --runs must be at least 1, got 0\n", err);
    assertEquals(2, run("demo", "now"));
    assertEquals(1, err.lines().count(), err);
    assertEquals(2, run("demo", "--engine", "gpu"));
    assertTrue(err.startsWith("fovea demo: engine gpu is not available in this build"), err);
  }
}
