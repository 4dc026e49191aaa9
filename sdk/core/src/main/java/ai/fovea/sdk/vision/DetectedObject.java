package ai.fovea.sdk.vision;

import ai.fovea.sdk.convert.Point;
import ai.fovea.sdk.task.detect.Box;
import java.util.Locale;

/**
 * One object a {@link Detector} found: its category (class id, label, score), its box and optional keypoints, in
 * pixel coordinates of the source frame as the camera delivered it (before rotation and mirroring). Immutable.
 */
public final class DetectedObject {
  private final Category category;
  private final Box box;
  private final float[] keypoints;

  DetectedObject(Category category, Box box, float[] keypoints) {
    this.category = category;
    this.box = box;
    this.keypoints = keypoints.clone();
  }

  public Category category() {
    return category;
  }

  public String label() {
    return category.label();
  }

  public float score() {
    return category.score();
  }

  /** The box in source-frame pixels. */
  public Box box() {
    return box;
  }

  /** Number of keypoints (face landmarks, say); 0 for most detectors. */
  public int keypointCount() {
    return keypoints.length / 2;
  }

  /** Keypoint {@code i} in source-frame pixels. */
  public Point keypoint(int i) {
    if (i < 0 || i >= keypointCount()) {
      throw new IndexOutOfBoundsException("keypoint " + i + " of " + keypointCount());
    }
    return new Point(keypoints[2 * i], keypoints[2 * i + 1]);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %.3f [%.1f, %.1f, %.1f, %.1f]", category.label(), category.score(),
        box.left(), box.top(), box.right(), box.bottom());
  }
}
