package ai.fovea.sdk.convert;

/** An immutable rectangle of whole pixels in the upright image (after rotation and mirroring): the region of interest. */
public final class Region {
  private final int left;
  private final int top;
  private final int width;
  private final int height;

  private Region(int left, int top, int width, int height) {
    this.left = left;
    this.top = top;
    this.width = width;
    this.height = height;
  }

  public static Region of(int left, int top, int width, int height) {
    if (left < 0 || top < 0) {
      throw new IllegalArgumentException("region origin must not be negative, got (" + left + ", " + top + ")");
    }
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("region size must be positive, got " + width + "x" + height);
    }
    if ((long) left + width > Integer.MAX_VALUE || (long) top + height > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("region " + width + "x" + height + "+" + left + "+" + top + " overflows int coordinates");
    }
    return new Region(left, top, width, height);
  }

  public int left() {
    return left;
  }

  public int top() {
    return top;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public int right() {
    return left + width;
  }

  public int bottom() {
    return top + height;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Region)) {
      return false;
    }
    Region r = (Region) o;
    return left == r.left && top == r.top && width == r.width && height == r.height;
  }

  @Override
  public int hashCode() {
    return ((left * 31 + top) * 31 + width) * 31 + height;
  }

  @Override
  public String toString() {
    return width + "x" + height + "+" + left + "+" + top;
  }
}
