package ai.fovea.sdk.task.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlazeFaceTest {
  private static float sigmoid(float x) {
    return (float) (1 / (1 + Math.exp(-x)));
  }

  /** Writes a face (normalized centre, size, keypoints) into anchor {@code i}'s raw row the way the model encodes it. */
  private static void encode(float[] raw, Anchors anchors, int i, float cx, float cy, float w, float h, float[] keypoints) {
    int r = 16 * i;
    raw[r] = (cx - anchors.xCenter(i)) * 128;
    raw[r + 1] = (cy - anchors.yCenter(i)) * 128;
    raw[r + 2] = w * 128;
    raw[r + 3] = h * 128;
    for (int k = 0; k < 6; k++) {
      raw[r + 4 + 2 * k] = (keypoints[2 * k] - anchors.xCenter(i)) * 128;
      raw[r + 5 + 2 * k] = (keypoints[2 * k + 1] - anchors.yCenter(i)) * 128;
    }
  }

  @Test
  void decodesAndBlendsOneFaceFromTwoAnchors() {
    Anchors anchors = BlazeFace.shortRangeDecoderOptions().anchors();
    float[] raw = new float[896 * 16];
    float[] logits = new float[896];
    java.util.Arrays.fill(logits, -10);
    float[] kpA = {0.25f, 0.55f, 0.35f, 0.55f, 0.3f, 0.6f, 0.3f, 0.65f, 0.2f, 0.57f, 0.4f, 0.57f};
    float[] kpB = new float[12];
    for (int k = 0; k < 12; k++) {
      kpB[k] = kpA[k] + 0.01f;
    }
    // Anchor 100 (16 x 16 grid, cell 50 = row 3, column 2) and anchor 520 (8 x 8 grid) see overlapping faces.
    encode(raw, anchors, 100, 0.3f, 0.6f, 0.2f, 0.25f, kpA);
    logits[100] = 3;
    encode(raw, anchors, 520, 0.31f, 0.61f, 0.22f, 0.25f, kpB);
    logits[520] = 1;
    // A third face far away, below the 0.5 score (logit -0.1) and therefore dropped.
    encode(raw, anchors, 700, 0.8f, 0.2f, 0.1f, 0.1f, kpA);
    logits[700] = -0.1f;
    Tensor[] outputs = {Tensor.ofFloats("regressors", Shape.of(1, 896, 16), raw), Tensor.ofFloats("classificators", Shape.of(1, 896, 1), logits)};
    DetectionPostprocessor post = BlazeFace.shortRange();
    post.prepare(outputs);
    List<Detection> faces = post.run(outputs);
    assertEquals(2, post.lastCandidates().count());
    assertEquals(1, faces.size());
    Detection face = faces.get(0);
    float wa = sigmoid(3);
    float wb = sigmoid(1);
    float total = wa + wb;
    // Weighted NMS: edges and keypoints are the score-weighted means; the score is the best one's.
    assertEquals(wa, face.score(), 1e-6f);
    assertEquals(((0.3f - 0.1f) * wa + (0.31f - 0.11f) * wb) / total, face.box().left(), 1e-5f);
    assertEquals(((0.6f - 0.125f) * wa + (0.61f - 0.125f) * wb) / total, face.box().top(), 1e-5f);
    assertEquals(((0.3f + 0.1f) * wa + (0.31f + 0.11f) * wb) / total, face.box().right(), 1e-5f);
    assertEquals(((0.6f + 0.125f) * wa + (0.61f + 0.125f) * wb) / total, face.box().bottom(), 1e-5f);
    assertEquals(6, face.keypointCount());
    for (int k = 0; k < 6; k++) {
      assertEquals((kpA[2 * k] * wa + kpB[2 * k] * wb) / total, face.keypointX(k), 1e-5f, "keypoint " + k);
      assertEquals((kpA[2 * k + 1] * wa + kpB[2 * k + 1] * wb) / total, face.keypointY(k), 1e-5f, "keypoint " + k);
    }
    // Nothing carries over to the next frame.
    java.util.Arrays.fill(logits, -10);
    assertEquals(0, post.run(outputs).size());
  }
}
