package ai.fovea.desktop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BaselinesCommandTest extends CliTest {
  @Test
  void misuseIsAOneLineUsageError() {
    assertEquals(2, run("baselines", "now"));
    assertEquals("fovea baselines: takes no positional arguments (see --help)\n", err);
    assertEquals(2, run("baselines", "--k", "0"));
    assertEquals("fovea baselines: --k must be at least 1, got 0\n", err);
    assertEquals(0, run("baselines", "--help"));
    assertTrue(out.startsWith("Usage: ./fovea baselines"), out);
  }

  @Test
  void smallRunOnRealFashionMnistBeatsChance() {
    assumeTrue(Files.isRegularFile(ai.fovea.desktop.data.Datasets.DEBIAN_FASHION_MNIST.resolve("t10k-images-idx3-ubyte.gz")),
        "Debian package dataset-fashion-mnist not installed");
    assertEquals(0, run("baselines", "--knn-train", "2000", "--knn-test", "300", "--svm-epochs", "1",
        "--threads", "2"), err);
    // Chance is 10 %; even these small fits reach well over half (full runs: README).
    for (String name : new String[] {"k-NN", "naive Bayes", "linear SVM"}) {
      Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\s+([0-9.]+)%\\s+(\\d+)").matcher(out);
      assertTrue(m.find(), out);
      assertTrue(Double.parseDouble(m.group(1)) > 50, name + ": " + out);
      assertEquals(name.equals("k-NN") ? 300 : 10000, Integer.parseInt(m.group(2)), out);
    }
  }
}
