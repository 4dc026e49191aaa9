package ai.fovea.desktop.demo;

import ai.fovea.models.data.IdxArray;
import ai.fovea.models.data.IdxReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A few real test images of an MNIST-format dataset for the demo: the first test image of each class, in class
 * order, read from the gzip IDX files without loading the whole dataset.
 */
final class DatasetSamples {
  private DatasetSamples() {}

  /**
   * Up to {@code count} pictures from {@code images}/{@code labels} (IDX, plain or gzip), one per class, named
   * {@code <prefix>_<index>}, each with its class name as the truth.
   */
  static List<DemoPicture> firstOfEachClass(Path images, Path labels, List<String> classNames, String prefix,
      int count) throws IOException {
    IdxArray x = read(images);
    IdxArray y = read(labels);
    int n = y.shape().dim(0);
    int h = x.shape().dim(1);
    int w = x.shape().dim(2);
    if (x.shape().dim(0) != n) {
      throw new IOException(images + " holds " + x.shape().dim(0) + " images but " + labels + " " + n + " labels");
    }
    boolean[] taken = new boolean[classNames.size()];
    List<DemoPicture> pictures = new ArrayList<>();
    for (int i = 0; i < n && pictures.size() < count; i++) {
      int label = y.unsignedByte(i);
      if (label >= taken.length || taken[label]) {
        continue;
      }
      taken[label] = true;
      BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      for (int r = 0; r < h; r++) {
        for (int c = 0; c < w; c++) {
          int v = x.unsignedByte((i * h + r) * w + c);
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
