package ai.fovea.sdk.task.detect;

import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes CenterNet-style heatmaps: heatmap {@code [1, H, W, C]} (one channel per class), centre offsets and box
 * sizes {@code [1, H, W, 2]} each. A cell is a peak of its class when no neighbour in its 3 × 3 window is higher
 * (CenterNet's {@code max_pool(heat) == heat}; plateaus keep every equal cell); peaks scoring at least the minimum
 * are ranked by score (ties by cell, then class) and the best {@link CenterNetDecoderOptions#maxPeaks()} become
 * boxes centred at {@code ((x + dx) / W, (y + dy) / H)}, sized {@code (w / W, h / H)} (or {@code (w, h)} when sizes are
 * normalized). Peaks are found on the heatmap values as output; the sigmoid, being monotonic, does not move
 * them. Boxes with a negative or non-finite size are dropped after ranking.
 *
 * <p>{@link #decode} scans only cells that reach the score (their raw-value floor is found once at prepare
 * time), compares them with their neighbours and keeps the top k in a bounded heap, without allocating;
 * {@link #reference} is the plain form (full 3 × 3 max pool, sort, take k), kept as its oracle.
 */
public final class CenterNetDecoder implements DetectionDecoder {
  private final CenterNetDecoderOptions options;
  private final DetectionOutput heatmap;
  private final DetectionOutput offsets;
  private final DetectionOutput sizes;
  private int height;
  private int width;
  private int classes;
  private float rawFloor;
  private long[] heap;
  private int capacity = -1;

  public CenterNetDecoder(CenterNetDecoderOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("CenterNet options are null");
    }
    this.options = options;
    this.heatmap = new DetectionOutput("CenterNet heatmap", options.heatmapOutput());
    this.offsets = new DetectionOutput("CenterNet offsets", options.offsetsOutput());
    this.sizes = new DetectionOutput("CenterNet sizes", options.sizesOutput());
  }

  public CenterNetDecoderOptions options() {
    return options;
  }

  @Override
  public void prepare(Tensor[] outputs) {
    Shape h = heatmap.prepare(outputs);
    if (h.rank() != 4 || h.dim(0) != 1) {
      throw new DetectionOutputException("CenterNet heatmap must be [1, H, W, classes], got " + h);
    }
    Shape expected = Shape.of(1, h.dim(1), h.dim(2), 2);
    Shape o = offsets.prepare(outputs);
    Shape s = sizes.prepare(outputs);
    if (!o.equals(expected) || !s.equals(expected)) {
      throw new DetectionOutputException("CenterNet offsets and sizes must be " + expected + " to match the heatmap " + h + ", got "
          + o + " and " + s);
    }
    height = h.dim(1);
    width = h.dim(2);
    classes = h.dim(3);
    rawFloor = rawFloor(options);
    long peaks = Math.min(options.maxPeaks(), (long) height * width * classes);
    if (peaks > MAX_CANDIDATES) {
      throw new DetectionOutputException("CenterNet keeps up to " + peaks + " peaks per frame, more than " + MAX_CANDIDATES
          + ": lower max peaks");
    }
    capacity = (int) peaks;
    heap = new long[capacity];
  }

  @Override
  public int capacity() {
    if (capacity < 0) {
      throw new IllegalStateException("CenterNetDecoder used before prepare");
    }
    return capacity;
  }

  @Override
  public int keypointCount() {
    return 0;
  }

  @Override
  public void decode(Tensor[] outputs, DetectionCandidates out) {
    if (out == null || out.capacity() < capacity() || out.keypointCount() != 0) {
      throw new IllegalArgumentException("candidate table must hold " + capacity + " rows without keypoints");
    }
    float[] heat = heatmap.read(outputs);
    float[] off = offsets.read(outputs);
    float[] size = sizes.read(outputs);
    int n = 0;
    int rowStride = width * classes;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int cell = (y * width + x) * classes;
        for (int c = 0; c < classes; c++) {
          float v = heat[cell + c];
          if (!(v >= rawFloor) || !isPeak(heat, v, y, x, cell + c, rowStride)) {
            continue;
          }
          long key = ScoreOrder.key(convert(options, v), cell + c);
          if (n < capacity) {
            heap[n] = key;
            siftUp(n++);
          } else if (key < heap[0]) {
            heap[0] = key;
            siftDown(n);
          }
        }
      }
    }
    Arrays.sort(heap, 0, n);
    out.clear();
    for (int i = 0; i < n; i++) {
      int index = ScoreOrder.index(heap[i]);
      emit(options, index / classes, width, height, heat[index], index % classes, off, size, out);
    }
  }

  /** True when no 3 × 3 neighbour of (y, x) in the same class is above {@code v}; NaN neighbours deny it. */
  private boolean isPeak(float[] heat, float v, int y, int x, int at, int rowStride) {
    for (int dy = -1; dy <= 1; dy++) {
      int yy = y + dy;
      if (yy < 0 || yy >= height) {
        continue;
      }
      for (int dx = -1; dx <= 1; dx++) {
        int xx = x + dx;
        if (xx < 0 || xx >= width || (dx == 0 && dy == 0)) {
          continue;
        }
        if (!(v >= heat[at + dy * rowStride + dx * classes])) {
          return false;
        }
      }
    }
    return true;
  }

  // A max-heap on keys (the worst kept peak at the root): smaller key = better peak.
  private void siftUp(int i) {
    long k = heap[i];
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (heap[parent] >= k) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = k;
  }

  private void siftDown(int n) {
    long k = heap[0];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= n) {
        break;
      }
      if (child + 1 < n && heap[child + 1] > heap[child]) {
        child++;
      }
      if (heap[child] <= k) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = k;
  }

  private static float convert(CenterNetDecoderOptions options, float v) {
    return options.scoreConversion() == ScoreConversion.SIGMOID ? Sigmoid.of(v) : v;
  }

  /** The smallest raw value whose score reaches the minimum (NaN when none can), so the scan converts only those. */
  static float rawFloor(CenterNetDecoderOptions options) {
    return options.scoreConversion() == ScoreConversion.NONE ? options.minScore() : Sigmoid.floor(options.minScore());
  }

  /** Adds the box of heatmap cell {@code cell} (y * W + x) and class {@code c}, unless its size is invalid. */
  private static void emit(CenterNetDecoderOptions options, int cell, int width, int height, float raw, int c, float[] off, float[] size,
      DetectionCandidates out) {
    int x = cell % width;
    int y = cell / width;
    boolean xy = options.encoding() == BoxEncoding.XYWH;
    float dx = off[2 * cell + (xy ? 0 : 1)];
    float dy = off[2 * cell + (xy ? 1 : 0)];
    float w = size[2 * cell + (xy ? 0 : 1)];
    float h = size[2 * cell + (xy ? 1 : 0)];
    if (!options.normalizedSizes()) {
      w /= width;
      h /= height;
    }
    float cx = (x + dx) / width;
    float cy = (y + dy) / height;
    float left = cx - w / 2;
    float top = cy - h / 2;
    float right = cx + w / 2;
    float bottom = cy + h / 2;
    if (!(w >= 0 && h >= 0) || !Float.isFinite(left) || !Float.isFinite(top) || !Float.isFinite(right) || !Float.isFinite(bottom)) {
      return;
    }
    out.add(left, top, right, bottom, convert(options, raw), c);
  }

  /**
   * The plain form: max-pools the whole heatmap, keeps every cell equal to its pooled value that reaches the
   * minimum score, sorts them (score descending, heatmap index ascending), keeps the first k and decodes them.
   */
  public static List<Detection> reference(CenterNetDecoderOptions options, Tensor[] outputs) {
    CenterNetDecoder shapes = new CenterNetDecoder(options);
    shapes.prepare(outputs);
    float[] heat = shapes.heatmap.read(outputs).clone();
    float[] off = shapes.offsets.read(outputs).clone();
    float[] size = shapes.sizes.read(outputs).clone();
    int h = shapes.height;
    int w = shapes.width;
    int k = shapes.classes;
    float[] pooled = new float[heat.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < k; c++) {
          float m = Float.NEGATIVE_INFINITY;
          for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
            for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
              m = Math.max(m, heat[(yy * w + xx) * k + c]);
            }
          }
          pooled[(y * w + x) * k + c] = m;
        }
      }
    }
    List<Integer> peaks = new ArrayList<>();
    for (int i = 0; i < heat.length; i++) {
      if (pooled[i] == heat[i] && convert(options, heat[i]) >= options.minScore()) {
        peaks.add(i);
      }
    }
    peaks.sort((a, b) -> Float.compare(convert(options, heat[b]), convert(options, heat[a])));
    DetectionCandidates out = new DetectionCandidates(peaks.size(), 0);
    for (int i = 0; i < Math.min(peaks.size(), options.maxPeaks()); i++) {
      int index = peaks.get(i);
      emit(options, index / k, w, h, heat[index], index % k, off, size, out);
    }
    return out.toDetections();
  }
}
