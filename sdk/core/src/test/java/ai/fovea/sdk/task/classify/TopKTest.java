package ai.fovea.sdk.task.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopKTest {
  /** Plain reference: dequantize, softmax in double, sort every class by probability then id, filter, cut. */
  private static List<double[]> reference(Tensor t, boolean softmax, float threshold, int k) {
    int n = t.size();
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      switch (t.dataType()) {
        case FLOAT32:
          v[i] = t.floats()[i];
          break;
        case UINT8:
          v[i] = ((t.bytes()[i] & 0xFF) - t.quantization().zeroPoint()) * (double) t.quantization().scale();
          break;
        default:
          v[i] = (t.bytes()[i] - t.quantization().zeroPoint()) * (double) t.quantization().scale();
      }
    }
    if (softmax) {
      double max = java.util.Arrays.stream(v).max().getAsDouble();
      double sum = 0;
      for (int i = 0; i < n; i++) {
        v[i] = Math.exp(v[i] - max);
        sum += v[i];
      }
      for (int i = 0; i < n; i++) {
        v[i] /= sum;
      }
    }
    List<double[]> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if ((float) v[i] >= threshold) {
        all.add(new double[] {i, v[i]});
      }
    }
    all.sort(Comparator.<double[]>comparingDouble(a -> -(float) a[1]).thenComparingDouble(a -> a[0]));
    return all.subList(0, Math.min(k, all.size()));
  }

  private static Tensor random(DataType type, int n, Random random) {
    if (type == DataType.FLOAT32) {
      float[] f = new float[n];
      for (int i = 0; i < n; i++) {
        f[i] = random.nextInt(4) == 0 ? f[Math.max(0, i - 1)] : (float) random.nextGaussian() * 5;
      }
      return Tensor.ofFloats("scores", Shape.of(1, n), f);
    }
    byte[] b = new byte[n];
    random.nextBytes(b);
    return Tensor.ofBytes("scores", type, Shape.of(1, n), Quantization.perTensor(0.05f + random.nextFloat() / 10,
        type == DataType.INT8 ? random.nextInt(50) - 25 : random.nextInt(100)), b);
  }

  @Test
  void matchesSortingEveryClassForEveryTypeThresholdAndK() {
    Random random = new Random(77);
    for (int trial = 0; trial < 500; trial++) {
      DataType type = new DataType[] {DataType.FLOAT32, DataType.INT8, DataType.UINT8}[trial % 3];
      int n = 1 + random.nextInt(40);
      Tensor t = random(type, n, random);
      boolean softmax = random.nextBoolean();
      float threshold = random.nextInt(3) == 0 ? 0 : random.nextFloat() * (softmax ? 0.2f : 3);
      int k = 1 + random.nextInt(n + 2);
      int[] ids = new int[k];
      float[] scores = new float[k];
      int count = new TopK(n, softmax).select(t, threshold, ids, scores);
      List<double[]> expected = reference(t, softmax, threshold, k);
      assertEquals(expected.size(), count, "trial " + trial);
      for (int i = 0; i < count; i++) {
        assertEquals((int) expected.get(i)[0], ids[i], "trial " + trial + " rank " + i);
        assertEquals(expected.get(i)[1], scores[i], 1e-6 * Math.max(1, Math.abs(expected.get(i)[1])));
      }
    }
  }

  @Test
  void rejectsOutputsOfAnotherClassCount() {
    assertThrows(IllegalArgumentException.class,
        () -> new TopK(3, true).select(Tensor.allocate("x", DataType.FLOAT32, Shape.of(1, 4)), 0, new int[1],
            new float[1]));
    assertThrows(IllegalArgumentException.class, () -> new TopK(0, true));
  }
}
