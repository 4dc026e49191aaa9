package ai.fovea.models.data.augment;

/**
 * A 2-D affine map {@code (x, y) -> (a x + b y + tx, c x + d y + ty)} in double precision, in image coordinates
 * (x to the right, y down, one unit per pixel). {@link AffineWarp} uses it with the origin at the image centre.
 * Immutable.
 */
public final class AffineTransform {
  private static final AffineTransform IDENTITY = new AffineTransform(1, 0, 0, 0, 1, 0);

  private final double a;
  private final double b;
  private final double tx;
  private final double c;
  private final double d;
  private final double ty;

  private AffineTransform(double a, double b, double tx, double c, double d, double ty) {
    this.a = a;
    this.b = b;
    this.tx = tx;
    this.c = c;
    this.d = d;
    this.ty = ty;
  }

  /** The map with the given coefficients; all must be finite. */
  public static AffineTransform of(double a, double b, double tx, double c, double d, double ty) {
    for (double v : new double[] {a, b, tx, c, d, ty}) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("affine coefficients must be finite, got " + v);
      }
    }
    return new AffineTransform(a, b, tx, c, d, ty);
  }

  public static AffineTransform identity() {
    return IDENTITY;
  }

  public static AffineTransform translation(double dx, double dy) {
    return of(1, 0, dx, 0, 1, dy);
  }

  /** Scales x by {@code sx} and y by {@code sy} about the origin; -1 for {@code sx} mirrors left-right. */
  public static AffineTransform scaling(double sx, double sy) {
    return of(sx, 0, 0, 0, sy, 0);
  }

  /**
   * Turns by {@code degrees} about the origin, counter-clockwise as seen on screen (y points down). Multiples of
   * 90° use exact sines and cosines, so quarter turns move pixels without blending them.
   */
  public static AffineTransform rotation(double degrees) {
    double cos;
    double sin;
    double quarter = degrees / 90;
    if (quarter == Math.rint(quarter)) {
      int q = (int) (((long) quarter % 4 + 4) % 4);
      cos = q == 0 ? 1 : q == 2 ? -1 : 0;
      sin = q == 1 ? 1 : q == 3 ? -1 : 0;
    } else {
      double radians = StrictMath.toRadians(degrees);
      cos = StrictMath.cos(radians);
      sin = StrictMath.sin(radians);
    }
    return of(cos, sin, 0, -sin, cos, 0);
  }

  /** Slants horizontally: {@code x += tan(degrees) · y}, so rows slide sideways in proportion to their height. */
  public static AffineTransform shear(double degrees) {
    if (!(Math.abs(degrees) < 90)) {
      throw new IllegalArgumentException("shear angle " + degrees + " outside (-90, 90) degrees");
    }
    return of(1, StrictMath.tan(StrictMath.toRadians(degrees)), 0, 0, 1, 0);
  }

  /** This map followed by {@code next}: {@code p -> next(this(p))}. */
  public AffineTransform then(AffineTransform next) {
    return of(next.a * a + next.b * c, next.a * b + next.b * d, next.a * tx + next.b * ty + next.tx,
        next.c * a + next.d * c, next.c * b + next.d * d, next.c * tx + next.d * ty + next.ty);
  }

  /** The inverse map; throws {@link IllegalArgumentException} when this map collapses the plane. */
  public AffineTransform inverse() {
    double det = a * d - b * c;
    if (!(Math.abs(det) > 1e-12)) {
      throw new IllegalArgumentException("affine map " + this + " is not invertible (determinant " + det + ")");
    }
    double ia = d / det;
    double ib = -b / det;
    double ic = -c / det;
    double id = a / det;
    return of(ia, ib, -(ia * tx + ib * ty), ic, id, -(ic * tx + id * ty));
  }

  public double mapX(double x, double y) {
    return a * x + b * y + tx;
  }

  public double mapY(double x, double y) {
    return c * x + d * y + ty;
  }

  @Override
  public String toString() {
    return "[" + a + " " + b + " " + tx + "; " + c + " " + d + " " + ty + "]";
  }
}
