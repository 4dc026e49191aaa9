package ai.fovea.models.train;

import ai.fovea.models.data.LabeledImages;
import java.util.Random;

/**
 * Draws an epoch's mini-batches: a seeded permutation of the training images, each image augmented (random
 * shift with background fill, optional left-right flip) and normalized into the batch buffer. Every random draw
 * comes from the epoch's {@link Random}, in a fixed order, so an epoch is reproducible from its seed alone.
 */
final class BatchSampler {
  private final LabeledImages images;
  private final Normalization normalization;
  private final int shift;
  private final boolean flip;

  BatchSampler(LabeledImages images, Normalization normalization, int shift, boolean flip) {
    this.images = images;
    this.normalization = normalization;
    this.shift = shift;
    this.flip = flip;
  }

  /** A Fisher-Yates permutation of the image indices. */
  int[] shuffle(Random random) {
    int[] order = new int[images.count()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** Fills {@code pixels} and {@code labels} with the {@code labels.length} images at {@code order[from...]}. */
  void fill(int[] order, int from, Random random, float[] pixels, int[] labels) {
    int h = images.height();
    int w = images.width();
    int c = images.channels();
    float background = normalization.apply(0f);
    for (int i = 0; i < labels.length; i++) {
      int index = order[from + i];
      labels[i] = images.label(index);
      int dy = shift == 0 ? 0 : random.nextInt(2 * shift + 1) - shift;
      int dx = shift == 0 ? 0 : random.nextInt(2 * shift + 1) - shift;
      boolean mirror = flip && random.nextBoolean();
      int base = i * h * w * c;
      for (int y = 0; y < h; y++) {
        int sy = y - dy;
        for (int x = 0; x < w; x++) {
          int sx = mirror ? w - 1 - (x - dx) : x - dx;
          for (int ch = 0; ch < c; ch++) {
            pixels[base + (y * w + x) * c + ch] = sy < 0 || sy >= h || sx < 0 || sx >= w ? background
                : normalization.apply(images.pixel(index, sy, sx, ch));
          }
        }
      }
    }
  }

  /** Normalized, unaugmented images {@code [from, from + count)} in order. */
  static float[] plain(LabeledImages images, Normalization normalization, int from, int count) {
    int size = images.imageSize();
    float[] pixels = new float[count * size];
    for (int i = 0; i < count; i++) {
      images.copyImage(from + i, pixels, i * size);
    }
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = normalization.apply(pixels[i]);
    }
    return pixels;
  }
}
