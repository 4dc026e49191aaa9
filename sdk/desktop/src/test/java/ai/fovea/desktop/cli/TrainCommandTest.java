package ai.fovea.desktop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train command's user errors are one line and exit 2, before any data is read or training starts. */
class TrainCommandTest extends CliTest {
  @TempDir Path dir;

  @Test
  void helpDescribesTheOptions() {
    assertEquals(0, run("train", "--help"));
    String usage = out;
    assertTrue(usage.startsWith("Usage: ./fovea train"), usage);
    for (String option : new String[] {"--arch", "--epochs", "--batch", "--lr", "--optimizer", "--erase", "--seed",
        "--threads", "--out", "--resume"}) {
      assertTrue(usage.contains(option), option);
    }
  }

  @Test
  void badArgumentsAreOneLineUsageErrors() {
    String[][] cases = {
      {"train"},
      {"train", "cifar"},
      {"train", "fashion-mnist", "--arch", "alexnet"},
      {"train", "fashion-mnist", "--optimizer", "lbfgs"},
      {"train", "fashion-mnist", "--epochs", "0"},
      {"train", "fashion-mnist", "--lr", "-1"},
      {"train", "fashion-mnist", "--width", "zero"},
      {"train", "fashion-mnist", "--erase", "1.5"},
      {"train", "fashion-mnist", "--bogus"},
      {"train", "--resume", "missing.ckpt"},
    };
    for (String[] args : cases) {
      assertEquals(2, run(args), String.join(" ", args) + ": " + err);
      assertEquals(1, err.trim().split("\n").length, err);
    }
  }

  @Test
  void corruptCheckpointIsAUsageError() throws IOException {
    Path file = dir.resolve("epoch-001.ckpt");
    Files.write(file, "FOVEACKP not really a checkpoint".getBytes(StandardCharsets.US_ASCII));
    assertEquals(2, run("train", "--resume", file.toString()));
    assertTrue(err.contains("checkpoint"), err);
  }
}
