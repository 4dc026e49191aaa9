package ai.fovea.kernels.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ComputePoolTest {
  @Test
  void coversEveryItemExactlyOnce() {
    try (ComputePool pool = new ComputePool(3)) {
      for (int n : new int[] {1, 2, 7, 100, 10_007}) {
        int[] hits = new int[n];
        pool.parallelFor(n, (start, end) -> {
          for (int i = start; i < end; i++) {
            hits[i]++;
          }
        });
        for (int i = 0; i < n; i++) {
          assertEquals(1, hits[i], "item " + i + " of " + n);
        }
      }
    }
  }

  @Test
  void nestedCallsRunInlineWithoutDeadlock() {
    try (ComputePool pool = new ComputePool(2)) {
      AtomicLong sum = new AtomicLong();
      pool.parallelFor(8, (s, e) -> pool.parallelFor(10, (s2, e2) -> sum.addAndGet(e2 - s2)));
      assertEquals(80, sum.get());
    }
  }

  @Test
  void concurrentCallersAreSerialized() throws Exception {
    ComputePool pool = new ComputePool(2);
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      AtomicLong sum = new AtomicLong();
      Future<?>[] futures = new Future<?>[16];
      for (int i = 0; i < futures.length; i++) {
        futures[i] = callers.submit(() -> pool.parallelFor(1000, (s, e) -> sum.addAndGet(e - s)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      assertEquals(16_000, sum.get());
    } finally {
      callers.shutdownNow();
      pool.close();
    }
  }

  @Test
  void rethrowsTheBodysException() {
    try (ComputePool pool = new ComputePool(2)) {
      assertThrows(IllegalStateException.class, () -> pool.parallelFor(100, (s, e) -> {
        throw new IllegalStateException("boom");
      }));
      int[] after = new int[1];
      pool.parallelFor(1, (s, e) -> after[0] = 1);
      assertEquals(1, after[0]);
    }
  }
}
