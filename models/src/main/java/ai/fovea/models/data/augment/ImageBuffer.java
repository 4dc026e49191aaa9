package ai.fovea.models.data.augment;

import java.util.Arrays;

/**
 * One image being augmented: height × width × channels floats, row-major HWC, pixels in [0, 1]. Mutable on
 * purpose: it is the working buffer that every {@link Augmentation} of a pipeline transforms in place, so a
 * pipeline costs no allocation per step beyond what a step needs itself.
 */
public final class ImageBuffer {
  private final int height;
  private final int width;
  private final int channels;
  private final float[] pixels;

  public ImageBuffer(int height, int width, int channels) {
    if (height < 1 || width < 1 || channels < 1 || (long) height * width * channels > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("image size " + height + "x" + width + "x" + channels + " is invalid");
    }
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.pixels = new float[height * width * channels];
  }

  /** A buffer holding a copy of {@code pixels} ([height, width, channels] row-major). */
  public static ImageBuffer of(int height, int width, int channels, float... pixels) {
    if (pixels == null || pixels.length != (long) height * width * channels) {
      throw new IllegalArgumentException((pixels == null ? "null" : pixels.length + "") + " values are not one "
          + height + "x" + width + "x" + channels + " image");
    }
    ImageBuffer image = new ImageBuffer(height, width, channels);
    image.load(pixels, 0);
    return image;
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

  /** Values in the image: height × width × channels. */
  public int size() {
    return pixels.length;
  }

  /** The live pixel array, [height, width, channels] row-major; augmentations read and write it directly. */
  public float[] pixels() {
    return pixels;
  }

  public float get(int y, int x, int channel) {
    return pixels[index(y, x, channel)];
  }

  public void set(int y, int x, int channel, float value) {
    pixels[index(y, x, channel)] = value;
  }

  /** Replaces the contents with {@link #size()} values of {@code source} from {@code offset}. */
  public void load(float[] source, int offset) {
    if (source == null || offset < 0 || offset > source.length - pixels.length) {
      throw new IndexOutOfBoundsException("need " + pixels.length + " values at offset " + offset + " of "
          + (source == null ? "null" : source.length + " values"));
    }
    System.arraycopy(source, offset, pixels, 0, pixels.length);
  }

  /** Copies the contents into {@code target} at {@code offset}. */
  public void store(float[] target, int offset) {
    if (target == null || offset < 0 || offset > target.length - pixels.length) {
      throw new IndexOutOfBoundsException("no room for " + pixels.length + " values at offset " + offset + " in "
          + (target == null ? "null" : target.length + " values"));
    }
    System.arraycopy(pixels, 0, target, offset, pixels.length);
  }

  /** A fresh copy of the pixels. */
  public float[] copyPixels() {
    return pixels.clone();
  }

  private int index(int y, int x, int channel) {
    if (y < 0 || y >= height || x < 0 || x >= width || channel < 0 || channel >= channels) {
      throw new IndexOutOfBoundsException("pixel (" + y + ", " + x + ", " + channel + ") outside " + height + "x"
          + width + "x" + channels);
    }
    return (y * width + x) * channels + channel;
  }

  @Override
  public String toString() {
    return height + "x" + width + "x" + channels + " " + Arrays.toString(pixels);
  }
}
