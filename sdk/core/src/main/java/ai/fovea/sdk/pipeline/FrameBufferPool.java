package ai.fovea.sdk.pipeline;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A fixed set of equally sized byte buffers for sources that copy pixels (an NV21 camera callback, a decoded file
 * sequence): {@link #acquire} one, fill it, wrap it in a frame, {@link FramePipeline#submit} it with
 * {@code () -> pool.release(buffer)}. With three buffers (one filling, one waiting, one processing) a pipeline
 * never runs short, and no buffer is allocated after the pool is made; when all are out, {@code acquire} returns
 * null and the source skips that frame, which is back-pressure too. Thread-safe.
 */
public final class FrameBufferPool {
  private final int bufferBytes;
  private final ArrayDeque<byte[]> free = new ArrayDeque<>();
  private final Set<byte[]> owned = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<byte[]> out = Collections.newSetFromMap(new IdentityHashMap<>());

  public FrameBufferPool(int buffers, int bufferBytes) {
    if (buffers < 1 || bufferBytes < 1) {
      throw new IllegalArgumentException("need at least one buffer of at least one byte, got " + buffers + " of "
          + bufferBytes);
    }
    this.bufferBytes = bufferBytes;
    for (int i = 0; i < buffers; i++) {
      byte[] b = new byte[bufferBytes];
      free.add(b);
      owned.add(b);
    }
  }

  public int bufferBytes() {
    return bufferBytes;
  }

  /** A free buffer (contents are whatever it held last), or null when every buffer is in use. */
  public synchronized byte[] acquire() {
    byte[] b = free.poll();
    if (b != null) {
      out.add(b);
    }
    return b;
  }

  /** Gives a buffer back. Throws {@link IllegalArgumentException} for a buffer not acquired from this pool. */
  public synchronized void release(byte[] buffer) {
    if (buffer == null || !owned.contains(buffer) || !out.remove(buffer)) {
      throw new IllegalArgumentException("buffer was not acquired from this pool, or was released twice");
    }
    free.add(buffer);
  }

  /** Buffers free now. */
  public synchronized int available() {
    return free.size();
  }
}
