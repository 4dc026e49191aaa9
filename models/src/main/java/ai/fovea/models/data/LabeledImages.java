package ai.fovea.models.data;

import ai.fovea.kernels.tensor.Shape;
import java.util.Arrays;

/**
 * Images with one class label each, as training reads them: pixels float32 in [0, 1], laid out
 * [count, height, width, channels] row-major (NHWC, like TFLite inputs). Immutable: arrays are copied in and out.
 */
public final class LabeledImages {
  private final int height;
  private final int width;
  private final int channels;
  private final float[] pixels;
  private final int[] labels;

  LabeledImages(int height, int width, int channels, float[] pixels, int[] labels) {
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.pixels = pixels;
    this.labels = labels;
  }

  /**
   * Copies {@code pixels} ([labels.length, height, width, channels] row-major, each in [0, 1]) and {@code labels}
   * (each ≥ 0).
   */
  public static LabeledImages of(int height, int width, int channels, float[] pixels, int[] labels) {
    if (height < 1 || width < 1 || channels < 1) {
      throw new IllegalArgumentException("image size " + height + "x" + width + "x" + channels + " must be positive");
    }
    if (pixels == null || labels == null) {
      throw new IllegalArgumentException("pixels or labels are null");
    }
    if (pixels.length != (long) labels.length * height * width * channels) {
      throw new IllegalArgumentException(pixels.length + " pixels are not " + labels.length + " images of "
          + height + "x" + width + "x" + channels);
    }
    for (int i = 0; i < pixels.length; i++) {
      if (!(pixels[i] >= 0f && pixels[i] <= 1f)) {
        throw new IllegalArgumentException("pixel " + i + " is " + pixels[i] + "; pixels must lie in [0, 1]");
      }
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException("label " + i + " is " + labels[i] + "; labels must be >= 0");
      }
    }
    return new LabeledImages(height, width, channels, pixels.clone(), labels.clone());
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
    return new LabeledImages(is.dim(1), is.dim(2), 1, pixels, classes);
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

  public int channels() {
    return channels;
  }

  /** Values per image: height × width × channels. */
  public int imageSize() {
    return height * width * channels;
  }

  /** [count, height, width, channels]. */
  public Shape shape() {
    return Shape.of(labels.length, height, width, channels);
  }

  /** Number of classes: the largest label + 1 (0 for an empty set). */
  public int classes() {
    int max = -1;
    for (int label : labels) {
      max = Math.max(max, label);
    }
    return max + 1;
  }

  public int label(int index) {
    checkIndex(index);
    return labels[index];
  }

  public float pixel(int index, int y, int x, int channel) {
    checkIndex(index);
    if (y < 0 || y >= height || x < 0 || x >= width || channel < 0 || channel >= channels) {
      throw new IndexOutOfBoundsException("pixel (" + y + ", " + x + ", " + channel + ") outside " + height + "x"
          + width + "x" + channels);
    }
    return pixels[((index * height + y) * width + x) * channels + channel];
  }

  /** Copies image {@code index} ([height, width, channels]) into {@code out} at {@code offset}. */
  public void copyImage(int index, float[] out, int offset) {
    checkIndex(index);
    if (out == null || offset < 0 || offset > out.length - imageSize()) {
      throw new IndexOutOfBoundsException("no room for " + imageSize() + " values at offset " + offset + " in "
          + (out == null ? "null" : out.length + " values"));
    }
    System.arraycopy(pixels, index * imageSize(), out, offset, imageSize());
  }

  /** The images at {@code indices}, in that order (repeats allowed). */
  public LabeledImages select(int[] indices) {
    if (indices == null) {
      throw new IllegalArgumentException("indices are null");
    }
    int size = imageSize();
    float[] p = new float[indices.length * size];
    int[] l = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      checkIndex(indices[i]);
      System.arraycopy(pixels, indices[i] * size, p, i * size, size);
      l[i] = labels[indices[i]];
    }
    return new LabeledImages(height, width, channels, p, l);
  }

  /** The images at {@code [from, to)}. */
  public LabeledImages range(int from, int to) {
    if (from < 0 || to > count() || from > to) {
      throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") outside [0, " + count() + ")");
    }
    int size = imageSize();
    return new LabeledImages(height, width, channels, Arrays.copyOfRange(pixels, from * size, to * size),
        Arrays.copyOfRange(labels, from, to));
  }

  /** A fresh copy of all pixels, [count, height, width, channels] row-major. */
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
