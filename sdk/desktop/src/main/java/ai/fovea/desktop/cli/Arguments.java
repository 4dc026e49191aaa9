package ai.fovea.desktop.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed command-line arguments: {@code --name value} options, {@code --flag} switches and positional words.
 * Which options take a value is declared by the command, so typos are rejected instead of ignored. A value
 * option given more than once keeps every value ({@link #values}); {@link #option} reads the last.
 */
final class Arguments {
  private final Map<String, String> options = new HashMap<>();
  private final Map<String, List<String>> repeated = new HashMap<>();
  private final List<String> positional = new ArrayList<>();

  private Arguments() {}

  static Arguments parse(String[] args, Set<String> valueOptions, Set<String> flags) {
    Arguments a = new Arguments();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("--")) {
        if (valueOptions.contains(arg)) {
          if (i + 1 >= args.length) {
            throw new UsageException(arg + " needs a value");
          }
          a.options.put(arg, args[++i]);
          a.repeated.computeIfAbsent(arg, k -> new ArrayList<>()).add(args[i]);
        } else if (flags.contains(arg)) {
          a.options.put(arg, "true");
        } else {
          throw new UsageException("unknown option " + arg);
        }
      } else {
        a.positional.add(arg);
      }
    }
    return a;
  }

  boolean flag(String name) {
    return options.containsKey(name);
  }

  String option(String name, String defaultValue) {
    return options.getOrDefault(name, defaultValue);
  }

  int intOption(String name, int defaultValue, int min) {
    String v = options.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min) {
        throw new UsageException(name + " must be at least " + min + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(name + " takes a whole number, got '" + v + "'");
    }
  }

  /** Every value given for a repeatable option, in order (empty when absent). */
  List<String> values(String name) {
    return List.copyOf(repeated.getOrDefault(name, List.of()));
  }

  List<String> positional() {
    return positional;
  }
}
