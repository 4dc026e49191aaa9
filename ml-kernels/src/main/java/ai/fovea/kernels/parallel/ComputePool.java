package ai.fovea.kernels.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one thread pool every kernel shares. {@link #parallelFor} splits a range of independent work items over
 * the caller plus {@code threads - 1} daemon workers and returns when every chunk is done. One range runs at a
 * time (concurrent callers queue); a nested call from inside a running range runs inline, so kernels may call
 * each other freely. A training step or a network's forward pass is a chain of short ranges with a little
 * serial work between them, so workers spin briefly for the next range before they park, and the caller spins
 * briefly for the last chunk before it parks: waking a parked thread costs tens of microseconds, as much as a
 * small op. The caller never waits for a worker that woke too late to take a chunk.
 */
public final class ComputePool implements AutoCloseable {
  /** A body over the half-open item range [start, end). */
  public interface RangeBody {
    void run(int start, int end);
  }

  /** How long a thread spins for the next range or the last chunk before parking: a few small ops' gap. */
  private static final long SPIN_NANOS = 100_000;

  private static final ComputePool SERIAL = new ComputePool(1);

  private final int threads;
  private final Thread[] workers;
  private final ReentrantLock submitLock = new ReentrantLock();
  private final ReentrantLock stateLock = new ReentrantLock();
  private final Condition workReady = stateLock.newCondition();
  private final Condition workDone = stateLock.newCondition();
  private final ThreadLocal<Boolean> insideRange = ThreadLocal.withInitial(() -> Boolean.FALSE);

  /** The range being run, or the last one; workers compare it with the one they last saw. */
  private volatile Range current;
  private volatile boolean closed;

  public ComputePool(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
    this.workers = new Thread[threads - 1];
    for (int i = 0; i < workers.length; i++) {
      workers[i] = new Thread(this::workerLoop, "fovea-compute-" + (i + 1));
      workers[i].setDaemon(true);
      workers[i].start();
    }
  }

  /** A pool that runs everything on the calling thread. */
  public static ComputePool serial() {
    return SERIAL;
  }

  public int threads() {
    return threads;
  }

  /**
   * Runs {@code body} over [0, count) in chunks of at least {@code minChunk} items. Exceptions thrown by the
   * body are rethrown to the caller after all chunks have stopped.
   */
  public void parallelFor(int count, int minChunk, RangeBody body) {
    if (count < 0 || minChunk < 1) {
      throw new IllegalArgumentException("count " + count + ", minChunk " + minChunk);
    }
    if (count == 0) {
      return;
    }
    int maxChunks = Math.min(threads * 4, (count + minChunk - 1) / minChunk);
    if (maxChunks <= 1 || workers.length == 0 || insideRange.get()) {
      body.run(0, count);
      return;
    }
    submitLock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("compute pool is closed");
      }
      Range range = new Range(body, count, maxChunks);
      stateLock.lock();
      try {
        current = range;
        workReady.signalAll();
      } finally {
        stateLock.unlock();
      }
      runChunks(range);
      awaitDone(range);
      range.body = null; // a late worker takes no chunk; the pool should not keep the body's arrays alive
      if (range.failure != null) {
        throw range.failure;
      }
    } finally {
      submitLock.unlock();
    }
  }

  /** {@link #parallelFor(int, int, RangeBody)} with chunks of at least one item. */
  public void parallelFor(int count, RangeBody body) {
    parallelFor(count, 1, body);
  }

  private void awaitDone(Range range) {
    long deadline = System.nanoTime() + SPIN_NANOS;
    while (range.done.get() < range.chunks && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    stateLock.lock();
    try {
      while (range.done.get() < range.chunks) {
        workDone.awaitUninterruptibly();
      }
    } finally {
      stateLock.unlock();
    }
  }

  private void runChunks(Range range) {
    insideRange.set(Boolean.TRUE);
    try {
      for (int c = range.next.getAndIncrement(); c < range.chunks; c = range.next.getAndIncrement()) {
        int start = c * range.chunkSize;
        int finished = 1;
        try {
          range.body.run(start, Math.min(range.count, start + range.chunkSize));
        } catch (RuntimeException | Error e) {
          range.fail(e);
          // Stop the others early: the chunks nobody took count as finished.
          finished += range.chunks - Math.min(range.chunks, range.next.getAndSet(range.chunks));
        }
        if (range.done.addAndGet(finished) == range.chunks) {
          stateLock.lock();
          try {
            workDone.signalAll();
          } finally {
            stateLock.unlock();
          }
        }
      }
    } finally {
      insideRange.set(Boolean.FALSE);
    }
  }

  private void workerLoop() {
    Range seen = null;
    while (true) {
      Range range = awaitRange(seen);
      if (range == null) {
        return;
      }
      seen = range;
      runChunks(range);
    }
  }

  /** The next range after {@code seen}, or null once the pool is closed. */
  private Range awaitRange(Range seen) {
    long deadline = System.nanoTime() + SPIN_NANOS;
    while (current == seen && !closed && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    stateLock.lock();
    try {
      while (current == seen && !closed) {
        workReady.awaitUninterruptibly();
      }
      return closed ? null : current;
    } finally {
      stateLock.unlock();
    }
  }

  /** Stops the workers; later calls to {@link #parallelFor} fail. */
  @Override
  public void close() {
    if (this == SERIAL) {
      return;
    }
    stateLock.lock();
    try {
      closed = true;
      workReady.signalAll();
    } finally {
      stateLock.unlock();
    }
  }

  /** One call's range: fixed chunks taken in any order, counted when finished. */
  private static final class Range {
    RangeBody body;
    final int count;
    final int chunkSize;
    final int chunks;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger done = new AtomicInteger();
    RuntimeException failure;

    Range(RangeBody body, int count, int maxChunks) {
      this.body = body;
      this.count = count;
      this.chunkSize = (count + maxChunks - 1) / maxChunks;
      this.chunks = (count + chunkSize - 1) / chunkSize;
    }

    synchronized void fail(Throwable e) {
      if (failure == null) {
        failure = e instanceof RuntimeException ? (RuntimeException) e : new RuntimeException(e);
      }
    }
  }
}
