package ai.fovea.desktop.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a system tool (apt-get, npm) to completion with a time limit, collecting its combined output so that a
 * failure can be reported with the tool's own last words.
 */
public final class ExternalCommand {
  /** Exit status and combined stdout/stderr of a finished command. */
  public record Outcome(int exitCode, String output) {
    public boolean succeeded() {
      return exitCode == 0;
    }

    /** The last non-empty line of output, or a note that there was none. */
    public String lastLine() {
      String[] lines = output.strip().split("\n");
      String last = lines[lines.length - 1].strip();
      return last.isEmpty() ? "(no output)" : last;
    }
  }

  private ExternalCommand() {}

  /**
   * Runs {@code command} in {@code directory} (null: the current one); a tool that is not installed gives
   * exit code 127 like a shell would, a tool that outlives {@code timeoutSeconds} is killed (exit code 124).
   */
  public static Outcome run(List<String> command, Path directory, long timeoutSeconds) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return new Outcome(127, command.get(0) + ": not found (" + e.getMessage() + ")");
    }
    try {
      process.getOutputStream().close(); // a tool that asks a question reads end-of-file instead of waiting
    } catch (IOException e) {
      // Nothing to close: the process has already gone.
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> copy(process.getInputStream(), output), "fovea-" + command.get(0) + "-output");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
        reader.join(1000);
        return new Outcome(124, text(output) + "\n" + command.get(0) + ": killed after " + timeoutSeconds + " s");
      }
      reader.join();
      return new Outcome(process.exitValue(), text(output));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return new Outcome(130, text(output) + "\n" + command.get(0) + ": interrupted");
    }
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        synchronized (out) {
          out.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // The process ended and closed its side: what was read is all there is.
    }
  }

  private static String text(ByteArrayOutputStream out) {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
