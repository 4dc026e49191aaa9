package ai.fovea.models.classic;

import java.util.Random;

/** Seeded synthetic data for the classic classifiers: well separated Gaussian clusters, one per class. */
final class ClassicData {
  final float[] rows;
  final int[] labels;
  final int dimensions;
  final int classes;

  private ClassicData(float[] rows, int[] labels, int dimensions, int classes) {
    this.rows = rows;
    this.labels = labels;
    this.dimensions = dimensions;
    this.classes = classes;
  }

  /** {@code count} rows; class c is centred at 4·e_c (plus a shared offset) with unit noise. */
  static ClassicData clusters(int count, int dimensions, int classes, long seed) {
    Random random = new Random(seed);
    float[] rows = new float[count * dimensions];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      int c = random.nextInt(classes);
      labels[i] = c;
      for (int d = 0; d < dimensions; d++) {
        rows[i * dimensions + d] = 0.5f + (d == c % dimensions ? 4f * (1 + c / dimensions) : 0f)
            + 0.5f * (float) random.nextGaussian();
      }
    }
    return new ClassicData(rows, labels, dimensions, classes);
  }

  static double accuracy(int[] predicted, int[] labels) {
    int right = 0;
    for (int i = 0; i < labels.length; i++) {
      right += predicted[i] == labels[i] ? 1 : 0;
    }
    return (double) right / labels.length;
  }
}
