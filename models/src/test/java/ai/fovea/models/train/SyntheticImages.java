package ai.fovea.models.train;

import ai.fovea.models.data.LabeledImages;
import java.util.Random;

/**
 * A small seeded image set for trainer tests: 12×12 gray images, class = the quadrant holding a bright 3×3 blob
 * (4 classes), on uniform noise. A few training steps learn it; nothing about it is hard-coded in the trainer.
 */
final class SyntheticImages {
  static final int SIZE = 12;
  static final int CLASSES = 4;

  private SyntheticImages() {}

  static LabeledImages make(int count, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[count * SIZE * SIZE];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      int label = random.nextInt(CLASSES);
      labels[i] = label;
      int base = i * SIZE * SIZE;
      for (int p = 0; p < SIZE * SIZE; p++) {
        pixels[base + p] = 0.3f * random.nextFloat();
      }
      int y0 = (label / 2) * SIZE / 2 + random.nextInt(SIZE / 2 - 2);
      int x0 = (label % 2) * SIZE / 2 + random.nextInt(SIZE / 2 - 2);
      for (int y = y0; y < y0 + 3; y++) {
        for (int x = x0; x < x0 + 3; x++) {
          pixels[base + y * SIZE + x] = 0.7f + 0.3f * random.nextFloat();
        }
      }
    }
    return LabeledImages.of(SIZE, SIZE, 1, pixels, labels);
  }
}
