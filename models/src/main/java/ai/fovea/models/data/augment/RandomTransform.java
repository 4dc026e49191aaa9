package ai.fovea.models.data.augment;

import java.util.Random;

/**
 * Draws one geometric transformation (origin at the image centre) for {@link AffineWarp}; {@link Geometry} makes
 * the usual ones. Implementations draw a fixed number of values from {@code random} per call.
 */
public interface RandomTransform {
  AffineTransform sample(Random random);
}
