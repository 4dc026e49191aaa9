package ai.fovea.desktop.cli;

import java.io.PrintStream;
import java.util.Set;

/** One `./fovea` subcommand: its name, a one-line summary, its --help text, its options, and what it does. */
interface Command {
  String name();

  String summary();

  /** Full usage text shown by `./fovea NAME --help`. */
  String usage();

  /** Options that take a value, e.g. "--threads". */
  default Set<String> valueOptions() {
    return Set.of();
  }

  /** Options without a value, e.g. "--quick". */
  default Set<String> flags() {
    return Set.of();
  }

  /** Runs with the parsed arguments after the subcommand name; returns the process exit code. */
  int run(Arguments args, PrintStream out) throws Exception;
}
