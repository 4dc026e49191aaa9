package ai.fovea.desktop.report;

import java.util.Arrays;

/**
 * One thing to draw on a picture: a labelled box (or, for a whole-image result such as a classification, no box)
 * with its score and optional keypoints, in the picture's pixel coordinates. The class id picks the colour, so
 * one class keeps its colour across frames. Immutable.
 */
public final class Annotation {
  private final String label;
  private final int classId;
  private final float score;
  private final float[] box;
  private final float[] keypoints;

  private Annotation(String label, int classId, float score, float[] box, float[] keypoints) {
    if (label == null || classId < 0 || Float.isNaN(score)) {
      throw new IllegalArgumentException("annotation needs a label, a class id >= 0 and a score, got " + label + ", "
          + classId + ", " + score);
    }
    if (keypoints.length % 2 != 0) {
      throw new IllegalArgumentException("keypoints must be x, y pairs, got " + keypoints.length + " values");
    }
    this.label = label;
    this.classId = classId;
    this.score = score;
    this.box = box;
    this.keypoints = keypoints.clone();
  }

  /** A labelled box with edges in picture pixels and keypoints as {@code x0, y0, x1, y1, ...}. */
  public static Annotation box(String label, int classId, float score, float left, float top, float right,
      float bottom, float[] keypoints) {
    return new Annotation(label, classId, score, new float[] {left, top, right, bottom},
        keypoints == null ? new float[0] : keypoints);
  }

  /** A result about the whole picture (a class of a classifier): shown in the caption, no box. */
  public static Annotation whole(String label, int classId, float score) {
    return new Annotation(label, classId, score, null, new float[0]);
  }

  public String label() {
    return label;
  }

  public int classId() {
    return classId;
  }

  public float score() {
    return score;
  }

  public boolean hasBox() {
    return box != null;
  }

  /** Left, top, right, bottom; a copy. Throws {@link IllegalStateException} for a whole-picture annotation. */
  public float[] box() {
    if (box == null) {
      throw new IllegalStateException(label + " is about the whole picture and has no box");
    }
    return box.clone();
  }

  /** Keypoints as {@code x0, y0, x1, y1, ...}; a copy. */
  public float[] keypoints() {
    return keypoints.clone();
  }

  @Override
  public String toString() {
    return label + " " + score + (box != null ? " " + Arrays.toString(box) : "");
  }
}
