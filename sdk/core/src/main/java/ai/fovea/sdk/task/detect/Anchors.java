package ai.fovea.sdk.task.detect;

import java.util.Arrays;

/**
 * The anchor boxes of an SSD-style model, one per row of its box output: centre and size, in the same units the
 * decoded boxes come out in (normalized to the model input for the usual anchors). Immutable. Make them with
 * {@link SsdAnchorGenerator} from MediaPipe-style options, or from a model's own anchor table with {@link #of}.
 */
public final class Anchors {
  // Interleaved y centre, x centre, height, width: TFLite's and MediaPipe's anchor tensor layout.
  private final float[] yxhw;

  private Anchors(float[] yxhw) {
    this.yxhw = yxhw;
  }

  /**
   * Anchors from a table of {@code y_center, x_center, height, width} rows (what TFLite_Detection_PostProcess
   * takes as its third input); copied. Throws {@link IllegalArgumentException} unless there are whole, finite rows.
   */
  public static Anchors of(float[] yxhw) {
    if (yxhw == null || yxhw.length % 4 != 0) {
      throw new IllegalArgumentException("anchors must be rows of y, x, h, w, got " + (yxhw == null ? "null" : yxhw.length + " values"));
    }
    for (int i = 0; i < yxhw.length; i++) {
      if (!Float.isFinite(yxhw[i])) {
        throw new IllegalArgumentException("anchor " + i / 4 + " has a non-finite value: " + yxhw[i]);
      }
    }
    return new Anchors(yxhw.clone());
  }

  static Anchors wrap(float[] yxhw) {
    return new Anchors(yxhw);
  }

  public int count() {
    return yxhw.length / 4;
  }

  public float yCenter(int i) {
    return yxhw[4 * i];
  }

  public float xCenter(int i) {
    return yxhw[4 * i + 1];
  }

  public float height(int i) {
    return yxhw[4 * i + 2];
  }

  public float width(int i) {
    return yxhw[4 * i + 3];
  }

  /** The table as {@code y, x, h, w} rows; a copy. */
  public float[] toArray() {
    return yxhw.clone();
  }

  /** The backing table, for decoders in this package; never modified. */
  float[] table() {
    return yxhw;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Anchors && Arrays.equals(yxhw, ((Anchors) o).yxhw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(yxhw);
  }

  @Override
  public String toString() {
    return count() + " anchors";
  }
}
