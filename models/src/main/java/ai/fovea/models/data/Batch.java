package ai.fovea.models.data;

import ai.fovea.kernels.tensor.Shape;

/**
 * One mini-batch from a {@link BatchLoader}: images as float32 NHWC {@code [size, height, width, channels]}
 * (augmented and normalized), their labels, and where each came from. Immutable: accessors return copies.
 */
public final class Batch {
  private final int epoch;
  private final int index;
  private final Shape shape;
  private final float[] pixels;
  private final int[] labels;
  private final int[] sourceIndices;

  Batch(int epoch, int index, Shape shape, float[] pixels, int[] labels, int[] sourceIndices) {
    this.epoch = epoch;
    this.index = index;
    this.shape = shape;
    this.pixels = pixels;
    this.labels = labels;
    this.sourceIndices = sourceIndices;
  }

  /** The epoch this batch belongs to. */
  public int epoch() {
    return epoch;
  }

  /** Position of this batch in its epoch, from 0. */
  public int index() {
    return index;
  }

  /** Number of images. */
  public int size() {
    return labels.length;
  }

  /** {@code [size, height, width, channels]}. */
  public Shape shape() {
    return shape;
  }

  /** A fresh copy of the pixels, {@link #shape()} row-major. */
  public float[] copyPixels() {
    return pixels.clone();
  }

  /** A fresh copy of the labels. */
  public int[] copyLabels() {
    return labels.clone();
  }

  /** A fresh copy of each image's index in the loader's {@link LabeledImages}. */
  public int[] copySourceIndices() {
    return sourceIndices.clone();
  }
}
