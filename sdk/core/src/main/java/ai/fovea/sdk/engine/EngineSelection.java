package ai.fovea.sdk.engine;

import ai.fovea.kernels.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of {@link EngineSelector#open}: the open session of the selected engine and one
 * {@link EngineAttempt} per engine of the order (selected, unavailable with its reason, or not tried). Owns the
 * session: close the selection (or hand the session's ownership on and never close it twice).
 */
public final class EngineSelection implements AutoCloseable {
  private final EngineSelector selector;
  private final EngineModel model;
  private final EngineOptions options;
  private final List<String> order;
  private final int selectedIndex;
  private final EngineSession session;
  private final List<EngineAttempt> attempts;
  private final Tensor[] verifiedOutputs;

  EngineSelection(EngineSelector selector, EngineModel model, EngineOptions options, List<String> order,
      int selectedIndex, EngineSession session, List<EngineAttempt> attempts, Tensor[] verifiedOutputs) {
    this.selector = selector;
    this.model = model;
    this.options = options;
    this.order = order;
    this.selectedIndex = selectedIndex;
    this.session = session;
    this.attempts = List.copyOf(attempts);
    this.verifiedOutputs = verifiedOutputs;
  }

  public EngineSession session() {
    return session;
  }

  /**
   * The output tensors of the verification run (zero-filled inputs), shaped as the engine reported them after
   * running: the shapes to plan with when a model's file leaves them open (TFLite's detection post-processing).
   * The caller may reuse these tensors for its own runs.
   */
  public Tensor[] verifiedOutputs() {
    return verifiedOutputs.clone();
  }

  /** The selected engine's name. */
  public String engineName() {
    return order.get(selectedIndex);
  }

  /** Every engine of the order with what happened to it, in order. */
  public List<EngineAttempt> attempts() {
    return attempts;
  }

  /**
   * After the selected engine failed at run time ({@code failure}), closes its session and opens the model on the
   * next engines of the same order; the new selection's attempts record the failure. Throws
   * {@link NoEngineException} when no later engine can take the model.
   */
  public EngineSelection fallBack(EngineUnavailableException failure) {
    if (failure == null) {
      throw new IllegalArgumentException("failure is null");
    }
    session.close();
    List<EngineAttempt> kept = new ArrayList<>(attempts.subList(0, selectedIndex));
    kept.add(EngineAttempt.unavailable(failure.engine().equals(engineName()) ? failure
        : new EngineUnavailableException(engineName(), failure.reason(), failure.detail(), failure)));
    return selector.openFrom(model, options, order, selectedIndex + 1, kept);
  }

  @Override
  public void close() {
    session.close();
  }

  @Override
  public String toString() {
    return "engine " + engineName() + " " + attempts;
  }
}
