package ai.fovea.desktop.data;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs a Debian package with apt-get, as root or through password-less sudo, writing one line to the log
 * before it starts. When the package is unknown to apt's lists (a fresh machine) it runs {@code apt-get update}
 * once and tries again. Anything else that stops it is a {@link DatasetUnavailableException} that says how to
 * install the package by hand.
 */
final class AptPackage {
  private static final long TIMEOUT_SECONDS = 900;

  private AptPackage() {}

  /** Installs {@code name} ({@code what} describes it in the log line), or throws saying why it could not. */
  static void install(String name, String what, PrintStream log) {
    List<String> prefix = privilegePrefix();
    if (prefix == null) {
      throw new DatasetUnavailableException(what + " is not installed and apt-get needs root: run `sudo apt-get "
          + "install " + name + "` (no root and no password-less sudo here)");
    }
    log.println("fovea: installing Debian package " + name + " (" + what + ") with apt-get ...");
    ExternalCommand.Outcome outcome = ExternalCommand.run(command(prefix, "install", "-y", name), null,
        TIMEOUT_SECONDS);
    if (!outcome.succeeded() && outcome.output().contains("Unable to locate package")) {
      ExternalCommand.Outcome update = ExternalCommand.run(command(prefix, "update"), null, TIMEOUT_SECONDS);
      if (update.succeeded()) {
        outcome = ExternalCommand.run(command(prefix, "install", "-y", name), null, TIMEOUT_SECONDS);
      }
    }
    if (!outcome.succeeded()) {
      throw new DatasetUnavailableException("apt-get install " + name + " failed (exit " + outcome.exitCode()
          + "): " + outcome.lastLine() + "; install it by hand with `sudo apt-get install " + name + "`");
    }
  }

  /** {@code []} as root, {@code [sudo, -n]} with password-less sudo, null when neither. */
  private static List<String> privilegePrefix() {
    if ("root".equals(System.getProperty("user.name"))) {
      return List.of();
    }
    ExternalCommand.Outcome sudo = ExternalCommand.run(List.of("sudo", "-n", "true"), null, 30);
    return sudo.succeeded() ? List.of("sudo", "-n") : null;
  }

  private static List<String> command(List<String> prefix, String... args) {
    List<String> command = new ArrayList<>(prefix);
    command.add("apt-get");
    command.addAll(List.of(args));
    return command;
  }
}
