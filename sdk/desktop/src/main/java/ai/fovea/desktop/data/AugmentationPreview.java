package ai.fovea.desktop.data;

import ai.fovea.models.data.LabeledImages;
import ai.fovea.models.data.augment.Augmentation;
import ai.fovea.models.data.augment.ImageBuffer;
import java.util.Random;

/**
 * Images next to augmented copies of themselves, for an {@link ImageGrid}: for each chosen image one row, the
 * original first, then one cell per augmentation in {@code columns} (repeat one augmentation to show several
 * draws of it). Cell k of row r draws from {@code Random(seed + 1000 r + k)}, so a preview is reproducible.
 * Values an augmentation pushes outside [0, 1] are clamped for display.
 */
public final class AugmentationPreview {
  private AugmentationPreview() {}

  public static LabeledImages of(LabeledImages images, int[] indices, long seed, Augmentation... columns) {
    if (images == null || indices == null || indices.length == 0 || columns == null) {
      throw new IllegalArgumentException("need images, at least one index and the augmentations");
    }
    for (Augmentation column : columns) {
      if (column == null) {
        throw new IllegalArgumentException("augmentation is null");
      }
    }
    int size = images.imageSize();
    int perRow = 1 + columns.length;
    float[] pixels = new float[indices.length * perRow * size];
    int[] labels = new int[indices.length * perRow];
    ImageBuffer buffer = new ImageBuffer(images.height(), images.width(), images.channels());
    for (int r = 0; r < indices.length; r++) {
      for (int k = 0; k < perRow; k++) {
        int cell = r * perRow + k;
        images.copyImage(indices[r], buffer.pixels(), 0);
        if (k > 0) {
          columns[k - 1].apply(buffer, new Random(seed + 1000L * r + k));
        }
        buffer.store(pixels, cell * size);
        labels[cell] = images.label(indices[r]);
      }
    }
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = Math.max(0f, Math.min(1f, pixels[i]));
    }
    return LabeledImages.of(images.height(), images.width(), images.channels(), pixels, labels);
  }
}
