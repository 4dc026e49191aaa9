package ai.fovea.desktop.cli;

import ai.fovea.sdk.engine.EngineRegistry;
import ai.fovea.sdk.engine.EngineSelector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code --engine}/{@code --engines} values: {@code auto} or engine names, each checked against the
 * engines installed in this build, so that a typo and an engine this build lacks ({@code gpu} until the GPU
 * issue lands) are one clear usage error instead of a fallback the user did not ask for.
 */
final class EngineChoice {
  /** Every engine Fovea defines, installed here or not. */
  static final List<String> KNOWN = List.of("java", "tflite", "gpu");

  private EngineChoice() {}

  /** {@code auto}, one engine, or a comma-separated order to fall back along. */
  static EngineSelector selector(EngineRegistry registry, String option) {
    if (option.trim().equals(EngineSelector.AUTO)) {
      return EngineSelector.auto(registry);
    }
    return EngineSelector.ordered(registry, names(registry, option));
  }

  /** Comma-separated engine names, each installed, none twice. */
  static List<String> names(EngineRegistry registry, String option) {
    Set<String> names = new LinkedHashSet<>();
    for (String part : option.split(",", -1)) {
      String name = part.trim();
      if (!names.add(name)) {
        throw new UsageException("engine " + name + " is listed twice");
      }
      if (registry.find(name) != null) {
        continue;
      }
      if (KNOWN.contains(name)) {
        throw new UsageException("engine " + name + " is not available in this build (installed: "
            + String.join(", ", registry.names()) + ")");
      }
      throw new UsageException("unknown engine '" + name + "'; choose " + EngineSelector.AUTO + " or "
          + String.join(", ", known(registry)));
    }
    return List.copyOf(names);
  }

  private static List<String> known(EngineRegistry registry) {
    Set<String> all = new LinkedHashSet<>(KNOWN);
    all.addAll(registry.names());
    return new ArrayList<>(all);
  }
}
