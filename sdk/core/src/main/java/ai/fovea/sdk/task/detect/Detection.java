package ai.fovea.sdk.task.detect;

import ai.fovea.sdk.convert.Point;
import java.util.Arrays;

/**
 * One detected object: its {@link Box}, class id (the model's class index, after any background classes are
 * skipped), score and optional keypoints (BlazeFace's six face landmarks, for example). Immutable. Boxes and
 * keypoints share one coordinate space: normalized model input as decoders produce them, source-frame pixels
 * after {@link SourceMapping}.
 */
public final class Detection {
  private final Box box;
  private final int classId;
  private final float score;
  private final float[] keypoints;

  private Detection(Box box, int classId, float score, float[] keypoints) {
    this.box = box;
    this.classId = classId;
    this.score = score;
    this.keypoints = keypoints;
  }

  /** A detection without keypoints. */
  public static Detection of(Box box, int classId, float score) {
    return of(box, classId, score, new float[0]);
  }

  /**
   * A detection with keypoints given as {@code x0, y0, x1, y1, ...} (copied). Throws
   * {@link IllegalArgumentException} for a null box, a negative class, a NaN score or an odd or non-finite
   * keypoint array.
   */
  public static Detection of(Box box, int classId, float score, float[] keypoints) {
    if (box == null) {
      throw new IllegalArgumentException("box is null");
    }
    if (classId < 0) {
      throw new IllegalArgumentException("class id must not be negative, got " + classId);
    }
    if (Float.isNaN(score)) {
      throw new IllegalArgumentException("score is NaN");
    }
    if (keypoints == null || keypoints.length % 2 != 0) {
      throw new IllegalArgumentException("keypoints must be x, y pairs, got "
          + (keypoints == null ? "null" : keypoints.length + " values"));
    }
    for (float v : keypoints) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("keypoint coordinates must be finite, got " + Arrays.toString(keypoints));
      }
    }
    return new Detection(box, classId, score, keypoints.clone());
  }

  public Box box() {
    return box;
  }

  public int classId() {
    return classId;
  }

  public float score() {
    return score;
  }

  public int keypointCount() {
    return keypoints.length / 2;
  }

  public float keypointX(int i) {
    return keypoints[2 * checkKeypoint(i)];
  }

  public float keypointY(int i) {
    return keypoints[2 * checkKeypoint(i) + 1];
  }

  public Point keypoint(int i) {
    return new Point(keypointX(i), keypointY(i));
  }

  /** The keypoints as {@code x0, y0, x1, y1, ...}; a copy. */
  public float[] keypoints() {
    return keypoints.clone();
  }

  /** This detection with another box and keypoints (same class and score): what a coordinate mapping returns. */
  public Detection withLocation(Box newBox, float[] newKeypoints) {
    if (newKeypoints == null || newKeypoints.length != keypoints.length) {
      throw new IllegalArgumentException("expected " + keypoints.length + " keypoint values, got "
          + (newKeypoints == null ? "null" : newKeypoints.length));
    }
    return of(newBox, classId, score, newKeypoints);
  }

  private int checkKeypoint(int i) {
    if (i < 0 || i >= keypointCount()) {
      throw new IndexOutOfBoundsException("keypoint " + i + " of " + keypointCount());
    }
    return i;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Detection)) {
      return false;
    }
    Detection d = (Detection) o;
    return box.equals(d.box) && classId == d.classId && Float.compare(score, d.score) == 0 && Arrays.equals(keypoints, d.keypoints);
  }

  @Override
  public int hashCode() {
    return (box.hashCode() * 31 + classId) * 31 + Float.hashCode(score) + 17 * Arrays.hashCode(keypoints);
  }

  @Override
  public String toString() {
    return "class " + classId + " score " + score + " " + box + (keypoints.length > 0 ? " keypoints " + Arrays.toString(keypoints) : "");
  }
}
