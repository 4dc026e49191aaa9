package ai.fovea.sdk.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The engines a program can use, by name. {@link #installed()} holds the {@link JavaEngine} (always there) and
 * every engine a front end registers through {@link ServiceLoader} (a {@code META-INF/services/ai.fovea.sdk.engine.Engine}
 * file in its jar: the desktop module registers {@code tflite} that way, so putting it on the class path is all
 * it takes). Immutable.
 */
public final class EngineRegistry {
  private final Map<String, Engine> engines;

  private EngineRegistry(Map<String, Engine> engines) {
    this.engines = Collections.unmodifiableMap(engines);
  }

  /** The Java engine plus every engine found on the class path, looked up once per call. */
  public static EngineRegistry installed() {
    List<Engine> found = new ArrayList<>();
    found.add(new JavaEngine());
    for (Engine e : ServiceLoader.load(Engine.class, EngineRegistry.class.getClassLoader())) {
      found.add(e);
    }
    return of(found.toArray(new Engine[0]));
  }

  /** Exactly these engines; a later engine with an earlier one's name replaces it. */
  public static EngineRegistry of(Engine... engines) {
    if (engines == null) {
      throw new IllegalArgumentException("engines are null");
    }
    Map<String, Engine> byName = new LinkedHashMap<>();
    for (Engine e : engines) {
      if (e == null || e.name() == null || !e.name().matches("[a-z0-9_]+")) {
        throw new IllegalArgumentException("engine " + e + " needs a lower-case name, got "
            + (e == null ? null : e.name()));
      }
      byName.put(e.name(), e);
    }
    return new EngineRegistry(byName);
  }

  /** The engine called {@code name}, or null when none is installed under it. */
  public Engine find(String name) {
    return engines.get(name);
  }

  /** Installed engines' names, in registration order. */
  public List<String> names() {
    return List.copyOf(engines.keySet());
  }

  /** Installed engines, in registration order. */
  public List<Engine> engines() {
    return List.copyOf(engines.values());
  }

  @Override
  public String toString() {
    return "engines " + engines.keySet();
  }
}
