package ai.fovea.desktop.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point behind the `./fovea` launcher: dispatches to one {@link Command} per subcommand (adding one is a
 * new class plus one entry in the constructor). User errors are one line on stderr and exit code 2; unexpected
 * failures are one line and exit 1, with the stack trace only under --verbose.
 */
public final class FoveaCli {
  private final Map<String, Command> commands = new LinkedHashMap<>();

  FoveaCli() {
    for (Command c : new Command[] {new DemoCommand(), new VerifyCommand(), new InspectCommand(), new BenchCommand(),
        new RunCommand(), new CompareCommand(), new DataCommand(),
        new RecognizeCommand(), new BaselinesCommand(), new TrainCommand()}) {
      commands.put(c.name(), c);
    }
  }

  public static void main(String[] args) {
    System.exit(new FoveaCli().run(args, System.out, System.err));
  }

  int run(String[] args, PrintStream out, PrintStream err) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    String[] rest = Arrays.stream(args).filter(a -> !a.equals("--verbose")).toArray(String[]::new);
    if (rest.length == 0 || rest[0].equals("--help") || rest[0].equals("help")) {
      out.print(usage());
      return 0;
    }
    Command command = commands.get(rest[0]);
    if (command == null) {
      err.println("fovea: unknown command '" + rest[0] + "'. Run ./fovea --help for the list.");
      return 2;
    }
    String[] commandArgs = Arrays.copyOfRange(rest, 1, rest.length);
    if (Arrays.asList(commandArgs).contains("--help")) {
      out.print(command.usage());
      return 0;
    }
    try {
      return command.run(Arguments.parse(commandArgs, command.valueOptions(), command.flags()), out);
    } catch (UsageException e) {
      err.println("fovea " + command.name() + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("fovea " + command.name() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
      if (verbose) {
        e.printStackTrace(err);
      } else {
        err.println("(run with --verbose for the stack trace)");
      }
      return 1;
    }
  }

  String usage() {
    StringBuilder sb = new StringBuilder("Usage: ./fovea <command> [options]   (every command takes --help)\n\n");
    for (Command c : commands.values()) {
      sb.append(String.format("  %-10s %s%n", c.name(), c.summary()));
    }
    sb.append(String.format("  %-10s %s%n", "test", "build and run every test (what CI runs)"));
    sb.append("\n  --verbose  (anywhere) print the stack trace of unexpected errors\n");
    return sb.toString();
  }
}
