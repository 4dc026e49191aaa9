package ai.fovea.models.data.augment;

import java.util.Arrays;
import java.util.Random;

/**
 * All geometric augmentations of an image in one resampling: the {@link RandomTransform}s are drawn in order,
 * composed (first one applied first) about the image centre {@code ((width-1)/2, (height-1)/2)}, and the image
 * is warped once with bilinear sampling, so flip + rotate + scale blur the image once, not three times.
 * Each output pixel samples the source at the inverse-mapped position; source pixels outside the image count
 * as {@code fill}. Positions that land on whole pixels copy them exactly (flips, quarter turns of square images,
 * whole-pixel shifts). Immutable.
 */
public final class AffineWarp implements Augmentation {
  private final RandomTransform[] parts;
  private final float fill;

  private AffineWarp(RandomTransform[] parts, float fill) {
    this.parts = parts;
    this.fill = fill;
  }

  /** A warp composed of {@code parts} (applied in that order) that fills uncovered pixels with 0. */
  public static AffineWarp of(RandomTransform... parts) {
    if (parts == null || parts.length == 0) {
      throw new IllegalArgumentException("an affine warp needs at least one transform");
    }
    for (RandomTransform part : parts) {
      if (part == null) {
        throw new IllegalArgumentException("transform is null");
      }
    }
    return new AffineWarp(parts.clone(), 0f);
  }

  /** The same warp filling uncovered pixels with {@code value} (the background, 0 for MNIST-style images). */
  public AffineWarp withFill(float value) {
    checkFill(value);
    return new AffineWarp(parts, value);
  }

  @Override
  public void apply(ImageBuffer image, Random random) {
    AffineTransform centred = AffineTransform.identity();
    for (RandomTransform part : parts) {
      centred = centred.then(part.sample(random));
    }
    warp(image, centred, fill);
  }

  /**
   * Warps {@code image} in place by {@code centred} (origin at the image centre), bilinear, {@code fill} outside.
   */
  public static void warp(ImageBuffer image, AffineTransform centred, float fill) {
    if (image == null || centred == null) {
      throw new IllegalArgumentException("image or transform is null");
    }
    checkFill(fill);
    int h = image.height();
    int w = image.width();
    int channels = image.channels();
    double cx = (w - 1) / 2.0;
    double cy = (h - 1) / 2.0;
    AffineTransform inverse = centred.inverse();
    float[] source = image.copyPixels();
    float[] out = image.pixels();
    double[] sample = new double[channels];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double sx = inverse.mapX(x - cx, y - cy) + cx;
        double sy = inverse.mapY(x - cx, y - cy) + cy;
        bilinear(source, h, w, channels, sx, sy, fill, sample);
        int base = (y * w + x) * channels;
        for (int c = 0; c < channels; c++) {
          out[base + c] = (float) sample[c];
        }
      }
    }
  }

  /** The value at (sx, sy) from the four nearest pixels, each outside one counted as {@code fill}. */
  private static void bilinear(float[] source, int h, int w, int channels, double sx, double sy, float fill,
      double[] sample) {
    if (!(sx > -1 && sx < w && sy > -1 && sy < h)) {
      Arrays.fill(sample, fill);
      return;
    }
    int x0 = (int) Math.floor(sx);
    int y0 = (int) Math.floor(sy);
    double fx = sx - x0;
    double fy = sy - y0;
    Arrays.fill(sample, 0);
    accumulate(source, h, w, channels, y0, x0, (1 - fy) * (1 - fx), fill, sample);
    accumulate(source, h, w, channels, y0, x0 + 1, (1 - fy) * fx, fill, sample);
    accumulate(source, h, w, channels, y0 + 1, x0, fy * (1 - fx), fill, sample);
    accumulate(source, h, w, channels, y0 + 1, x0 + 1, fy * fx, fill, sample);
  }

  private static void accumulate(float[] source, int h, int w, int channels, int y, int x, double weight,
      float fill, double[] sample) {
    if (weight == 0) {
      return;
    }
    boolean inside = y >= 0 && y < h && x >= 0 && x < w;
    int base = (y * w + x) * channels;
    for (int c = 0; c < channels; c++) {
      sample[c] += weight * (inside ? source[base + c] : fill);
    }
  }

  private static void checkFill(float value) {
    if (!Float.isFinite(value)) {
      throw new IllegalArgumentException("fill value " + value + " must be finite");
    }
  }
}
