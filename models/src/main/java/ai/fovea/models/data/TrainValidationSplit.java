package ai.fovea.models.data;

import java.util.Random;

/**
 * A seeded partition of labelled images into a training and a validation part. {@link #random} draws the
 * validation images uniformly; {@link #stratified} draws them per class so that each class keeps its share
 * (class quotas by largest remainder, so they add up to the requested count exactly); {@link #lastOfEachClass}
 * takes the same quotas from the end of each class, without randomness. Both parts keep the images' original
 * order. Immutable.
 */
public final class TrainValidationSplit {
  private final LabeledImages train;
  private final LabeledImages validation;
  private final int[] trainIndices;
  private final int[] validationIndices;

  private TrainValidationSplit(LabeledImages images, boolean[] validationMask) {
    int v = 0;
    for (boolean inValidation : validationMask) {
      v += inValidation ? 1 : 0;
    }
    trainIndices = new int[validationMask.length - v];
    validationIndices = new int[v];
    int t = 0;
    v = 0;
    for (int i = 0; i < validationMask.length; i++) {
      if (validationMask[i]) {
        validationIndices[v++] = i;
      } else {
        trainIndices[t++] = i;
      }
    }
    train = images.select(trainIndices);
    validation = images.select(validationIndices);
  }

  /** {@code validationCount} images chosen uniformly at random (seeded) for validation, the rest for training. */
  public static TrainValidationSplit random(LabeledImages images, int validationCount, long seed) {
    check(images, validationCount);
    int[] order = Shuffle.permutation(images.count(), seed);
    boolean[] mask = new boolean[images.count()];
    for (int i = 0; i < validationCount; i++) {
      mask[order[i]] = true;
    }
    return new TrainValidationSplit(images, mask);
  }

  /**
   * {@code validationCount} images for validation, each class contributing {@code validationCount × its share}
   * (rounded by largest remainder, ties to the lower class), chosen at random within the class (one seeded
   * permutation per class, classes in label order).
   */
  public static TrainValidationSplit stratified(LabeledImages images, int validationCount, long seed) {
    check(images, validationCount);
    int[] labels = images.copyLabels();
    int[] sizes = classSizes(labels);
    int[][] members = new int[sizes.length][];
    for (int c = 0; c < sizes.length; c++) {
      members[c] = new int[sizes[c]];
    }
    int[] filled = new int[sizes.length];
    for (int i = 0; i < labels.length; i++) {
      members[labels[i]][filled[labels[i]]++] = i;
    }
    int[] quota = quotas(sizes, validationCount, labels.length);
    Random random = new Random(seed);
    boolean[] mask = new boolean[labels.length];
    for (int c = 0; c < sizes.length; c++) {
      int[] order = Shuffle.permutation(sizes[c], random);
      for (int k = 0; k < quota[c]; k++) {
        mask[members[c][order[k]]] = true;
      }
    }
    return new TrainValidationSplit(images, mask);
  }

  /**
   * A fixed split without randomness: each class gives its last {@code quota} images in stored order to
   * validation, quotas as in {@link #stratified}. Anyone can recompute it from the class counts alone (the
   * MNIST 8k/2k split is made this way).
   */
  public static TrainValidationSplit lastOfEachClass(LabeledImages images, int validationCount) {
    check(images, validationCount);
    int[] labels = images.copyLabels();
    int[] sizes = classSizes(labels);
    int[] quota = quotas(sizes, validationCount, labels.length);
    int[] seen = new int[sizes.length];
    boolean[] mask = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      int c = labels[i];
      mask[i] = seen[c]++ >= sizes[c] - quota[c];
    }
    return new TrainValidationSplit(images, mask);
  }

  private static int[] classSizes(int[] labels) {
    int classes = 0;
    for (int label : labels) {
      classes = Math.max(classes, label + 1);
    }
    int[] sizes = new int[classes];
    for (int label : labels) {
      sizes[label]++;
    }
    return sizes;
  }

  /** Largest-remainder apportionment of {@code total} over classes of the given sizes. */
  static int[] quotas(int[] sizes, int total, int n) {
    int[] quota = new int[sizes.length];
    long[] remainder = new long[sizes.length];
    int given = 0;
    for (int c = 0; c < sizes.length; c++) {
      long exact = (long) sizes[c] * total; // quota = exact / n, kept as integers so ties are exact
      quota[c] = (int) (exact / n);
      remainder[c] = exact % n;
      given += quota[c];
    }
    for (; given < total; given++) {
      int best = -1;
      for (int c = 0; c < sizes.length; c++) {
        if (quota[c] < sizes[c] && (best < 0 || remainder[c] > remainder[best])) {
          best = c;
        }
      }
      quota[best]++;
      remainder[best] = -1;
    }
    return quota;
  }

  private static void check(LabeledImages images, int validationCount) {
    if (images == null) {
      throw new IllegalArgumentException("images are null");
    }
    if (validationCount < 0 || validationCount > images.count()) {
      throw new IllegalArgumentException("validation count " + validationCount + " outside [0, " + images.count()
          + "]");
    }
  }

  public LabeledImages train() {
    return train;
  }

  public LabeledImages validation() {
    return validation;
  }

  /** Indices into the original images of the training part, ascending. */
  public int[] trainIndices() {
    return trainIndices.clone();
  }

  /** Indices into the original images of the validation part, ascending. */
  public int[] validationIndices() {
    return validationIndices.clone();
  }
}
