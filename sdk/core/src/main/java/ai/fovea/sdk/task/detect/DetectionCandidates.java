package ai.fovea.sdk.task.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * A reusable, fixed-capacity table of detection candidates in flat primitive arrays: what a decoder writes each
 * frame and what {@link NonMaxSuppression} reads and writes, so the per-frame path allocates nothing until the
 * few survivors become {@link Detection}s. Row {@code i} holds a box (left, top, right, bottom), a score, a class
 * id and {@link #keypointCount()} keypoints. One thread at a time.
 */
public final class DetectionCandidates {
  private final int capacity;
  private final int keypointCount;
  final float[] boxes;
  final float[] scores;
  final int[] classes;
  final float[] keypoints;
  int count;

  /** Room for {@code capacity} candidates with {@code keypointCount} keypoints each. */
  public DetectionCandidates(int capacity, int keypointCount) {
    if (capacity < 0 || keypointCount < 0) {
      throw new IllegalArgumentException("capacity and keypoint count must not be negative, got " + capacity + ", " + keypointCount);
    }
    if ((long) capacity * Math.max(4, 2 * keypointCount) > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("capacity " + capacity + " with " + keypointCount + " keypoints is too large");
    }
    this.capacity = capacity;
    this.keypointCount = keypointCount;
    this.boxes = new float[4 * capacity];
    this.scores = new float[capacity];
    this.classes = new int[capacity];
    this.keypoints = new float[2 * keypointCount * capacity];
  }

  public int capacity() {
    return capacity;
  }

  public int keypointCount() {
    return keypointCount;
  }

  /** Candidates held now. */
  public int count() {
    return count;
  }

  /** Forgets every candidate; keeps the arrays. */
  public void clear() {
    count = 0;
  }

  /**
   * Appends a candidate and returns its row (its keypoints start at 0 until {@link #setKeypoint} is called).
   * Throws {@link IllegalStateException} when full and {@link IllegalArgumentException} for a NaN score or a
   * negative class.
   */
  public int add(float left, float top, float right, float bottom, float score, int classId) {
    if (count == capacity) {
      throw new IllegalStateException("candidate table is full (" + capacity + ")");
    }
    if (Float.isNaN(score) || classId < 0) {
      throw new IllegalArgumentException("candidate needs a score and a class id >= 0, got " + score + ", " + classId);
    }
    int i = count++;
    int b = 4 * i;
    boxes[b] = left;
    boxes[b + 1] = top;
    boxes[b + 2] = right;
    boxes[b + 3] = bottom;
    scores[i] = score;
    classes[i] = classId;
    int k = 2 * keypointCount * i;
    for (int j = 0; j < 2 * keypointCount; j++) {
      keypoints[k + j] = 0;
    }
    return i;
  }

  /** Sets keypoint {@code k} of row {@code i}. */
  public void setKeypoint(int i, int k, float x, float y) {
    checkRow(i);
    if (k < 0 || k >= keypointCount) {
      throw new IndexOutOfBoundsException("keypoint " + k + " of " + keypointCount);
    }
    int at = 2 * (keypointCount * i + k);
    keypoints[at] = x;
    keypoints[at + 1] = y;
  }

  public float left(int i) {
    return boxes[4 * checkRow(i)];
  }

  public float top(int i) {
    return boxes[4 * checkRow(i) + 1];
  }

  public float right(int i) {
    return boxes[4 * checkRow(i) + 2];
  }

  public float bottom(int i) {
    return boxes[4 * checkRow(i) + 3];
  }

  public float score(int i) {
    return scores[checkRow(i)];
  }

  public int classId(int i) {
    return classes[checkRow(i)];
  }

  public float keypointX(int i, int k) {
    return keypoints[2 * (keypointCount * checkRow(i) + k)];
  }

  public float keypointY(int i, int k) {
    return keypoints[2 * (keypointCount * checkRow(i) + k) + 1];
  }

  /** Row {@code i} as an immutable {@link Detection}; throws {@link IllegalArgumentException} for non-finite values. */
  public Detection toDetection(int i) {
    checkRow(i);
    float[] kp = new float[2 * keypointCount];
    System.arraycopy(keypoints, 2 * keypointCount * i, kp, 0, kp.length);
    int b = 4 * i;
    return Detection.of(Box.of(boxes[b], boxes[b + 1], boxes[b + 2], boxes[b + 3]), classes[i], scores[i], kp);
  }

  /** Every row as a {@link Detection}, in row order. */
  public List<Detection> toDetections() {
    List<Detection> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(toDetection(i));
    }
    return out;
  }

  /** Removes the last row (a decoder found it invalid after adding it). */
  void dropLast() {
    count--;
  }

  /** Copies row {@code from} of {@code source} to the end of this table (same keypoint count). */
  void copyRow(DetectionCandidates source, int from, float score) {
    int i = add(source.boxes[4 * from], source.boxes[4 * from + 1], source.boxes[4 * from + 2], source.boxes[4 * from + 3],
        score, source.classes[from]);
    int n = 2 * keypointCount;
    System.arraycopy(source.keypoints, n * from, keypoints, n * i, n);
  }

  private int checkRow(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("candidate " + i + " of " + count);
    }
    return i;
  }
}
