package ai.fovea.sdk.convert;

/** An immutable 2-D point in continuous pixel coordinates: (0, 0) is the top-left corner of the top-left pixel. */
public final class Point {
  private final float x;
  private final float y;

  public Point(float x, float y) {
    this.x = x;
    this.y = y;
  }

  public float x() {
    return x;
  }

  public float y() {
    return y;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Point && Float.compare(x, ((Point) o).x) == 0 && Float.compare(y, ((Point) o).y) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * Float.hashCode(x) + Float.hashCode(y);
  }

  @Override
  public String toString() {
    return "(" + x + ", " + y + ")";
  }
}
