package ai.fovea.sdk.task.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Outputs no sane model produces — NaN, infinities, huge and tiny values mixed in — must decode and suppress
 * without an exception, and every detection that comes out must be a valid one (finite box, non-NaN score).
 */
class HostileOutputsTest {
  private static final float[] SPECIAL = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE, -Float.MAX_VALUE,
      Float.MIN_VALUE, 0f, -0f, 1e30f, -1e30f, 100, -100};

  private static float[] hostile(Random random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = random.nextInt(3) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : (float) random.nextGaussian() * 3;
    }
    return v;
  }

  private static void run(DetectionDecoder decoder, Tensor[] outputs, Random random) {
    for (NmsMethod method : NmsMethod.values()) {
      DetectionPostprocessor post = new DetectionPostprocessor(decoder, NmsOptions.builder().method(method)
          .scoreThreshold(random.nextBoolean() ? Float.NEGATIVE_INFINITY : 0.2f).classAware(random.nextBoolean()).build());
      post.prepare(outputs);
      List<Detection> found = post.run(outputs);
      for (Detection d : found) {
        assertTrue(!Float.isNaN(d.score()), method + ": " + d);
      }
    }
  }

  @Test
  void decodersAndNmsSurviveNaNsAndInfinities() {
    Random random = new Random(99);
    for (int trial = 0; trial < 40; trial++) {
      int n = 1 + random.nextInt(30);
      float[] anchors = new float[4 * n];
      for (int i = 0; i < anchors.length; i++) {
        anchors[i] = random.nextFloat();
      }
      for (ScoreConversion conversion : ScoreConversion.values()) {
        SsdDecoderOptions options = SsdDecoderOptions.builder(Anchors.of(anchors)).scoreConversion(conversion).keypoints(2, 4)
            .exponentialSize(random.nextBoolean()).everyClass(random.nextBoolean()).minScore(random.nextBoolean() ? -1e30f : 0.3f).build();
        run(new SsdDecoder(options), new Tensor[] {Tensor.ofFloats("b", Shape.of(1, n, 8), hostile(random, 8 * n)),
            Tensor.ofFloats("s", Shape.of(1, n, 3), hostile(random, 3 * n))}, random);
      }
      run(new SsdPostprocessDecoder(-1e30f), new Tensor[] {Tensor.ofFloats("b", Shape.of(1, n, 4), hostile(random, 4 * n)),
          Tensor.ofFloats("c", Shape.of(1, n), new float[n]), Tensor.ofFloats("s", Shape.of(1, n), hostile(random, n)),
          Tensor.ofFloats("n", Shape.of(1), new float[] {random.nextInt(n + 3)})}, random);
      int h = 1 + random.nextInt(6);
      int w = 1 + random.nextInt(6);
      run(new CenterNetDecoder(CenterNetDecoderOptions.builder().scoreConversion(random.nextBoolean() ? ScoreConversion.NONE : ScoreConversion.SIGMOID)
          .minScore(random.nextBoolean() ? -1e30f : 0.3f).build()), new Tensor[] {Tensor.ofFloats("h", Shape.of(1, h, w, 2), hostile(random, h * w * 2)),
          Tensor.ofFloats("o", Shape.of(1, h, w, 2), hostile(random, h * w * 2)), Tensor.ofFloats("s", Shape.of(1, h, w, 2), hostile(random, h * w * 2))},
          random);
    }
  }
}
