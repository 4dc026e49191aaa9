package ai.fovea.models.data.augment;

import java.util.Random;

/**
 * One random image transformation for training. {@link #apply} transforms the image in place and draws every
 * random choice from {@code random}, in a fixed order, so the same seed gives the same result. The built-in ones
 * use {@link StrictMath} for angles and logarithms, so a seed gives bit-identical images on every JVM and on
 * Android. Implementations are immutable and safe to share between threads (all per-call state lives in the
 * call).
 */
public interface Augmentation {
  void apply(ImageBuffer image, Random random);
}
