package ai.fovea.sdk.convert;

/**
 * Maps the upright image (the source rotated clockwise by 0/90/180/270 degrees, then mirrored left-right when
 * asked) back to the source frame, for whole pixels and for continuous coordinates. The map is separable: an
 * upright column decides one source coordinate (x, or y when the rotation swaps the axes) and an upright row
 * the other, which is what lets the converter precompute one table per axis.
 */
final class Orientation {
  final int width;
  final int height;
  final int rotation;
  final boolean mirrored;
  final int uprightWidth;
  final int uprightHeight;

  Orientation(int width, int height, int rotation, boolean mirrored) {
    this.width = width;
    this.height = height;
    this.rotation = rotation;
    this.mirrored = mirrored;
    this.uprightWidth = swapsAxes() ? height : width;
    this.uprightHeight = swapsAxes() ? width : height;
  }

  /** True for 90 and 270 degrees, where upright columns walk along source rows' y. */
  boolean swapsAxes() {
    return rotation % 180 != 0;
  }

  /** The source coordinate upright pixel column {@code u} decides: x, or y when {@link #swapsAxes}. */
  int sourceOfColumn(int u) {
    int m = mirrored ? uprightWidth - 1 - u : u;
    switch (rotation) {
      case 90:
        return height - 1 - m;
      case 180:
        return width - 1 - m;
      default:
        return m;
    }
  }

  /** The source coordinate upright pixel row {@code v} decides: y, or x when {@link #swapsAxes}. */
  int sourceOfRow(int v) {
    switch (rotation) {
      case 180:
        return height - 1 - v;
      case 270:
        return width - 1 - v;
      default:
        return v;
    }
  }

  /** Continuous upright coordinates to continuous source coordinates {x, y}. */
  double[] toSource(double u, double v) {
    double m = mirrored ? uprightWidth - u : u;
    switch (rotation) {
      case 90:
        return new double[] {v, height - m};
      case 180:
        return new double[] {width - m, height - v};
      case 270:
        return new double[] {width - v, m};
      default:
        return new double[] {m, v};
    }
  }

  /** Continuous source coordinates to continuous upright coordinates {u, v}; the inverse of {@link #toSource}. */
  double[] toUpright(double x, double y) {
    double m;
    double v;
    switch (rotation) {
      case 90:
        m = height - y;
        v = x;
        break;
      case 180:
        m = width - x;
        v = height - y;
        break;
      case 270:
        m = y;
        v = width - x;
        break;
      default:
        m = x;
        v = y;
    }
    return new double[] {mirrored ? uprightWidth - m : m, v};
  }
}
