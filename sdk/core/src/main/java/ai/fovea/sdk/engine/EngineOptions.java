package ai.fovea.sdk.engine;

/** How a session should run, whatever the engine: for now the number of threads. Immutable; default 1 thread. */
public final class EngineOptions {
  private final int threads;

  private EngineOptions(int threads) {
    this.threads = threads;
  }

  /** One thread. */
  public static EngineOptions defaults() {
    return new EngineOptions(1);
  }

  /** Sessions use {@code threads} threads (at least 1). */
  public static EngineOptions threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    return new EngineOptions(threads);
  }

  public int threads() {
    return threads;
  }

  @Override
  public String toString() {
    return threads + (threads == 1 ? " thread" : " threads");
  }
}
