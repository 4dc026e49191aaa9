package ai.fovea.models.train;

import ai.fovea.models.data.LabeledImages;

/**
 * Labelled images as the trainer reads them: pixels in [0, 1], [count, H, W, C] row-major, one label each.
 * Immutable; {@link #subset} copies.
 */
public final class ImageSet {
  private final int height;
  private final int width;
  private final int channels;
  private final float[] pixels;
  private final int[] labels;

  private ImageSet(int height, int width, int channels, float[] pixels, int[] labels) {
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.pixels = pixels;
    this.labels = labels;
  }

  public static ImageSet of(LabeledImages images) {
    return new ImageSet(images.height(), images.width(), images.channels(), images.copyPixels(),
        images.copyLabels());
  }

  /** Copies {@code pixels} [labels.length, height, width, channels] and {@code labels}. */
  public static ImageSet of(int height, int width, int channels, float[] pixels, int[] labels) {
    if (height < 1 || width < 1 || channels < 1 || pixels == null || labels == null
        || pixels.length != (long) labels.length * height * width * channels) {
      throw new IllegalArgumentException("pixels do not match " + (labels == null ? "?" : labels.length) + " images of "
          + height + "x" + width + "x" + channels);
    }
    for (int label : labels) {
      if (label < 0) {
        throw new IllegalArgumentException("labels must be >= 0, got " + label);
      }
    }
    return new ImageSet(height, width, channels, pixels.clone(), labels.clone());
  }

  /** The images at {@code [from, to)}. */
  public ImageSet subset(int from, int to) {
    if (from < 0 || to > count() || from > to) {
      throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") outside [0, " + count() + ")");
    }
    int size = imageSize();
    float[] p = java.util.Arrays.copyOfRange(pixels, from * size, to * size);
    return new ImageSet(height, width, channels, p, java.util.Arrays.copyOfRange(labels, from, to));
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

  public int imageSize() {
    return height * width * channels;
  }

  /** Number of classes: the largest label + 1. */
  public int classes() {
    int max = -1;
    for (int label : labels) {
      max = Math.max(max, label);
    }
    return max + 1;
  }

  public int label(int index) {
    return labels[index];
  }

  /** Copies image {@code index}'s pixels into {@code out} at {@code offset}. */
  public void copyImage(int index, float[] out, int offset) {
    System.arraycopy(pixels, index * imageSize(), out, offset, imageSize());
  }

  /** Pixel value of image {@code index} at (y, x, channel c). */
  public float pixel(int index, int y, int x, int c) {
    return pixels[((index * height + y) * width + x) * channels + c];
  }

  /** A fresh copy of all pixels, [count, H, W, C] row-major. */
  public float[] copyPixels() {
    return pixels.clone();
  }

  /** A fresh copy of all labels. */
  public int[] copyLabels() {
    return labels.clone();
  }

  /** Mean and standard deviation over every pixel (one value for all channels). */
  public Normalization normalization() {
    double sum = 0;
    double squares = 0;
    for (float p : pixels) {
      sum += p;
      squares += (double) p * p;
    }
    double mean = sum / pixels.length;
    double std = Math.sqrt(Math.max(squares / pixels.length - mean * mean, 1e-12));
    return new Normalization((float) mean, (float) std);
  }
}
