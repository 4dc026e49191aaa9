package ai.fovea.sdk.engine;

import ai.fovea.kernels.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Picks the engine that runs a model, falling back down an order until one works, and records why each
 * other engine did not run.
 *
 * <p><b>The order.</b> An explicit preference ({@link #ordered}) is tried exactly as given. The automatic order
 * ({@link #auto}) starts from {@code gpu, tflite, java} (then any other installed engine, by name) and moves
 * to the front the engines that declare fast kernels for the model's compute type
 * ({@link EngineCapabilities#fastTypes()}), keeping that order among them. Why: on the desktop TFLite 2.6.2
 * with XNNPACK runs float models 3–6 × faster than our kernels, but its int8 kernels are 2–28 × slower than
 * ours (README, {@code ./fovea bench kernels}), so float models go {@code tflite, java} and quantized ones
 * {@code java, tflite}; an Android TFLite engine that declares fast int8 comes first for both.
 *
 * <p><b>Fallback.</b> For each engine in order: {@link Engine#probe}, {@link EngineCapabilities#check}, then
 * {@link Engine#open}, then one run on zero-filled inputs (so an engine that loads a model but fails on it is
 * caught now, not on the first camera frame). The first engine that passes all four is selected; an engine
 * that throws anything is recorded as unavailable, never propagated. When none passes,
 * {@link NoEngineException} lists every reason. A selection can also fall back later
 * ({@link EngineSelection#fallBack}) when its engine fails at run time.
 */
public final class EngineSelector {
  /** The name of the automatic order in user-facing options ({@code --engine auto}). */
  public static final String AUTO = "auto";

  private static final List<String> BASE_ORDER = List.of("gpu", "tflite", "java");

  private final EngineRegistry registry;
  private final List<String> preference;

  private EngineSelector(EngineRegistry registry, List<String> preference) {
    if (registry == null) {
      throw new IllegalArgumentException("engine registry is null");
    }
    this.registry = registry;
    this.preference = preference;
  }

  /** The automatic order over {@code registry}'s engines. */
  public static EngineSelector auto(EngineRegistry registry) {
    return new EngineSelector(registry, null);
  }

  /**
   * Exactly the named engines, in this order; a name not installed is recorded as unavailable
   * ({@link EngineUnavailableException.Reason#PLATFORM}) when a model is opened.
   */
  public static EngineSelector ordered(EngineRegistry registry, List<String> names) {
    if (names == null || names.isEmpty() || names.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("engine names must be a non-empty list without nulls, got " + names);
    }
    for (String n : names) {
      if (!n.matches("[a-z0-9_]+") || n.equals(AUTO)) {
        throw new IllegalArgumentException("engine name must be a lower-case name other than auto, got '" + n + "'");
      }
    }
    return new EngineSelector(registry, List.copyOf(names));
  }

  /**
   * From a user's option: {@code auto}, one engine name, or a comma-separated order ({@code tflite,java}).
   * Throws {@link IllegalArgumentException} for an empty or malformed option.
   */
  public static EngineSelector parse(EngineRegistry registry, String option) {
    if (option == null || option.trim().isEmpty()) {
      throw new IllegalArgumentException("engine option is empty; use auto or engine names such as java,tflite");
    }
    if (option.trim().equals(AUTO)) {
      return auto(registry);
    }
    List<String> names = new ArrayList<>();
    for (String part : option.split(",")) {
      names.add(part.trim());
    }
    return ordered(registry, names);
  }

  public EngineRegistry registry() {
    return registry;
  }

  /** True for the automatic order. */
  public boolean isAuto() {
    return preference == null;
  }

  /** The engine names this selector would try for {@code model}, in order. */
  public List<String> order(EngineModel model) {
    if (preference != null) {
      return preference;
    }
    List<String> base = new ArrayList<>();
    for (String name : BASE_ORDER) {
      if (registry.find(name) != null) {
        base.add(name);
      }
    }
    List<String> others = new ArrayList<>(registry.names());
    others.removeAll(base);
    Collections.sort(others);
    base.addAll(others);
    List<String> fast = new ArrayList<>();
    List<String> slow = new ArrayList<>();
    for (String name : base) {
      (registry.find(name).capabilities().isFastFor(model) ? fast : slow).add(name);
    }
    fast.addAll(slow);
    return Collections.unmodifiableList(fast);
  }

  /**
   * Opens {@code model} on the first engine of the order that can take it. Throws {@link NoEngineException}
   * when none can; never anything an engine throws.
   */
  public EngineSelection open(EngineModel model, EngineOptions options) {
    if (model == null || options == null) {
      throw new IllegalArgumentException("model and options are required, got " + model + " and " + options);
    }
    return openFrom(model, options, order(model), 0, new ArrayList<>());
  }

  /** Tries {@code order} from {@code start}, after the attempts already made. */
  EngineSelection openFrom(EngineModel model, EngineOptions options, List<String> order, int start,
      List<EngineAttempt> attempts) {
    for (int i = start; i < order.size(); i++) {
      String name = order.get(i);
      try {
        Tensor[] outputs = new Tensor[model.outputs().size()];
        EngineSession session = tryOpen(name, model, options, outputs);
        attempts.add(EngineAttempt.selected(name));
        for (int j = i + 1; j < order.size(); j++) {
          attempts.add(EngineAttempt.notTried(order.get(j), name));
        }
        return new EngineSelection(this, model, options, order, i, session, attempts, outputs);
      } catch (EngineUnavailableException e) {
        attempts.add(EngineAttempt.unavailable(e));
      }
    }
    throw new NoEngineException(attempts);
  }

  /** Opens and verifies {@code name}'s session; {@code outputs} receives the verification run's outputs. */
  private EngineSession tryOpen(String name, EngineModel model, EngineOptions options, Tensor[] outputs) {
    Engine engine = registry.find(name);
    if (engine == null) {
      throw new EngineUnavailableException(name, EngineUnavailableException.Reason.PLATFORM,
          "not installed in this runtime (installed: " + String.join(", ", registry.names()) + ")");
    }
    EngineSession session = null;
    try {
      engine.probe();
      engine.capabilities().check(name, model);
      session = engine.open(model, options);
      runOnce(session, outputs);
      return session;
    } catch (EngineUnavailableException e) {
      closeQuietly(session);
      throw e.engine().equals(name) ? e
          : new EngineUnavailableException(name, e.reason(), e.detail(), e);
    } catch (RuntimeException | LinkageError e) {
      // An engine's own bug or a native library that does not link is this engine's failure, not the caller's.
      closeQuietly(session);
      throw new EngineUnavailableException(name, session == null ? EngineUnavailableException.Reason.OPEN_FAILED
          : EngineUnavailableException.Reason.RUN_FAILED, e.toString(), e);
    }
  }

  private static void runOnce(EngineSession session, Tensor[] out) {
    Tensor[] in = new Tensor[session.inputs().size()];
    for (int i = 0; i < in.length; i++) {
      in[i] = session.inputs().get(i).allocate();
    }
    if (out.length != session.outputs().size()) {
      throw new EngineUnavailableException(session.engineName(), EngineUnavailableException.Reason.OPEN_FAILED,
          "reports " + session.outputs().size() + " outputs, the model has " + out.length);
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = session.outputs().get(i).allocate();
    }
    session.run(in, out);
  }

  private static void closeQuietly(EngineSession session) {
    if (session != null) {
      try {
        session.close();
      } catch (RuntimeException ignored) {
        // The session already failed; its reason is what the caller needs, not a second error from closing.
      }
    }
  }
}
