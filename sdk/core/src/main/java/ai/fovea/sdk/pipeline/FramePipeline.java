package ai.fovea.sdk.pipeline;

import ai.fovea.sdk.frame.Frame;

/**
 * Runs a {@link FrameProcessor} on camera frames on one worker thread, with back-pressure: when frames arrive faster
 * than they are processed, only the latest waiting frame is kept and the older waiting one is dropped, so results
 * follow the camera with at most one frame of delay instead of an ever-growing queue. Every submitted frame's
 * {@code release} callback runs exactly once, when the pipeline no longer needs its pixels (after its result, when it
 * is dropped, or at close), so camera images and pooled buffers ({@link FrameBufferPool}) are recycled and the steady
 * state allocates no frame buffers. Thread-safe: any thread may submit.
 *
 * @param <R> the result type
 */
public final class FramePipeline<R> implements AutoCloseable {
  private final FrameProcessor<R> processor;
  private final ResultListener<R> listener;
  private final Thread worker;
  private final Object lock = new Object();
  private Frame pending;
  private Runnable pendingRelease;
  private boolean busy;
  private boolean closed;
  private long submitted;
  private long dropped;
  private long processed;

  private FramePipeline(FrameProcessor<R> processor, ResultListener<R> listener, String name) {
    this.processor = processor;
    this.listener = listener;
    this.worker = new Thread(this::work, name);
    worker.setDaemon(true);
  }

  /** Starts a pipeline with its worker thread, named {@code name}. */
  public static <R> FramePipeline<R> start(String name, FrameProcessor<R> processor, ResultListener<R> listener) {
    if (processor == null || listener == null || name == null) {
      throw new IllegalArgumentException("name, processor and listener are required, got " + name + ", " + processor
          + ", " + listener);
    }
    FramePipeline<R> pipeline = new FramePipeline<>(processor, listener, name);
    pipeline.worker.start();
    return pipeline;
  }

  /**
   * Hands a frame to the worker. If another frame is still waiting, that one is dropped (its release runs now) and
   * this one takes its place; returns false in that case. {@code release} (may be a no-op) runs once when the
   * frame's pixels are no longer needed. Throws {@link IllegalStateException} after {@link #close}, without
   * running {@code release}: the caller still owns the frame.
   */
  public boolean submit(Frame frame, Runnable release) {
    if (frame == null || release == null) {
      throw new IllegalArgumentException("frame and release are required, got " + frame + " and " + release);
    }
    Runnable replaced;
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("frame pipeline is closed");
      }
      submitted++;
      replaced = pendingRelease;
      if (replaced != null) {
        dropped++;
      }
      pending = frame;
      pendingRelease = release;
      lock.notifyAll();
    }
    if (replaced != null) {
      replaced.run();
      return false;
    }
    return true;
  }

  /** Blocks until no frame is waiting or being processed (or the pipeline is closed). */
  public void awaitIdle() throws InterruptedException {
    synchronized (lock) {
      while (!closed && (pending != null || busy)) {
        lock.wait();
      }
    }
  }

  /** Frames handed to {@link #submit}. */
  public long submittedCount() {
    synchronized (lock) {
      return submitted;
    }
  }

  /** Frames dropped because a newer one arrived while they waited. */
  public long droppedCount() {
    synchronized (lock) {
      return dropped;
    }
  }

  /** Frames processed (a result or an error delivered). */
  public long processedCount() {
    synchronized (lock) {
      return processed;
    }
  }

  private void work() {
    while (true) {
      Frame frame;
      Runnable release;
      synchronized (lock) {
        while (pending == null && !closed) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            closed = true;
          }
        }
        if (pending == null) {
          return;
        }
        frame = pending;
        release = pendingRelease;
        pending = null;
        pendingRelease = null;
        busy = true;
      }
      try {
        R result;
        try {
          result = processor.process(frame);
        } catch (RuntimeException e) {
          listener.onError(frame, e);
          continue;
        }
        listener.onResult(frame, result);
      } finally {
        release.run();
        synchronized (lock) {
          processed++;
          busy = false;
          lock.notifyAll();
        }
      }
    }
  }

  /**
   * Stops taking frames, releases a waiting frame unprocessed, lets the frame in progress finish (its result is
   * delivered) and waits for the worker to end, unless called from the worker itself (from a listener). Idempotent.
   */
  @Override
  public void close() {
    Runnable release;
    synchronized (lock) {
      if (closed && pending == null && !worker.isAlive()) {
        return;
      }
      closed = true;
      release = pendingRelease;
      pending = null;
      pendingRelease = null;
      lock.notifyAll();
    }
    if (release != null) {
      release.run();
    }
    if (Thread.currentThread() != worker) {
      boolean interrupted = false;
      while (worker.isAlive()) {
        try {
          worker.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
