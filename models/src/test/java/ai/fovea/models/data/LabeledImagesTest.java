package ai.fovea.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.Shape;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Pairing IDX images with IDX labels, and reading the real Fashion-MNIST test split as Debian's
 * {@code dataset-fashion-mnist} installs it (that test is skipped, saying so, where the package is absent;
 * {@code -Dfovea.fashionMnist=DIR} points it elsewhere).
 */
class LabeledImagesTest {
  private static final File FASHION_MNIST =
      new File(System.getProperty("fovea.fashionMnist", "/usr/share/datasets/fashion-mnist"));

  @Test
  void pairsIdxImagesWithLabelsScalingBytesToUnitRange() {
    IdxArray images = IdxReader.read(IdxReaderTest.idx(0x08, new int[] {2, 1, 2},
        new byte[] {0, (byte) 255, 51, (byte) 204}));
    IdxArray labels = IdxReader.read(IdxReaderTest.idx(0x08, new int[] {2}, new byte[] {7, 3}));
    LabeledImages set = LabeledImages.fromIdx(images, labels);
    assertEquals(Shape.of(2, 1, 2, 1), set.shape());
    assertArrayEquals(new float[] {0f, 1f, 0.2f, 0.8f}, set.copyPixels());
    assertArrayEquals(new int[] {7, 3}, set.copyLabels());
    assertEquals(0.8f, set.pixel(1, 0, 1, 0));
  }

  @Test
  void selectsAndSlicesMultiChannelImages() {
    // Three 1x1 images with 2 channels: (0.1, 0.2), (0.3, 0.4), (0.5, 0.6).
    LabeledImages set = LabeledImages.of(1, 1, 2, new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, new int[] {5, 6, 7});
    assertEquals(Shape.of(3, 1, 1, 2), set.shape());
    assertEquals(8, set.classes());
    LabeledImages picked = set.select(new int[] {2, 0, 2});
    assertArrayEquals(new float[] {0.5f, 0.6f, 0.1f, 0.2f, 0.5f, 0.6f}, picked.copyPixels());
    assertArrayEquals(new int[] {7, 5, 7}, picked.copyLabels());
    LabeledImages tail = set.range(1, 3);
    assertArrayEquals(new float[] {0.3f, 0.4f, 0.5f, 0.6f}, tail.copyPixels());
    assertEquals(0.4f, tail.pixel(0, 0, 0, 1));
    float[] out = new float[4];
    set.copyImage(1, out, 2);
    assertArrayEquals(new float[] {0f, 0f, 0.3f, 0.4f}, out);
    assertThrows(IndexOutOfBoundsException.class, () -> set.select(new int[] {3}));
    assertThrows(IndexOutOfBoundsException.class, () -> set.range(2, 4));
    assertThrows(IndexOutOfBoundsException.class, () -> set.copyImage(0, out, 3));
  }

  @Test
  void ofValidatesSizesRangeAndLabels() {
    assertThrows(IllegalArgumentException.class, () -> LabeledImages.of(1, 1, 1, new float[2], new int[1]));
    assertThrows(IllegalArgumentException.class, () -> LabeledImages.of(1, 1, 1, new float[] {1.5f}, new int[1]));
    assertThrows(IllegalArgumentException.class, () -> LabeledImages.of(1, 1, 1, new float[] {Float.NaN},
        new int[1]));
    assertThrows(IllegalArgumentException.class, () -> LabeledImages.of(1, 1, 1, new float[1], new int[] {-1}));
    assertThrows(IllegalArgumentException.class, () -> LabeledImages.of(0, 1, 1, new float[0], new int[0]));
    float[] pixels = {0.5f};
    LabeledImages set = LabeledImages.of(1, 1, 1, pixels, new int[] {0});
    pixels[0] = 0.9f;
    assertEquals(0.5f, set.pixel(0, 0, 0, 0), "copied in");
  }

  @Test
  void rejectsLabelCountThatDiffersFromImageCount() {
    IdxArray images = IdxReader.read(IdxReaderTest.idx(0x08, new int[] {2, 1, 1}, new byte[2]));
    IdxArray labels = IdxReader.read(IdxReaderTest.idx(0x08, new int[] {3}, new byte[3]));
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> LabeledImages.fromIdx(images, labels));
    assertTrue(e.getMessage().contains("expected [2]"), e.getMessage());
  }

  @Test
  void rejectsImagesThatAreNotRankThree() {
    IdxArray flat = IdxReader.read(IdxReaderTest.idx(0x08, new int[] {2}, new byte[2]));
    assertThrows(DatasetFormatException.class, () -> LabeledImages.fromIdx(flat, flat));
  }

  @Test
  void readsDebianFashionMnistTestSplit() throws IOException {
    File imagesFile = new File(FASHION_MNIST, "t10k-images-idx3-ubyte.gz");
    File labelsFile = new File(FASHION_MNIST, "t10k-labels-idx1-ubyte.gz");
    Assumptions.assumeTrue(imagesFile.isFile() && labelsFile.isFile(),
        "Debian package dataset-fashion-mnist not installed: no " + imagesFile);
    LabeledImages test;
    try (InputStream images = new FileInputStream(imagesFile);
        InputStream labels = new FileInputStream(labelsFile)) {
      test = LabeledImages.fromIdx(IdxReader.read(images), IdxReader.read(labels));
    }
    assertEquals(Shape.of(10000, 28, 28, 1), test.shape());
    int[] labels = test.copyLabels();
    assertArrayEquals(new int[] {9, 2, 1, 1, 6}, Arrays.copyOf(labels, 5));
    int[] perClass = new int[10];
    for (int label : labels) {
      perClass[label]++;
    }
    int[] balanced = new int[10];
    Arrays.fill(balanced, 1000);
    assertArrayEquals(balanced, perClass, "the test split holds 1000 images of each class");
    float sum = 0;
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        sum += test.pixel(0, y, x, 0);
      }
    }
    assertEquals(33456 / 255f, sum, 1e-3f, "pixel sum of the first image, bytes summed independently");
  }
}
