package ai.fovea.models.data;

import ai.fovea.kernels.tensor.Shape;

/**
 * Single-channel images with one class label each, as training reads them: pixels float32 in [0, 1], laid out
 * [count, height, width, 1] row-major (NHWC, like TFLite inputs). Immutable: arrays are copied in and out.
 */
public final class LabeledImages {
  private final int height;
  private final int width;
  private final float[] pixels;
  private final int[] labels;

  LabeledImages(int height, int width, float[] pixels, int[] labels) {
    this.height = height;
    this.width = width;
    this.pixels = pixels;
    this.labels = labels;
  }

  /**
   * Pairs an IDX image file [count, height, width] with an IDX label file [count], scaling bytes by 1/255 as
   * MNIST-style training expects.
   */
  public static LabeledImages fromIdx(IdxArray images, IdxArray labels) {
    if (images == null || labels == null) {
      throw new IllegalArgumentException("images or labels are null");
    }
    Shape is = images.shape();
    Shape ls = labels.shape();
    if (is.rank() != 3) {
      throw new DatasetFormatException("IDX images have shape " + is + "; expected [count, height, width]");
    }
    if (ls.rank() != 1 || ls.dim(0) != is.dim(0)) {
      throw new DatasetFormatException("IDX labels have shape " + ls + "; expected [" + is.dim(0) + "]");
    }
    byte[] raw = images.copyData();
    float[] pixels = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      pixels[i] = (raw[i] & 0xFF) / 255f;
    }
    int[] classes = new int[ls.dim(0)];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = labels.unsignedByte(i);
    }
    return new LabeledImages(is.dim(1), is.dim(2), pixels, classes);
  }

  public int count() {
    return labels.length;
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  /** [count, height, width, 1]. */
  public Shape shape() {
    return Shape.of(labels.length, height, width, 1);
  }

  public int label(int index) {
    checkIndex(index);
    return labels[index];
  }

  public float pixel(int index, int y, int x) {
    checkIndex(index);
    if (y < 0 || y >= height || x < 0 || x >= width) {
      throw new IndexOutOfBoundsException("pixel (" + y + ", " + x + ") outside " + height + "x" + width);
    }
    return pixels[(index * height + y) * width + x];
  }

  /** A fresh copy of all pixels, [count, height, width, 1] row-major. */
  public float[] copyPixels() {
    return pixels.clone();
  }

  /** A fresh copy of all labels, one per image. */
  public int[] copyLabels() {
    return labels.clone();
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= labels.length) {
      throw new IndexOutOfBoundsException("image " + index + " out of range [0, " + labels.length + ")");
    }
  }
}
