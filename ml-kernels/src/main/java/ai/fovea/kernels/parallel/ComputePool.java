package ai.fovea.kernels.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one thread pool every kernel shares. {@link #parallelFor} splits a range of independent work items over
 * the caller plus {@code threads - 1} daemon workers and returns when all are done. One range runs at a time
 * (concurrent callers queue); a nested call from inside a running range runs inline, so kernels may call each
 * other freely. Steady-state calls allocate nothing.
 */
public final class ComputePool implements AutoCloseable {
  /** A body over the half-open item range [start, end). */
  public interface RangeBody {
    void run(int start, int end);
  }

  private static final ComputePool SERIAL = new ComputePool(1);

  private final int threads;
  private final Thread[] workers;
  private final ReentrantLock submitLock = new ReentrantLock();
  private final ReentrantLock stateLock = new ReentrantLock();
  private final Condition workReady = stateLock.newCondition();
  private final Condition workDone = stateLock.newCondition();
  private final AtomicInteger nextChunk = new AtomicInteger();
  private final ThreadLocal<Boolean> insideRange = ThreadLocal.withInitial(() -> Boolean.FALSE);

  // Current job, guarded by stateLock; generation tells workers a new job arrived.
  private RangeBody body;
  private int count;
  private int chunkSize;
  private int chunks;
  private long generation;
  private int running;
  private boolean closed;
  private RuntimeException failure;

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
      stateLock.lock();
      try {
        if (closed) {
          throw new IllegalStateException("compute pool is closed");
        }
        this.body = body;
        this.count = count;
        this.chunkSize = (count + maxChunks - 1) / maxChunks;
        this.chunks = (count + chunkSize - 1) / chunkSize;
        this.failure = null;
        nextChunk.set(0);
        running = workers.length;
        generation++;
        workReady.signalAll();
      } finally {
        stateLock.unlock();
      }
      runChunks();
      stateLock.lock();
      try {
        while (running > 0) {
          workDone.awaitUninterruptibly();
        }
        this.body = null;
        if (failure != null) {
          throw failure;
        }
      } finally {
        stateLock.unlock();
      }
    } finally {
      submitLock.unlock();
    }
  }

  /** {@link #parallelFor(int, int, RangeBody)} with chunks of at least one item. */
  public void parallelFor(int count, RangeBody body) {
    parallelFor(count, 1, body);
  }

  private void runChunks() {
    insideRange.set(Boolean.TRUE);
    try {
      for (int c = nextChunk.getAndIncrement(); c < chunks; c = nextChunk.getAndIncrement()) {
        int start = c * chunkSize;
        body.run(start, Math.min(count, start + chunkSize));
      }
    } catch (RuntimeException | Error e) {
      nextChunk.set(chunks); // stop the others early
      stateLock.lock();
      try {
        if (failure == null) {
          failure = e instanceof RuntimeException ? (RuntimeException) e : new RuntimeException(e);
        }
      } finally {
        stateLock.unlock();
      }
    } finally {
      insideRange.set(Boolean.FALSE);
    }
  }

  private void workerLoop() {
    long seen = 0;
    while (true) {
      stateLock.lock();
      try {
        while (generation == seen && !closed) {
          workReady.awaitUninterruptibly();
        }
        if (closed) {
          return;
        }
        seen = generation;
      } finally {
        stateLock.unlock();
      }
      runChunks();
      stateLock.lock();
      try {
        if (--running == 0) {
          workDone.signalAll();
        }
      } finally {
        stateLock.unlock();
      }
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
}
