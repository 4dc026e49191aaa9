package ai.fovea.sdk.task.detect;

import ai.fovea.sdk.convert.InputTransform;
import ai.fovea.sdk.convert.Point;
import ai.fovea.sdk.convert.Region;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes detections from normalized model-input coordinates back to source-frame pixels through an
 * {@link InputTransform} (region of interest, letterbox or centre crop, rotation, mirroring). Rotations are by
 * quarter turns, so a box stays axis-aligned: its two opposite corners are mapped and re-ordered. Keypoints are
 * mapped one by one. By default boxes are clipped to the part of the source the model saw (the letterbox
 * padding and the cropped-away sides are outside it); keypoints are not clipped. Immutable.
 */
public final class SourceMapping {
  private final InputTransform transform;
  private final boolean clip;
  private final Box visible;

  private SourceMapping(InputTransform transform, boolean clip) {
    this.transform = transform;
    this.clip = clip;
    Region c = transform.content();
    this.visible = sourceBox(c.left(), c.top(), c.right(), c.bottom());
  }

  /** Maps through {@code transform} and clips boxes to what the model saw. */
  public static SourceMapping of(InputTransform transform) {
    return of(transform, true);
  }

  public static SourceMapping of(InputTransform transform, boolean clipToVisible) {
    if (transform == null) {
      throw new IllegalArgumentException("input transform is null");
    }
    return new SourceMapping(transform, clipToVisible);
  }

  /** The source-frame rectangle the model input shows (the region of interest, less what a centre crop cut). */
  public Box visibleSource() {
    return visible;
  }

  /** {@code d} (normalized model-input coordinates) in source-frame pixels. */
  public Detection toSource(Detection d) {
    float w = transform.modelWidth();
    float h = transform.modelHeight();
    Box b = d.box();
    Box box = sourceBox(b.left() * w, b.top() * h, b.right() * w, b.bottom() * h);
    if (clip) {
      box = box.clip(visible);
    }
    float[] kp = d.keypoints();
    for (int i = 0; i < kp.length; i += 2) {
      Point p = transform.toSource(kp[i] * w, kp[i + 1] * h);
      kp[i] = p.x();
      kp[i + 1] = p.y();
    }
    return d.withLocation(box, kp);
  }

  /** Every detection of {@code detections} in source-frame pixels, in the same order. */
  public List<Detection> toSource(List<Detection> detections) {
    List<Detection> out = new ArrayList<>(detections.size());
    for (Detection d : detections) {
      out.add(toSource(d));
    }
    return out;
  }

  /** The source box of model-input pixel box (l, t, r, b); an empty input box stays empty. */
  private Box sourceBox(float l, float t, float r, float b) {
    Point a = transform.toSource(l, t);
    Point c = transform.toSource(r, b);
    boolean empty = r < l || b < t;
    float left = Math.min(a.x(), c.x());
    float right = Math.max(a.x(), c.x());
    float top = Math.min(a.y(), c.y());
    float bottom = Math.max(a.y(), c.y());
    if (empty) {
      float cx = (left + right) / 2;
      float cy = (top + bottom) / 2;
      return Box.of(cx, cy, cx, cy);
    }
    return Box.of(left, top, right, bottom);
  }
}
