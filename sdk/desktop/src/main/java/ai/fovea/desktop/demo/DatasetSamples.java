package ai.fovea.desktop.demo;

import ai.fovea.models.data.IdxArray;
import ai.fovea.models.data.IdxReader;
import ai.fovea.models.data.LabeledImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A few real test images of an MNIST-format dataset for the demo and the pipeline benchmark: the first test image of
 * each class, in class order (from the test IDX files alone, without loading the training set).
 */
final class DatasetSamples {
  private DatasetSamples() {}

  /**
   * Up to {@code count} pictures from the gzip or plain IDX pair {@code images}/{@code labels}, one per class,
   * named {@code <prefix>_<index>}, each with its class name as the truth.
   */
  static List<DemoPicture> firstOfEachClass(Path images, Path labels, List<String> classNames, String prefix,
      int count) throws IOException {
    return firstOfEachClass(LabeledImages.fromIdx(read(images), read(labels)), classNames, prefix, count);
  }

  /** The same from images already loaded (pixels in [0, 1], one channel). */
  static List<DemoPicture> firstOfEachClass(LabeledImages set, List<String> classNames, String prefix, int count) {
    boolean[] taken = new boolean[classNames.size()];
    List<DemoPicture> pictures = new ArrayList<>();
    int h = set.height();
    int w = set.width();
    for (int i = 0; i < set.count() && pictures.size() < count; i++) {
      int label = set.label(i);
      if (label >= taken.length || taken[label]) {
        continue;
      }
      taken[label] = true;
      BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      for (int r = 0; r < h; r++) {
        for (int c = 0; c < w; c++) {
          int v = Math.round(255 * set.pixel(i, r, c, 0));
          image.setRGB(c, r, v << 16 | v << 8 | v);
        }
      }
      pictures.add(new DemoPicture(String.format(Locale.ROOT, "%s_%05d", prefix, i), image, classNames.get(label)));
    }
    return pictures;
  }

  private static IdxArray read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return IdxReader.read(in);
    }
  }
}
