package ai.fovea.sdk.task.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {
  private static final Detection A = Detection.of(Box.of(0, 0, 10, 10), 0, 0.9f, new float[] {5, 5});
  private static final Detection B = Detection.of(Box.of(1, 1, 11, 11), 0, 0.8f, new float[] {6, 6});
  private static final Detection C = Detection.of(Box.of(20, 20, 30, 30), 0, 0.7f, new float[] {25, 25});
  private static final Detection D = Detection.of(Box.of(0, 0, 10, 10), 1, 0.6f, new float[] {5, 5});
  // IoU(A, B) = 81 / 119; IoU(A, D) = 1; C overlaps nothing.
  private static final List<Detection> ABCD = Arrays.asList(B, D, A, C);

  /** Runs both forms, checks they agree exactly, returns the result. */
  private static List<Detection> nms(NmsOptions options, List<Detection> input) {
    List<Detection> reference = NonMaxSuppression.reference(options, input);
    DetectionCandidates in = new DetectionCandidates(input.size(), input.isEmpty() ? 0 : input.get(0).keypointCount());
    for (Detection d : input) {
      int row = in.add(d.box().left(), d.box().top(), d.box().right(), d.box().bottom(), d.score(), d.classId());
      for (int k = 0; k < d.keypointCount(); k++) {
        in.setKeypoint(row, k, d.keypointX(k), d.keypointY(k));
      }
    }
    NonMaxSuppression nms = new NonMaxSuppression(options);
    nms.prepare(input.size(), in.keypointCount());
    DetectionCandidates out = new DetectionCandidates(input.size(), in.keypointCount());
    nms.run(in, out);
    assertEquals(reference, out.toDetections(), "optimized vs reference, " + options);
    // A second run on the same tables gives the same answer (no state leaks between frames).
    nms.run(in, out);
    assertEquals(reference, out.toDetections(), "second run, " + options);
    return reference;
  }

  private static NmsOptions.Builder options(NmsMethod method) {
    return NmsOptions.builder().method(method);
  }

  @Test
  void hardNmsSuppressesOnlyWithinAClassWhenClassAware() {
    assertEquals(Arrays.asList(A, C, D), nms(options(NmsMethod.HARD).iouThreshold(0.5f).build(), ABCD));
    assertEquals(Arrays.asList(A, C), nms(options(NmsMethod.HARD).iouThreshold(0.5f).classAware(false).build(), ABCD));
    // 81/119 = 0.68 is not above 0.7, so B survives a looser threshold.
    assertEquals(Arrays.asList(A, B, C), nms(options(NmsMethod.HARD).iouThreshold(0.7f).classAware(false).build(), ABCD));
    assertEquals(Arrays.asList(A, C), nms(options(NmsMethod.HARD).maxDetections(2).build(), ABCD));
    assertEquals(Arrays.asList(A, C), nms(options(NmsMethod.HARD).scoreThreshold(0.65f).build(), ABCD));
  }

  @Test
  void noneKeepsEverythingBestFirstUpToTheCap() {
    assertEquals(Arrays.asList(A, B, C, D), nms(options(NmsMethod.NONE).build(), ABCD));
    assertEquals(Arrays.asList(A, B), nms(options(NmsMethod.NONE).maxDetections(2).build(), ABCD));
  }

  @Test
  void linearSoftNmsDecaysOverlapsByOneMinusIou() {
    float iouAB = 81f / 119f;
    // B decays to 0.8 * (1 - 0.68) = 0.2555, D to 0: below a 0.3 threshold both go.
    assertEquals(Arrays.asList(A, C), nms(options(NmsMethod.SOFT_LINEAR).classAware(false).scoreThreshold(0.3f).build(), ABCD));
    List<Detection> kept = nms(options(NmsMethod.SOFT_LINEAR).classAware(false).scoreThreshold(0.1f).build(), ABCD);
    assertEquals(3, kept.size());
    assertEquals(A, kept.get(0));
    assertEquals(C, kept.get(1));
    assertEquals(B.box(), kept.get(2).box());
    assertEquals(0.8f * (1 - iouAB), kept.get(2).score(), 1e-6f);
    assertEquals(0.25546f, kept.get(2).score(), 1e-5f);
  }

  @Test
  void gaussianSoftNmsDecaysEveryOverlap() {
    List<Detection> kept = nms(options(NmsMethod.SOFT_GAUSSIAN).sigma(0.5f).classAware(false).scoreThreshold(0.01f).build(), ABCD);
    assertEquals(4, kept.size());
    assertEquals(A, kept.get(0));
    assertEquals(C, kept.get(1));
    // B: 0.8 * exp(-(81/119)^2 / 0.5) = 0.316709 once A is kept; D decays twice, by A (IoU 1) and then by B:
    // 0.6 * exp(-1 / 0.5) * exp(-(81/119)^2 / 0.5) = 0.032146.
    assertEquals(B.box(), kept.get(2).box());
    assertEquals(0.316709f, kept.get(2).score(), 1e-5f);
    assertEquals(D.box(), kept.get(3).box());
    assertEquals(0.032146f, kept.get(3).score(), 1e-5f);
  }

  @Test
  void weightedNmsBlendsBoxesAndKeypointsByScore() {
    List<Detection> kept = nms(options(NmsMethod.WEIGHTED).iouThreshold(0.3f).classAware(false).build(), ABCD);
    assertEquals(2, kept.size());
    Detection blended = kept.get(0);
    // A, B and D blend with weights 0.9, 0.8, 0.6 (total 2.3): left = 0.8 / 2.3, right = 23.8 / 2.3.
    assertEquals(0.347826f, blended.box().left(), 1e-5f);
    assertEquals(0.347826f, blended.box().top(), 1e-5f);
    assertEquals(10.347826f, blended.box().right(), 1e-5f);
    assertEquals(10.347826f, blended.box().bottom(), 1e-5f);
    // Keypoints: (5 * 0.9 + 6 * 0.8 + 5 * 0.6) / 2.3 = 5.347826.
    assertEquals(5.347826f, blended.keypointX(0), 1e-5f);
    assertEquals(5.347826f, blended.keypointY(0), 1e-5f);
    assertEquals(0.9f, blended.score(), 0);
    assertEquals(0, blended.classId());
    assertEquals(C.box(), kept.get(1).box());
    assertEquals(25f, kept.get(1).keypointX(0), 1e-5f);
    // Class-aware: D (class 1) is not absorbed by A and comes out alone.
    List<Detection> aware = nms(options(NmsMethod.WEIGHTED).iouThreshold(0.3f).build(), ABCD);
    assertEquals(3, aware.size());
    assertEquals((1 * 0.8f) / 1.7f, aware.get(0).box().left(), 1e-6f);
    assertEquals(D.box(), aware.get(2).box());
  }

  @Test
  void optimizedMatchesReferenceOnSeededRandomBoxes() {
    Random random = new Random(1234);
    for (int trial = 0; trial < 400; trial++) {
      int n = random.nextInt(trial < 20 ? 4 : 120);
      int keypoints = random.nextInt(3);
      List<Detection> input = new ArrayList<>();
      int clusters = 1 + random.nextInt(6);
      for (int i = 0; i < n; i++) {
        // Boxes jittered around a few centres, so many overlap; scores on a coarse grid, so many tie.
        float cx = 20 * (i % clusters) + random.nextFloat() * 6;
        float cy = 15 * (i % clusters) + random.nextFloat() * 6;
        float w = random.nextInt(10) == 0 ? 0 : 2 + random.nextFloat() * 15;
        float h = 2 + random.nextFloat() * 15;
        float[] kp = new float[2 * keypoints];
        for (int k = 0; k < kp.length; k++) {
          kp[k] = random.nextFloat() * 50;
        }
        float score = random.nextInt(20) / 20f + (random.nextBoolean() ? 0 : random.nextFloat() * 0.01f);
        input.add(Detection.of(Box.ofCenter(cx, cy, w, h), random.nextInt(3), score, kp));
      }
      NmsMethod method = NmsMethod.values()[random.nextInt(NmsMethod.values().length)];
      NmsOptions options = options(method).iouThreshold(random.nextFloat()).sigma(0.1f + random.nextFloat())
          .scoreThreshold(random.nextBoolean() ? 0 : random.nextFloat() * 0.5f).maxDetections(1 + random.nextInt(40))
          .classAware(random.nextBoolean()).build();
      nms(options, input);
    }
  }

  @Test
  void checksTablesAndPreparation() {
    NonMaxSuppression nms = new NonMaxSuppression(NmsOptions.defaults());
    DetectionCandidates in = new DetectionCandidates(4, 0);
    DetectionCandidates out = new DetectionCandidates(4, 0);
    assertThrows(IllegalStateException.class, () -> nms.run(in, out));
    nms.prepare(4, 0);
    assertThrows(IllegalArgumentException.class, () -> nms.run(in, in));
    assertThrows(IllegalArgumentException.class, () -> nms.run(in, new DetectionCandidates(4, 1)));
    in.add(0, 0, 1, 1, 0.9f, 0);
    in.add(0, 0, 1, 1, 0.8f, 1);
    assertThrows(IllegalArgumentException.class, () -> nms.run(in, new DetectionCandidates(1, 0)));
    nms.run(in, out);
    assertEquals(2, out.count());
    assertThrows(IllegalArgumentException.class, () -> NmsOptions.builder().iouThreshold(1.5f));
    assertThrows(IllegalArgumentException.class, () -> NmsOptions.builder().maxDetections(0));
    assertThrows(IllegalArgumentException.class, () -> NmsOptions.builder().sigma(0));
    assertThrows(IllegalArgumentException.class, () -> NmsOptions.builder().scoreThreshold(Float.NaN));
  }
}
