package ai.fovea.kernels.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked runs of the detection post-processing (decoding with scales, regular and fast NMS, background
 * offset, uint8 dequantization) and its refusals. Conformance with TFLite itself is in ./fovea verify.
 */
class DetectionPostprocessTest {
  private static DetectionPostprocessParams.Builder params() {
    return DetectionPostprocessParams.builder().maxDetections(3).maxClassesPerDetection(1).numClasses(2)
        .scoreThreshold(0.2f).iouThreshold(0.5f).scales(10f, 10f, 5f, 5f);
  }

  private static Tensor[] outputs() {
    return new Tensor[] {Tensor.allocate("b", DataType.FLOAT32, Shape.of(1)),
        Tensor.allocate("c", DataType.FLOAT32, Shape.of(1)), Tensor.allocate("s", DataType.FLOAT32, Shape.of(1)),
        Tensor.allocate("n", DataType.FLOAT32, Shape.of(1))};
  }

  /** Three anchors: 0 and 1 overlap (IoU 0.78), 2 is apart; background column first. */
  private static Tensor[] inputs(float[] scores) {
    float[] encodings = new float[12];
    encodings[8] = 10f; // anchor 2 moves down by one anchor height (y / y_scale · h)
    return new Tensor[] {Tensor.ofFloats("enc", Shape.of(1, 3, 4), encodings),
        Tensor.ofFloats("scores", Shape.of(1, 3, 3), scores),
        Tensor.ofFloats("anchors", Shape.of(3, 4), new float[] {
            0.5f, 0.5f, 0.2f, 0.2f, 0.5f, 0.525f, 0.2f, 0.2f, 0.2f, 0.2f, 0.1f, 0.1f})};
  }

  private static final float[] SCORES = {
      0.1f, 0.9f, 0.3f, // anchor 0: class 0 best
      0.1f, 0.8f, 0.7f, // anchor 1: overlaps anchor 0
      0.1f, 0.1f, 0.6f}; // anchor 2: class 1

  @Test
  void regularNmsSuppressesWithinEachClassOnly() {
    DetectionPostprocess op = new DetectionPostprocess(params().useRegularNms(true).detectionsPerClass(5).build());
    Tensor[] in = inputs(SCORES);
    Tensor[] out = outputs();
    op.prepare(in, out);
    op.run(in, out);
    // Class 0: anchor 0 (0.9) suppresses anchor 1 (0.8). Class 1: anchor 1 (0.7), anchor 2 (0.6); anchor 0 (0.3)
    // is suppressed by anchor 1. The best three over both classes:
    assertEquals(3f, out[3].floats()[0]);
    assertArrayEquals(new float[] {0.9f, 0.7f, 0.6f}, out[2].floats());
    assertArrayEquals(new float[] {0f, 1f, 1f}, out[1].floats());
    // Anchor 2 decoded: y center 0.2 + 10 / 10 · 0.1 = 0.3, half sizes 0.05.
    assertArrayEquals(new float[] {0.25f, 0.15f, 0.35f, 0.25f}, java.util.Arrays.copyOfRange(out[0].floats(), 8, 12),
        1e-6f);
  }

  @Test
  void fastNmsUsesEachAnchorsBestClass() {
    DetectionPostprocess op = new DetectionPostprocess(params().build());
    Tensor[] in = inputs(SCORES);
    Tensor[] out = outputs();
    op.prepare(in, out);
    op.run(in, out);
    // Best scores: anchor 0 → 0.9 (class 0), anchor 1 → 0.8 (suppressed by 0), anchor 2 → 0.6 (class 1).
    assertEquals(2f, out[3].floats()[0]);
    assertArrayEquals(new float[] {0.9f, 0.6f, 0f}, out[2].floats());
    assertArrayEquals(new float[] {0f, 1f, 0f}, out[1].floats());
  }

  @Test
  void dequantizesUint8ScoresAsQMinusZeroPointTimesScale() {
    DetectionPostprocess op = new DetectionPostprocess(params().build());
    Tensor[] in = inputs(SCORES);
    byte[] q = new byte[9];
    for (int i = 0; i < 9; i++) {
      q[i] = (byte) Math.round(SCORES[i] * 100 + 10);
    }
    in[1] = Tensor.ofBytes("scores", DataType.UINT8, Shape.of(1, 3, 3), Quantization.perTensor(0.01f, 10), q);
    // uint8 encodings need uint8 anchors: zero encodings (q = zero point) decode to the anchors themselves.
    in[0] = Tensor.ofBytes("enc", DataType.UINT8, Shape.of(1, 3, 4), Quantization.perTensor(0.1f, 128),
        new byte[] {(byte) 128, (byte) 128, (byte) 128, (byte) 128, (byte) 128, (byte) 128, (byte) 128, (byte) 128,
            (byte) 128, (byte) 128, (byte) 128, (byte) 128});
    in[2] = Tensor.ofBytes("anchors", DataType.UINT8, Shape.of(3, 4), Quantization.perTensor(0.01f, 0),
        new byte[] {50, 50, 20, 20, 50, 53, 20, 20, 20, 20, 10, 10});
    Tensor[] out = outputs();
    op.prepare(in, out);
    op.run(in, out);
    assertEquals(2f, out[3].floats()[0]);
    assertEquals(0.01f * 90, out[2].floats()[0]);
    assertEquals(0.01f * 60, out[2].floats()[1]);
  }

  @Test
  void refusesShapesTypesAndOptionsThatDoNotFit() {
    DetectionPostprocess op = new DetectionPostprocess(params().build());
    Tensor[] in = inputs(SCORES);
    in[2] = Tensor.ofFloats("anchors", Shape.of(2, 4), new float[8]);
    assertThrows(OpPrepareException.class, () -> op.prepare(in, outputs()));
    Tensor[] wrongColumns = inputs(SCORES);
    wrongColumns[1] = Tensor.ofFloats("scores", Shape.of(1, 3, 4), new float[12]);
    assertThrows(OpPrepareException.class, () -> op.prepare(wrongColumns, outputs()));
    assertThrows(IllegalArgumentException.class, () -> params().iouThreshold(0f).build());
    assertThrows(IllegalArgumentException.class, () -> params().scales(0f, 10f, 5f, 5f).build());
    assertThrows(IllegalArgumentException.class, () -> params().useRegularNms(true).detectionsPerClass(0).build());
    assertThrows(IllegalArgumentException.class, () -> params().maxDetections(0).build());
  }

  @Test
  void aNegativeAnchorSizeFailsTheRunLikeTflite() {
    DetectionPostprocess op = new DetectionPostprocess(params().build());
    Tensor[] in = inputs(SCORES);
    in[2].floats()[2] = -0.2f;
    Tensor[] out = outputs();
    op.prepare(in, out);
    assertThrows(IllegalStateException.class, () -> op.run(in, out));
  }
}
