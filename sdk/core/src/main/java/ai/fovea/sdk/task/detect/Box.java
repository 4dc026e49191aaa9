package ai.fovea.sdk.task.detect;

/**
 * An immutable axis-aligned rectangle given by its edges, x to the right and y down. The unit is the caller's:
 * decoders produce boxes normalized to the model input ([0, 1] across its width and height), {@link SourceMapping}
 * turns them into source-frame pixels. A box whose right is left of its left (or bottom above its top) is
 * empty: its area is 0 and it overlaps nothing.
 */
public final class Box {
  private final float left;
  private final float top;
  private final float right;
  private final float bottom;

  private Box(float left, float top, float right, float bottom) {
    this.left = left;
    this.top = top;
    this.right = right;
    this.bottom = bottom;
  }

  /** The box with these edges; throws {@link IllegalArgumentException} for NaN or infinite edges. */
  public static Box of(float left, float top, float right, float bottom) {
    if (!Float.isFinite(left) || !Float.isFinite(top) || !Float.isFinite(right) || !Float.isFinite(bottom)) {
      throw new IllegalArgumentException("box edges must be finite, got " + left + ", " + top + ", " + right + ", " + bottom);
    }
    return new Box(left, top, right, bottom);
  }

  /** The box of this centre and size. */
  public static Box ofCenter(float centerX, float centerY, float width, float height) {
    return of(centerX - width / 2, centerY - height / 2, centerX + width / 2, centerY + height / 2);
  }

  public float left() {
    return left;
  }

  public float top() {
    return top;
  }

  public float right() {
    return right;
  }

  public float bottom() {
    return bottom;
  }

  public float width() {
    return right - left;
  }

  public float height() {
    return bottom - top;
  }

  public float centerX() {
    return (left + right) / 2;
  }

  public float centerY() {
    return (top + bottom) / 2;
  }

  /** Width times height, 0 for an empty box. */
  public float area() {
    return area(left, top, right, bottom);
  }

  /** The area this box shares with {@code other}. */
  public float intersectionArea(Box other) {
    return intersection(left, top, right, bottom, other.left, other.top, other.right, other.bottom);
  }

  /** Intersection over union with {@code other}, in [0, 1]; 0 when either box is empty. */
  public float iou(Box other) {
    return iou(left, top, right, bottom, other.left, other.top, other.right, other.bottom);
  }

  /** This box scaled by {@code sx} horizontally and {@code sy} vertically about the origin. */
  public Box scale(float sx, float sy) {
    return of(left * sx, top * sy, right * sx, bottom * sy);
  }

  /** This box cut to {@code bounds}; an empty box (of zero size at the nearest edge) when they do not meet. */
  public Box clip(Box bounds) {
    float l = Math.min(Math.max(left, bounds.left), bounds.right);
    float t = Math.min(Math.max(top, bounds.top), bounds.bottom);
    float r = Math.min(Math.max(right, l), bounds.right);
    float b = Math.min(Math.max(bottom, t), bounds.bottom);
    return new Box(l, t, r, b);
  }

  static float area(float left, float top, float right, float bottom) {
    float w = right - left;
    float h = bottom - top;
    return w > 0 && h > 0 ? w * h : 0;
  }

  static float intersection(float l1, float t1, float r1, float b1, float l2, float t2, float r2, float b2) {
    float w = Math.min(r1, r2) - Math.max(l1, l2);
    float h = Math.min(b1, b2) - Math.max(t1, t2);
    return w > 0 && h > 0 ? w * h : 0;
  }

  /**
   * The one IoU formula every NMS form uses, so the reference and the optimized forms agree to the bit:
   * intersection / (area1 + area2 - intersection), 0 when the union is empty.
   */
  static float iou(float l1, float t1, float r1, float b1, float l2, float t2, float r2, float b2) {
    float inter = intersection(l1, t1, r1, b1, l2, t2, r2, b2);
    if (inter <= 0) {
      return 0;
    }
    float union = area(l1, t1, r1, b1) + area(l2, t2, r2, b2) - inter;
    return union > 0 ? inter / union : 0;
  }

  /** Same as {@link #iou(float, float, float, float, float, float, float, float)} with the areas known. */
  static float iou(float l1, float t1, float r1, float b1, float area1, float l2, float t2, float r2, float b2, float area2) {
    float inter = intersection(l1, t1, r1, b1, l2, t2, r2, b2);
    if (inter <= 0) {
      return 0;
    }
    float union = area1 + area2 - inter;
    return union > 0 ? inter / union : 0;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Box)) {
      return false;
    }
    Box b = (Box) o;
    return Float.compare(left, b.left) == 0 && Float.compare(top, b.top) == 0 && Float.compare(right, b.right) == 0
        && Float.compare(bottom, b.bottom) == 0;
  }

  @Override
  public int hashCode() {
    return ((Float.hashCode(left) * 31 + Float.hashCode(top)) * 31 + Float.hashCode(right)) * 31 + Float.hashCode(bottom);
  }

  @Override
  public String toString() {
    return "[" + left + ", " + top + " .. " + right + ", " + bottom + "]";
  }
}
