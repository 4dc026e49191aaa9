package ai.fovea.sdk.task.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SsdDecoderTest {
  // Two anchors (y, x, h, w).
  private static final Anchors ANCHORS = Anchors.of(new float[] {0.5f, 0.5f, 0.2f, 0.4f, 0.25f, 0.25f, 0.1f, 0.1f});
  private static final float LN2 = (float) Math.log(2);
  // TensorFlow's y, x, h, w with scales 10, 10, 5, 5: anchor 0 moves by (+0.02, -0.08) and doubles its width.
  private static final float[] RAW_BOXES = {1, -2, 0, 5 * LN2, 0, 0, 0, 0};
  // Columns: background, class 0, class 1.
  private static final float[] RAW_SCORES = {5, 2, -1, 0, -3, -4};

  private static Tensor[] outputs(float[] boxes, float[] scores, int classes) {
    return new Tensor[] {Tensor.ofFloats("boxes", Shape.of(1, boxes.length / 4, 4), boxes),
        Tensor.ofFloats("scores", Shape.of(1, scores.length / classes, classes), scores)};
  }

  private static List<Detection> decode(SsdDecoderOptions options, Tensor[] outputs) {
    SsdDecoder decoder = new SsdDecoder(options);
    decoder.prepare(outputs);
    DetectionCandidates out = new DetectionCandidates(decoder.capacity(), decoder.keypointCount());
    decoder.decode(outputs, out);
    return out.toDetections();
  }

  private static void assertBox(float l, float t, float r, float b, Box box) {
    assertEquals(l, box.left(), 1e-6f, "left of " + box);
    assertEquals(t, box.top(), 1e-6f, "top of " + box);
    assertEquals(r, box.right(), 1e-6f, "right of " + box);
    assertEquals(b, box.bottom(), 1e-6f, "bottom of " + box);
  }

  @Test
  void decodesCentreSizeBoxesWithSigmoidScoresSkippingTheBackground() {
    List<Detection> d = decode(SsdDecoderOptions.builder(ANCHORS).backgroundClasses(1).build(), outputs(RAW_BOXES, RAW_SCORES, 3));
    // Anchor 0: y = 1/10 * 0.2 + 0.5 = 0.52, x = -2/10 * 0.4 + 0.5 = 0.42, h = 0.2, w = 2 * 0.4 = 0.8.
    // Best class 0 (logit 2): sigmoid 0.880797. Anchor 1's best is sigmoid(-3) = 0.047, below 0.5.
    assertEquals(1, d.size());
    assertBox(0.02f, 0.42f, 0.82f, 0.62f, d.get(0).box());
    assertEquals(0, d.get(0).classId());
    assertEquals(0.880797f, d.get(0).score(), 1e-6f);
  }

  @Test
  void softmaxIncludesTheBackgroundAndEveryClassCanBeEmitted() {
    SsdDecoderOptions options = SsdDecoderOptions.builder(ANCHORS).backgroundClasses(1).scoreConversion(ScoreConversion.SOFTMAX)
        .minScore(0.002f).everyClass(true).build();
    List<Detection> d = decode(options, outputs(RAW_BOXES, RAW_SCORES, 3));
    // Anchor 0: softmax(5, 2, -1) = (0.95033, 0.04731, 0.00236); anchor 1: softmax(0, -3, -4) = (0.93623, 0.04661, 0.01715).
    assertEquals(4, d.size());
    assertEquals(0.047314f, d.get(0).score(), 1e-5f);
    assertEquals(0.002356f, d.get(1).score(), 1e-5f);
    assertEquals(1, d.get(1).classId());
    assertEquals(0.046613f, d.get(2).score(), 1e-5f);
    assertEquals(0.017148f, d.get(3).score(), 1e-5f);
    // Anchor 1 with zero offsets is the anchor itself.
    assertBox(0.2f, 0.2f, 0.3f, 0.3f, d.get(2).box());
  }

  @Test
  void linearSizesXywhOrderAndKeypoints() {
    Anchors anchors = Anchors.of(new float[] {0.5f, 0.25f, 1, 1});
    // x, y, w, h, then keypoints x, y; scales 100 and sizes linear (MediaPipe's default).
    float[] raw = {10, -20, 30, 40, 5, 6};
    SsdDecoderOptions options = SsdDecoderOptions.builder(anchors).encoding(BoxEncoding.XYWH).scales(100, 100, 100, 100)
        .exponentialSize(false).keypoints(1, 4).scoreConversion(ScoreConversion.NONE).minScore(0.1f).build();
    List<Detection> d = decode(options, new Tensor[] {Tensor.ofFloats("raw", Shape.of(1, 1, 6), raw),
        Tensor.ofFloats("scores", Shape.of(1, 1, 1), new float[] {0.7f})});
    // Centre (0.25 + 0.1, 0.5 - 0.2), size 0.3 x 0.4; keypoint (0.25 + 0.05, 0.5 + 0.06).
    assertEquals(1, d.size());
    assertBox(0.2f, 0.1f, 0.5f, 0.5f, d.get(0).box());
    assertEquals(0.3f, d.get(0).keypointX(0), 1e-6f);
    assertEquals(0.56f, d.get(0).keypointY(0), 1e-6f);
    assertEquals(0.7f, d.get(0).score(), 0);
  }

  @Test
  void quantizedOutputsDecodeLikeTheirFloatValues() {
    // uint8 with scale 0.5, zero point 128 represents raw values exactly when they are multiples of 0.5.
    float[] boxes = {1, -2, 0, 1.5f, 0.5f, 0, -1, 0};
    float[] scores = {3, -2, 0.5f, 1};
    byte[] qb = new byte[boxes.length];
    for (int i = 0; i < boxes.length; i++) {
      qb[i] = (byte) (Math.round(boxes[i] / 0.5f) + 128);
    }
    byte[] qs = new byte[scores.length];
    for (int i = 0; i < scores.length; i++) {
      qs[i] = (byte) (Math.round(scores[i] / 0.5f) - 3);
    }
    SsdDecoderOptions options = SsdDecoderOptions.builder(ANCHORS).minScore(0.4f).build();
    List<Detection> expected = decode(options, outputs(boxes, scores, 2));
    Tensor[] quantized = {Tensor.ofBytes("boxes", DataType.UINT8, Shape.of(1, 2, 4), Quantization.perTensor(0.5f, 128), qb),
        Tensor.ofBytes("scores", DataType.INT8, Shape.of(1, 2, 2), Quantization.perTensor(0.5f, -3), qs)};
    assertEquals(2, expected.size());
    assertEquals(expected, decode(options, quantized));
  }

  @Test
  void dropsBoxesWithNegativeOrNonFiniteSizes() {
    Anchors anchors = Anchors.of(new float[] {0.5f, 0.5f, 1, 1, 0.5f, 0.5f, 1, 1, 0.5f, 0.5f, 1, 1});
    float[] raw = {0, 0, -1, 1, 0, 0, 1, 1, Float.NaN, 0, 1, 1};
    SsdDecoderOptions options = SsdDecoderOptions.builder(anchors).exponentialSize(false).scoreConversion(ScoreConversion.NONE).build();
    List<Detection> d = decode(options, new Tensor[] {Tensor.ofFloats("raw", Shape.of(1, 3, 4), raw),
        Tensor.ofFloats("scores", Shape.of(1, 3), new float[] {1, 1, 1})});
    assertEquals(1, d.size());
  }

  /** The decoding written out plainly, every value converted (MediaPipe's loop): the oracle of the decoder's shortcuts. */
  private static List<Detection> plainDecode(SsdDecoderOptions o, float[] raw, float[] scores, int coords, int columns) {
    List<Detection> out = new ArrayList<>();
    Anchors a = o.anchors();
    for (int i = 0; i < a.count(); i++) {
      float[] s = new float[columns];
      double sum = 0;
      for (int c = 0; c < columns; c++) {
        float v = scores[i * columns + c];
        if (o.scoreConversion() == ScoreConversion.SIGMOID) {
          v = Math.max(-o.scoreClip(), Math.min(o.scoreClip(), v));
          s[c] = 1.0f / (1.0f + (float) Math.exp(-v));
        } else {
          s[c] = v;
        }
      }
      int best = o.backgroundClasses();
      for (int c = best + 1; c < columns; c++) {
        if (s[c] > s[best]) {
          best = c;
        }
      }
      for (int c = o.backgroundClasses(); c < columns; c++) {
        if ((o.everyClass() || c == best) && s[c] >= o.minScore()) {
          int r = i * coords;
          boolean yx = o.encoding() == BoxEncoding.YXHW;
          float y = raw[r + (yx ? 0 : 1)] / o.yScale() * a.height(i) + a.yCenter(i);
          float x = raw[r + (yx ? 1 : 0)] / o.xScale() * a.width(i) + a.xCenter(i);
          float h = (float) Math.exp(raw[r + (yx ? 2 : 3)] / o.hScale()) * a.height(i);
          float w = (float) Math.exp(raw[r + (yx ? 3 : 2)] / o.wScale()) * a.width(i);
          out.add(Detection.of(Box.of(x - w / 2, y - h / 2, x + w / 2, y + h / 2), c - o.backgroundClasses(), s[c]));
        }
      }
    }
    return out;
  }

  @Test
  void shortcutsMatchThePlainDecodingOnSeededRandomOutputs() {
    Random random = new Random(31);
    for (int trial = 0; trial < 60; trial++) {
      int n = 1 + random.nextInt(40);
      int columns = 1 + random.nextInt(5);
      float[] anchors = new float[4 * n];
      for (int i = 0; i < anchors.length; i++) {
        anchors[i] = 0.05f + random.nextFloat();
      }
      float[] raw = new float[4 * n];
      float[] scores = new float[n * columns];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = (float) random.nextGaussian();
      }
      for (int i = 0; i < scores.length; i++) {
        scores[i] = (float) random.nextGaussian() * 4;
      }
      SsdDecoderOptions.Builder b = SsdDecoderOptions.builder(Anchors.of(anchors)).minScore(random.nextFloat())
          .scoreConversion(random.nextBoolean() ? ScoreConversion.SIGMOID : ScoreConversion.NONE)
          .encoding(random.nextBoolean() ? BoxEncoding.YXHW : BoxEncoding.XYWH).everyClass(random.nextBoolean())
          .backgroundClasses(random.nextInt(columns));
      if (random.nextBoolean()) {
        b.scoreClip(0.5f + random.nextFloat() * 3);
      }
      SsdDecoderOptions options = b.build();
      assertEquals(plainDecode(options, raw, scores, 4, columns), decode(options, outputs(raw, scores, columns)), "trial " + trial);
    }
  }

  @Test
  void rejectsOutputsThatDoNotFitTheAnchors() {
    SsdDecoder decoder = new SsdDecoder(SsdDecoderOptions.builder(ANCHORS).build());
    assertThrows(DetectionOutputException.class, () -> decoder.prepare(new Tensor[] {Tensor.ofFloats("b", Shape.of(1, 3, 4), new float[12]),
        Tensor.ofFloats("s", Shape.of(1, 3, 1), new float[3])}));
    assertThrows(DetectionOutputException.class, () -> decoder.prepare(new Tensor[] {Tensor.ofFloats("b", Shape.of(1, 2, 3), new float[6]),
        Tensor.ofFloats("s", Shape.of(1, 2, 1), new float[2])}));
    assertThrows(DetectionOutputException.class, () -> decoder.prepare(new Tensor[] {Tensor.ofFloats("b", Shape.of(1, 2, 4), new float[8])}));
    assertThrows(DetectionOutputException.class, () -> decoder.prepare(new Tensor[] {Tensor.ofFloats("b", Shape.of(2, 2, 4), new float[16]),
        Tensor.ofFloats("s", Shape.of(1, 2, 1), new float[2])}));
    assertThrows(DetectionOutputException.class, () -> decoder.prepare(new Tensor[] {Tensor.ofFloats("b", Shape.of(1, 2, 4), new float[8]),
        Tensor.ofInts("s", Shape.of(1, 2, 1), Quantization.none(), new int[2])}));
    // 2 anchors x 3,000,000 classes, every class: refused before any table is allocated.
    SsdDecoder huge = new SsdDecoder(SsdDecoderOptions.builder(ANCHORS).everyClass(true).build());
    DetectionOutputException tooMany = assertThrows(DetectionOutputException.class, () -> huge.prepare(new Tensor[] {
        Tensor.ofFloats("b", Shape.of(1, 2, 4), new float[8]), Tensor.ofFloats("s", Shape.of(1, 2, 3_000_000), new float[6_000_000])}));
    assertTrue(tooMany.getMessage().contains("6000000 candidates"), tooMany.getMessage());
    SsdDecoder background = new SsdDecoder(SsdDecoderOptions.builder(ANCHORS).backgroundClasses(1).build());
    assertThrows(DetectionOutputException.class, () -> background.prepare(outputs(new float[8], new float[2], 1)));
    Tensor[] good = outputs(RAW_BOXES, RAW_SCORES, 3);
    decoder.prepare(good);
    DetectionCandidates out = new DetectionCandidates(decoder.capacity(), 0);
    assertThrows(DetectionOutputException.class, () -> decoder.decode(outputs(new float[12], new float[9], 3), out));
    assertThrows(IllegalArgumentException.class, () -> decoder.decode(good, new DetectionCandidates(1, 0)));
    assertThrows(IllegalStateException.class, () -> new SsdDecoder(SsdDecoderOptions.builder(ANCHORS).build()).decode(good, out));
  }
}
