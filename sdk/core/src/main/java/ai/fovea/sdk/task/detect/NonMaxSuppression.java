package ai.fovea.sdk.task.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Non-maximum suppression over {@link DetectionCandidates}: hard, soft (linear and Gaussian) and MediaPipe's
 * weighted blending, class-aware or class-agnostic, with a score threshold and a cap on detections (see
 * {@link NmsMethod} and {@link NmsOptions}). Candidates are visited by decreasing score, ties by row order; the
 * output rows come out in that order, each with its final score (decayed for soft-NMS).
 *
 * <p>{@link #prepare} sizes the scratch once; {@link #run} then works in flat arrays without allocating.
 * {@link #reference} is the plain form on {@link Detection} lists, kept as the oracle of {@link #run}: both use
 * the same IoU and decay expressions in the same order, so they agree to the bit. One thread at a time.
 *
 * <p>Weighted NMS differs from MediaPipe's in two corner cases, on purpose: a candidate always absorbs itself
 * (MediaPipe stops the whole pass when the best box does not overlap itself, e.g. an empty box), and
 * {@link NmsOptions#maxDetections()} applies (MediaPipe's weighted form ignores its limit). The blend weights are
 * the scores, so weighted NMS wants non-negative scores; a group whose scores sum to 0 or whose blend overflows
 * keeps the best box as is.
 */
public final class NonMaxSuppression {
  private final NmsOptions options;
  private int capacity = -1;
  private int keypointCount;
  private long[] order;
  private int[] live;
  private float[] work;
  private boolean[] consumed;
  private float[] keptAreas;
  private float[] keypointSums;

  public NonMaxSuppression(NmsOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("NMS options are null");
    }
    this.options = options;
  }

  public NmsOptions options() {
    return options;
  }

  /** Sizes the scratch for inputs of up to {@code capacity} candidates with {@code keypointCount} keypoints. */
  public void prepare(int capacity, int keypointCount) {
    if (capacity < 0 || keypointCount < 0) {
      throw new IllegalArgumentException("capacity and keypoint count must not be negative, got " + capacity + ", " + keypointCount);
    }
    this.capacity = capacity;
    this.keypointCount = keypointCount;
    order = new long[capacity];
    live = new int[capacity];
    work = new float[capacity];
    consumed = new boolean[capacity];
    keptAreas = new float[Math.min(capacity, options.maxDetections())];
    keypointSums = new float[2 * keypointCount];
  }

  /**
   * Suppresses {@code in} into {@code out} (cleared first). {@code in} must fit what was prepared; {@code out}
   * needs the same keypoint count and room for min(max detections, {@code in.count()}) rows.
   */
  public void run(DetectionCandidates in, DetectionCandidates out) {
    if (capacity < 0) {
      throw new IllegalStateException("NonMaxSuppression.run before prepare");
    }
    if (in == null || out == null || in == out) {
      throw new IllegalArgumentException("NMS needs distinct input and output candidate tables");
    }
    if (in.count() > capacity || in.keypointCount() != keypointCount || out.keypointCount() != keypointCount) {
      throw new IllegalArgumentException("NMS prepared for " + capacity + " candidates with " + keypointCount + " keypoints, got "
          + in.count() + " with " + in.keypointCount() + " into a table with " + out.keypointCount());
    }
    if (out.capacity() < Math.min(options.maxDetections(), in.count())) {
      throw new IllegalArgumentException("NMS output table holds " + out.capacity() + " rows, needs "
          + Math.min(options.maxDetections(), in.count()));
    }
    out.clear();
    int n = sortByScore(in);
    switch (options.method()) {
      case NONE:
        for (int r = 0; r < n && out.count < options.maxDetections(); r++) {
          int i = ScoreOrder.index(order[r]);
          out.copyRow(in, i, in.scores[i]);
        }
        break;
      case HARD:
        runHard(in, n, out);
        break;
      case WEIGHTED:
        runWeighted(in, n, out);
        break;
      default:
        runSoft(in, n, out);
    }
  }

  /** Fills order[0, n) with the rows scoring at least the threshold, best first, ties by row; returns n. */
  private int sortByScore(DetectionCandidates in) {
    float threshold = options.scoreThreshold();
    int n = 0;
    for (int i = 0; i < in.count; i++) {
      float s = in.scores[i];
      if (s >= threshold) {
        order[n++] = ScoreOrder.key(s, i);
      }
    }
    Arrays.sort(order, 0, n);
    return n;
  }

  private void runHard(DetectionCandidates in, int n, DetectionCandidates out) {
    float[] b = in.boxes;
    float[] kept = out.boxes;
    int max = options.maxDetections();
    for (int r = 0; r < n && out.count < max; r++) {
      int i = ScoreOrder.index(order[r]);
      float l = b[4 * i];
      float t = b[4 * i + 1];
      float rt = b[4 * i + 2];
      float bt = b[4 * i + 3];
      float area = Box.area(l, t, rt, bt);
      boolean suppressed = false;
      for (int k = 0; k < out.count && !suppressed; k++) {
        if (interacts(out.classes[k], in.classes[i])) {
          float iou = Box.iou(kept[4 * k], kept[4 * k + 1], kept[4 * k + 2], kept[4 * k + 3], keptAreas[k], l, t, rt, bt, area);
          suppressed = iou > options.iouThreshold();
        }
      }
      if (!suppressed) {
        keptAreas[out.count] = area;
        out.copyRow(in, i, in.scores[i]);
      }
    }
  }

  private void runSoft(DetectionCandidates in, int n, DetectionCandidates out) {
    float[] b = in.boxes;
    float threshold = options.scoreThreshold();
    for (int r = 0; r < n; r++) {
      int i = ScoreOrder.index(order[r]);
      live[r] = i;
      work[i] = in.scores[i];
    }
    int liveCount = n;
    int max = options.maxDetections();
    while (liveCount > 0 && out.count < max) {
      int best = 0;
      for (int p = 1; p < liveCount; p++) {
        if (work[live[p]] > work[live[best]]) {
          best = p;
        }
      }
      int i = live[best];
      out.copyRow(in, i, work[i]);
      // Decay the rest in place, keeping their order (it breaks later ties) and dropping those now too low.
      int kept = 0;
      for (int p = 0; p < liveCount; p++) {
        int j = live[p];
        if (p == best) {
          continue;
        }
        if (interacts(in.classes[i], in.classes[j])) {
          float iou = Box.iou(b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3], b[4 * j], b[4 * j + 1], b[4 * j + 2], b[4 * j + 3]);
          work[j] *= decay(iou);
        }
        if (work[j] >= threshold) {
          live[kept++] = j;
        }
      }
      liveCount = kept;
    }
  }

  private void runWeighted(DetectionCandidates in, int n, DetectionCandidates out) {
    float[] b = in.boxes;
    float[] kp = in.keypoints;
    int kpValues = 2 * keypointCount;
    for (int r = 0; r < n; r++) {
      consumed[ScoreOrder.index(order[r])] = false;
    }
    int max = options.maxDetections();
    for (int r = 0; r < n && out.count < max; r++) {
      int i = ScoreOrder.index(order[r]);
      if (consumed[i]) {
        continue;
      }
      float l = b[4 * i];
      float t = b[4 * i + 1];
      float rt = b[4 * i + 2];
      float bt = b[4 * i + 3];
      float total = 0;
      float sl = 0;
      float st = 0;
      float sr = 0;
      float sb = 0;
      Arrays.fill(keypointSums, 0);
      for (int r2 = r; r2 < n; r2++) {
        int j = ScoreOrder.index(order[r2]);
        if (consumed[j]) {
          continue;
        }
        if (j != i) {
          if (!interacts(in.classes[i], in.classes[j])) {
            continue;
          }
          float iou = Box.iou(b[4 * j], b[4 * j + 1], b[4 * j + 2], b[4 * j + 3], l, t, rt, bt);
          if (!(iou > options.iouThreshold())) {
            continue;
          }
        }
        consumed[j] = true;
        float s = in.scores[j];
        total += s;
        sl += b[4 * j] * s;
        st += b[4 * j + 1] * s;
        sr += b[4 * j + 2] * s;
        sb += b[4 * j + 3] * s;
        for (int v = 0; v < kpValues; v++) {
          keypointSums[v] += kp[kpValues * j + v] * s;
        }
      }
      boolean finite = total > 0 && Float.isFinite(sl / total) && Float.isFinite(st / total) && Float.isFinite(sr / total) && Float.isFinite(sb / total);
      for (int v = 0; v < kpValues; v++) {
        keypointSums[v] /= total;
        finite &= Float.isFinite(keypointSums[v]);
      }
      if (!finite) {
        out.copyRow(in, i, in.scores[i]);
        continue;
      }
      int row = out.add(sl / total, st / total, sr / total, sb / total, in.scores[i], in.classes[i]);
      System.arraycopy(keypointSums, 0, out.keypoints, kpValues * row, kpValues);
    }
  }

  private boolean interacts(int classA, int classB) {
    return !options.classAware() || classA == classB;
  }

  /** The soft-NMS score factor for overlap {@code iou}. */
  private float decay(float iou) {
    if (options.method() == NmsMethod.SOFT_GAUSSIAN) {
      return (float) Math.exp(-(iou * iou) / options.sigma());
    }
    return iou > options.iouThreshold() ? 1 - iou : 1;
  }

  /**
   * The plain form: the textbook loops over a {@link Detection} list, same rules and arithmetic as
   * {@link #run}. Returns the survivors best first.
   */
  public static List<Detection> reference(NmsOptions options, List<Detection> input) {
    NonMaxSuppression rules = new NonMaxSuppression(options);
    List<Detection> sorted = new ArrayList<>();
    for (Detection d : input) {
      if (d.score() >= options.scoreThreshold()) {
        sorted.add(d);
      }
    }
    // A stable sort: equal scores keep their input order.
    sorted.sort((a, b) -> Float.compare(b.score(), a.score()));
    int n = sorted.size();
    List<Detection> out = new ArrayList<>();
    switch (options.method()) {
      case NONE:
        out.addAll(sorted.subList(0, Math.min(n, options.maxDetections())));
        break;
      case HARD: {
        boolean[] suppressed = new boolean[n];
        for (int i = 0; i < n && out.size() < options.maxDetections(); i++) {
          if (suppressed[i]) {
            continue;
          }
          Detection d = sorted.get(i);
          out.add(d);
          for (int j = i + 1; j < n; j++) {
            Detection e = sorted.get(j);
            if (rules.interacts(d.classId(), e.classId()) && d.box().iou(e.box()) > options.iouThreshold()) {
              suppressed[j] = true;
            }
          }
        }
        break;
      }
      case WEIGHTED: {
        boolean[] absorbed = new boolean[n];
        for (int i = 0; i < n && out.size() < options.maxDetections(); i++) {
          if (absorbed[i]) {
            continue;
          }
          Detection d = sorted.get(i);
          int kpValues = 2 * d.keypointCount();
          float total = 0;
          float[] sums = new float[4];
          float[] kp = new float[kpValues];
          for (int j = i; j < n; j++) {
            Detection e = sorted.get(j);
            if (absorbed[j] || (j != i && !(rules.interacts(d.classId(), e.classId()) && e.box().iou(d.box()) > options.iouThreshold()))) {
              continue;
            }
            absorbed[j] = true;
            float s = e.score();
            total += s;
            sums[0] += e.box().left() * s;
            sums[1] += e.box().top() * s;
            sums[2] += e.box().right() * s;
            sums[3] += e.box().bottom() * s;
            for (int v = 0; v < kpValues; v++) {
              kp[v] += (v % 2 == 0 ? e.keypointX(v / 2) : e.keypointY(v / 2)) * s;
            }
          }
          boolean finite = total > 0;
          for (int e = 0; e < 4; e++) {
            sums[e] /= total;
            finite &= Float.isFinite(sums[e]);
          }
          for (int v = 0; v < kpValues; v++) {
            kp[v] /= total;
            finite &= Float.isFinite(kp[v]);
          }
          out.add(finite ? Detection.of(Box.of(sums[0], sums[1], sums[2], sums[3]), d.classId(), d.score(), kp) : d);
        }
        break;
      }
      default: {
        List<Detection> rest = new ArrayList<>(sorted);
        float[] scores = new float[n];
        for (int i = 0; i < n; i++) {
          scores[i] = sorted.get(i).score();
        }
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          ids.add(i);
        }
        while (!ids.isEmpty() && out.size() < options.maxDetections()) {
          int best = 0;
          for (int p = 1; p < ids.size(); p++) {
            if (scores[ids.get(p)] > scores[ids.get(best)]) {
              best = p;
            }
          }
          int i = ids.remove(best);
          Detection d = rest.get(i);
          out.add(Detection.of(d.box(), d.classId(), scores[i], d.keypoints()));
          List<Integer> survivors = new ArrayList<>();
          for (int j : ids) {
            Detection e = rest.get(j);
            if (rules.interacts(d.classId(), e.classId())) {
              scores[j] *= rules.decay(d.box().iou(e.box()));
            }
            if (scores[j] >= options.scoreThreshold()) {
              survivors.add(j);
            }
          }
          ids = survivors;
        }
      }
    }
    return out;
  }
}
