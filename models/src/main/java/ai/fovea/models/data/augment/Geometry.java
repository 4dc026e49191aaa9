package ai.fovea.models.data.augment;

/**
 * The geometric augmentations as {@link RandomTransform}s for one {@link AffineWarp}: horizontal flip, shift,
 * rotation, scale, shear and stretch. Each draws its parameter uniformly from the given range; all act about the
 * image centre.
 */
public final class Geometry {
  private Geometry() {}

  /** Mirrors left-right with {@code probability}. */
  public static RandomTransform flipHorizontal(double probability) {
    checkProbability(probability);
    AffineTransform mirror = AffineTransform.scaling(-1, 1);
    return random -> random.nextDouble() < probability ? mirror : AffineTransform.identity();
  }

  /** Moves by whole pixels, dx in [-maxDx, maxDx] and dy in [-maxDy, maxDy], so a pure shift never blurs. */
  public static RandomTransform shift(int maxDx, int maxDy) {
    if (maxDx < 0 || maxDy < 0) {
      throw new IllegalArgumentException("shift limits " + maxDx + ", " + maxDy + " must be >= 0");
    }
    return random -> {
      int dx = random.nextInt(2 * maxDx + 1) - maxDx;
      int dy = random.nextInt(2 * maxDy + 1) - maxDy;
      return AffineTransform.translation(dx, dy);
    };
  }

  /** Turns by an angle in [-maxDegrees, maxDegrees], counter-clockwise positive. */
  public static RandomTransform rotation(double maxDegrees) {
    return rotation(-maxDegrees, maxDegrees);
  }

  /** Turns by an angle in [minDegrees, maxDegrees]; {@code rotation(90, 90)} is an exact quarter turn. */
  public static RandomTransform rotation(double minDegrees, double maxDegrees) {
    checkRange("rotation", minDegrees, maxDegrees, -360, 360);
    return random -> AffineTransform.rotation(uniform(random, minDegrees, maxDegrees));
  }

  /** Zooms by a factor in [min, max] on both axes (above 1 enlarges). */
  public static RandomTransform scale(double min, double max) {
    checkRange("scale", min, max, 1e-3, 1e3);
    return random -> {
      double s = uniform(random, min, max);
      return AffineTransform.scaling(s, s);
    };
  }

  /** Slants rows sideways by an angle in [-maxDegrees, maxDegrees] ({@link AffineTransform#shear}). */
  public static RandomTransform shear(double maxDegrees) {
    checkRange("shear", -maxDegrees, maxDegrees, -89, 89);
    return random -> AffineTransform.shear(uniform(random, -maxDegrees, maxDegrees));
  }

  /**
   * Changes the aspect ratio keeping the area: x scaled by s and y by 1/s, with log s uniform in
   * [-log maxFactor, log maxFactor] so widening and narrowing are equally likely.
   */
  public static RandomTransform stretch(double maxFactor) {
    checkRange("stretch", 1, maxFactor, 1, 1e3);
    double logMax = StrictMath.log(maxFactor);
    return random -> {
      double s = StrictMath.exp(uniform(random, -logMax, logMax));
      return AffineTransform.scaling(s, 1 / s);
    };
  }

  /** Uniform in [min, max]; draws one double even when the range is a single value. */
  static double uniform(java.util.Random random, double min, double max) {
    return min + (max - min) * random.nextDouble();
  }

  private static void checkRange(String what, double min, double max, double lowest, double highest) {
    if (!(min >= lowest && max <= highest && min <= max)) {
      throw new IllegalArgumentException(what + " range [" + min + ", " + max + "] must lie within [" + lowest
          + ", " + highest + "] with min <= max");
    }
  }

  static void checkProbability(double probability) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability " + probability + " outside [0, 1]");
    }
  }
}
