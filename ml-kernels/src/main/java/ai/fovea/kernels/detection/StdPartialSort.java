package ai.fovea.kernels.detection;

/**
 * Index sorts by decreasing score that order ties exactly as TFLite's detection post-processing does on its
 * reference platform: {@link #partial} replays libstdc++'s {@code std::partial_sort} (heap select, then heap
 * sort, which is not stable), {@link #stable} is a stable merge sort like {@code std::stable_sort}. Quantized
 * scores tie often, so the tie order decides which boxes survive. No allocation: callers pass scratch.
 */
final class StdPartialSort {
  private StdPartialSort() {}

  /**
   * Puts into {@code idx[from, from + k)} the indices of the {@code k} largest of {@code values[base + idx[i]]}
   * over {@code idx[from, from + n)}, in decreasing order, leaving the rest in libstdc++'s unspecified order.
   */
  static void partial(int[] idx, int from, int n, int k, float[] values, int base) {
    // __heap_select: a heap (smallest score on top under the "greater" comparator) of the first k ...
    makeHeap(idx, from, k, values, base);
    for (int i = from + k; i < from + n; i++) {
      if (greater(values, base, idx[i], idx[from])) {
        // __pop_heap(first, middle, i): the element at i takes the top's place, the old top goes to i.
        int value = idx[i];
        idx[i] = idx[from];
        adjustHeap(idx, from, 0, k, value, values, base);
      }
    }
    // ... then __sort_heap over the first k.
    for (int last = k; last > 1; ) {
      last--;
      int value = idx[from + last];
      idx[from + last] = idx[from];
      adjustHeap(idx, from, 0, last, value, values, base);
    }
  }

  /** Stable sort of {@code idx[0, n)} by decreasing {@code values[idx[i]]}; {@code scratch} holds n ints. */
  static void stable(int[] idx, int n, float[] values, int[] scratch) {
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, n);
        System.arraycopy(idx, lo, scratch, lo, hi - lo);
        int a = lo;
        int b = mid;
        int out = lo;
        while (a < mid && b < hi) {
          // Take from the right run only when strictly greater: equal scores keep their order.
          idx[out++] = values[scratch[b]] > values[scratch[a]] ? scratch[b++] : scratch[a++];
        }
        while (a < mid) {
          idx[out++] = scratch[a++];
        }
        while (b < hi) {
          idx[out++] = scratch[b++];
        }
      }
    }
  }

  /** The comparator TFLite passes: {@code values[i] > values[j]}. */
  private static boolean greater(float[] values, int base, int i, int j) {
    return values[base + i] > values[base + j];
  }

  private static void makeHeap(int[] idx, int from, int len, float[] values, int base) {
    if (len < 2) {
      return;
    }
    for (int parent = (len - 2) / 2; ; parent--) {
      adjustHeap(idx, from, parent, len, idx[from + parent], values, base);
      if (parent == 0) {
        return;
      }
    }
  }

  /** libstdc++'s {@code __adjust_heap} on the heap at {@code idx[from, from + len)}. */
  private static void adjustHeap(int[] idx, int from, int hole, int len, int value, float[] values, int base) {
    int top = hole;
    int child = hole;
    while (child < (len - 1) / 2) {
      child = 2 * (child + 1);
      if (greater(values, base, idx[from + child], idx[from + child - 1])) {
        child--;
      }
      idx[from + hole] = idx[from + child];
      hole = child;
    }
    if ((len & 1) == 0 && child == (len - 2) / 2) {
      child = 2 * (child + 1);
      idx[from + hole] = idx[from + child - 1];
      hole = child - 1;
    }
    int parent = (hole - 1) / 2;
    while (hole > top && greater(values, base, idx[from + parent], value)) {
      idx[from + hole] = idx[from + parent];
      hole = parent;
      parent = (hole - 1) / 2;
    }
    idx[from + hole] = value;
  }
}
