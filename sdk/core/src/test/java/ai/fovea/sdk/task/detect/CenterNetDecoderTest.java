package ai.fovea.sdk.task.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CenterNetDecoderTest {
  private static Tensor[] outputs(float[] heat, float[] offsets, float[] sizes, int h, int w, int classes) {
    return new Tensor[] {Tensor.ofFloats("heatmap", Shape.of(1, h, w, classes), heat), Tensor.ofFloats("offsets", Shape.of(1, h, w, 2), offsets),
        Tensor.ofFloats("sizes", Shape.of(1, h, w, 2), sizes)};
  }

  /** Runs both forms, checks they agree exactly, returns the result. */
  private static List<Detection> decode(CenterNetDecoderOptions options, Tensor[] outputs) {
    CenterNetDecoder decoder = new CenterNetDecoder(options);
    decoder.prepare(outputs);
    DetectionCandidates out = new DetectionCandidates(decoder.capacity(), 0);
    decoder.decode(outputs, out);
    List<Detection> reference = CenterNetDecoder.reference(options, outputs);
    assertEquals(reference, out.toDetections());
    return reference;
  }

  @Test
  void findsLocalMaximaAndDecodesTheirBoxes() {
    // 4 x 4 map, 2 classes. Class 0 has a peak 0.9 at (1, 1) next to 0.8 at (1, 2) (not a peak) and 0.6 at (3, 3);
    // class 1 has a plateau of two 0.7s at (0, 3) and (1, 3): both are kept, the lower index first.
    int h = 4;
    int w = 4;
    float[] heat = new float[h * w * 2];
    heat[(1 * w + 1) * 2] = 0.9f;
    heat[(1 * w + 2) * 2] = 0.8f;
    heat[(3 * w + 3) * 2] = 0.6f;
    heat[(0 * w + 3) * 2 + 1] = 0.7f;
    heat[(1 * w + 3) * 2 + 1] = 0.7f;
    float[] offsets = new float[h * w * 2];
    float[] sizes = new float[h * w * 2];
    offsets[2 * (1 * w + 1)] = 0.5f;
    offsets[2 * (1 * w + 1) + 1] = 0.25f;
    sizes[2 * (1 * w + 1)] = 2;
    sizes[2 * (1 * w + 1) + 1] = 1;
    CenterNetDecoderOptions options = CenterNetDecoderOptions.builder().scoreConversion(ScoreConversion.NONE).minScore(0.5f).build();
    List<Detection> d = decode(options, outputs(heat, offsets, sizes, h, w, 2));
    assertEquals(4, d.size());
    // Centre ((1 + 0.5) / 4, (1 + 0.25) / 4) = (0.375, 0.3125), size (2 / 4, 1 / 4).
    assertEquals(Detection.of(Box.of(0.125f, 0.1875f, 0.625f, 0.4375f), 0, 0.9f), d.get(0));
    assertEquals(1, d.get(1).classId());
    assertEquals(0.7f, d.get(1).score(), 0);
    // No offsets and no size: points at the cell corners (3 / 4, 0) and (3 / 4, 1 / 4).
    assertEquals(Box.of(0.75f, 0, 0.75f, 0), d.get(1).box());
    assertEquals(Box.of(0.75f, 0.25f, 0.75f, 0.25f), d.get(2).box());
    assertEquals(0.6f, d.get(3).score(), 0);
    // Top 2 only.
    CenterNetDecoderOptions top2 = CenterNetDecoderOptions.builder().scoreConversion(ScoreConversion.NONE).minScore(0.5f).maxPeaks(2).build();
    assertEquals(d.subList(0, 2), decode(top2, outputs(heat, offsets, sizes, h, w, 2)));
  }

  @Test
  void yxhwOrderNormalizedSizesAndSigmoid() {
    float[] heat = {2, -1, -1, -1};
    float[] offsets = {0.5f, 0.25f, 0, 0, 0, 0, 0, 0};
    float[] sizes = {0.2f, 0.4f, 0, 0, 0, 0, 0, 0};
    CenterNetDecoderOptions options = CenterNetDecoderOptions.builder().encoding(BoxEncoding.YXHW).normalizedSizes(true).minScore(0.5f).build();
    List<Detection> d = decode(options, outputs(heat, offsets, sizes, 2, 2, 1));
    assertEquals(1, d.size());
    // dy = 0.5, dx = 0.25: centre (0.25 / 2, 0.5 / 2); h = 0.2, w = 0.4.
    assertEquals(0.125f - 0.2f, d.get(0).box().left(), 1e-6f);
    assertEquals(0.25f - 0.1f, d.get(0).box().top(), 1e-6f);
    assertEquals(0.880797f, d.get(0).score(), 1e-6f);
  }

  @Test
  void rawFloorIsTheExactSigmoidThreshold() {
    Random random = new Random(5);
    for (int i = 0; i < 200; i++) {
      float min = i == 0 ? 0.5f : random.nextFloat();
      CenterNetDecoderOptions options = CenterNetDecoderOptions.builder().minScore(min).build();
      float floor = CenterNetDecoder.rawFloor(options);
      float sigmoidAtFloor = 1.0f / (1.0f + (float) Math.exp(-floor));
      float below = Math.nextDown(floor);
      assertTrue(sigmoidAtFloor >= min, "floor " + floor + " for " + min);
      assertTrue(1.0f / (1.0f + (float) Math.exp(-below)) < min, "below floor " + below + " for " + min);
    }
    assertEquals(Float.NEGATIVE_INFINITY, CenterNetDecoder.rawFloor(CenterNetDecoderOptions.builder().minScore(0).build()), 0);
    assertTrue(Float.isNaN(CenterNetDecoder.rawFloor(CenterNetDecoderOptions.builder().minScore(1.5f).build())));
  }

  @Test
  void optimizedMatchesReferenceOnSeededRandomHeatmaps() {
    Random random = new Random(77);
    for (int trial = 0; trial < 150; trial++) {
      int h = 1 + random.nextInt(12);
      int w = 1 + random.nextInt(12);
      int classes = 1 + random.nextInt(4);
      float[] heat = new float[h * w * classes];
      for (int i = 0; i < heat.length; i++) {
        // Coarse levels make plateaus and ties; a few NaNs must neither be peaks nor make neighbours peaks.
        heat[i] = random.nextInt(100) == 0 ? Float.NaN : random.nextInt(12) - 6;
      }
      float[] offsets = new float[h * w * 2];
      float[] sizes = new float[h * w * 2];
      for (int i = 0; i < offsets.length; i++) {
        offsets[i] = random.nextFloat();
        sizes[i] = random.nextInt(20) == 0 ? -1 : random.nextFloat() * 4;
      }
      boolean sigmoid = random.nextBoolean();
      CenterNetDecoderOptions options = CenterNetDecoderOptions.builder()
          .scoreConversion(sigmoid ? ScoreConversion.SIGMOID : ScoreConversion.NONE)
          .minScore(sigmoid ? random.nextFloat() : random.nextInt(8) - 4).maxPeaks(1 + random.nextInt(30))
          .encoding(random.nextBoolean() ? BoxEncoding.XYWH : BoxEncoding.YXHW).build();
      decode(options, outputs(heat, offsets, sizes, h, w, classes));
    }
  }

  @Test
  void quantizedHeatmapsDecodeLikeTheirFloatValues() {
    float[] heat = {1, 3, 0, 2, 5, 1};
    byte[] q = new byte[heat.length];
    for (int i = 0; i < heat.length; i++) {
      q[i] = (byte) (heat[i] * 2 + 10);
    }
    float[] offsets = new float[12];
    float[] sizes = new float[12];
    java.util.Arrays.fill(sizes, 1);
    CenterNetDecoderOptions options = CenterNetDecoderOptions.builder().minScore(0.7f).build();
    List<Detection> expected = decode(options, outputs(heat, offsets, sizes, 2, 3, 1));
    Tensor[] quantized = outputs(heat, offsets, sizes, 2, 3, 1);
    quantized[0] = Tensor.ofBytes("heatmap", DataType.UINT8, Shape.of(1, 2, 3, 1), Quantization.perTensor(0.5f, 10), q);
    assertEquals(1, expected.size());
    assertEquals(expected, decode(options, quantized));
  }

  @Test
  void rejectsMismatchedOutputs() {
    CenterNetDecoder decoder = new CenterNetDecoder(CenterNetDecoderOptions.defaults());
    assertThrows(DetectionOutputException.class, () -> decoder.prepare(new Tensor[] {Tensor.ofFloats("h", Shape.of(2, 2, 2), new float[8])}));
    assertThrows(DetectionOutputException.class, () -> decoder.prepare(new Tensor[] {Tensor.ofFloats("h", Shape.of(1, 2, 2, 1), new float[4]),
        Tensor.ofFloats("o", Shape.of(1, 2, 3, 2), new float[12]), Tensor.ofFloats("s", Shape.of(1, 2, 2, 2), new float[8])}));
    assertThrows(IllegalArgumentException.class, () -> CenterNetDecoderOptions.builder().scoreConversion(ScoreConversion.SOFTMAX));
    assertThrows(IllegalArgumentException.class, () -> CenterNetDecoderOptions.builder().outputs(0, 0, 1));
  }
}
