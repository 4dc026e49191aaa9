package ai.fovea.desktop.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Base of the command tests: runs {@link FoveaCli} in process and keeps what it printed. */
abstract class CliTest {
  /** Standard output and error of the last {@link #run}. */
  protected String out;
  protected String err;

  /** Runs {@code ./fovea args...}; returns the exit code. */
  protected int run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = new FoveaCli().run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }
}
