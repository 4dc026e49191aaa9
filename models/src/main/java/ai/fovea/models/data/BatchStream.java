package ai.fovea.models.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The batches of one epoch, prepared by one background thread at most {@code prefetch} batches ahead (a bounded
 * queue, so memory stays at a few batches however slow the consumer is). A failure on that thread reaches the
 * consumer as a {@link BatchLoadingException} from {@link #next()}, after the batches prepared before it.
 * {@link #close()} stops the thread and waits for it; closing early (or twice) is fine. Not for use by several
 * consumer threads.
 */
public final class BatchStream implements Iterator<Batch>, AutoCloseable {
  private final BlockingQueue<Object> queue;
  private final Thread worker;
  private final int epoch;
  private final int total;
  private int delivered;
  private volatile boolean closed;
  private boolean failed;

  /** What the background thread hands over in place of batch {@code index} when preparing it threw. */
  private static final class Failure {
    final int index;
    final Throwable cause;

    Failure(int index, Throwable cause) {
      this.index = index;
      this.cause = cause;
    }
  }

  BatchStream(BatchLoader loader, int epoch, int prefetch) {
    this.queue = new ArrayBlockingQueue<>(prefetch);
    this.epoch = epoch;
    this.total = loader.batchesPerEpoch();
    this.worker = new Thread(() -> produce(loader), "fovea-batches-epoch-" + epoch);
    worker.setDaemon(true); // a consumer that forgets close() must not keep the JVM alive
    worker.start();
  }

  private void produce(BatchLoader loader) {
    int index = 0;
    try {
      int[] order = loader.order(epoch);
      for (; index < total && !closed; index++) {
        queue.put(loader.prepare(epoch, order, index));
      }
    } catch (InterruptedException e) {
      // close() interrupts a worker waiting for room: nothing more to do.
    } catch (Throwable t) { // errors too: the consumer must hear of them rather than wait forever
      try {
        queue.put(new Failure(index, t));
      } catch (InterruptedException closedMeanwhile) {
        // The consumer closed the stream; nobody is waiting for the failure.
      }
    }
  }

  /** Batches in this epoch. */
  public int size() {
    return total;
  }

  @Override
  public boolean hasNext() {
    return !closed && !failed && delivered < total;
  }

  /**
   * The next batch, waiting for the background thread if it is not ready.
   *
   * @throws BatchLoadingException when preparing this batch failed (the stream is then closed)
   * @throws NoSuchElementException after the last batch, after a failure, or once closed
   */
  @Override
  public Batch next() {
    if (!hasNext()) {
      throw new NoSuchElementException(closed ? "batch stream of epoch " + epoch + " is closed"
          : "epoch " + epoch + " has no more batches (" + delivered + " of " + total + " delivered)");
    }
    Object item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BatchLoadingException("interrupted while waiting for batch " + delivered + " of epoch " + epoch, e);
    }
    if (item instanceof Failure) {
      Failure failure = (Failure) item;
      failed = true;
      close();
      throw new BatchLoadingException("preparing batch " + failure.index + " of epoch " + epoch + " failed: "
          + failure.cause, failure.cause);
    }
    delivered++;
    return (Batch) item;
  }

  /** Stops the background thread and waits until it has ended. */
  @Override
  public void close() {
    closed = true;
    worker.interrupt();
    boolean interrupted = false;
    while (worker.isAlive()) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        interrupted = true; // finish waiting so no thread outlives close(); keep the caller's interrupt
      }
    }
    queue.clear();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
