package ai.fovea.sdk.task.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SsdPostprocessDecoderTest {
  private static Tensor[] outputs(float[] boxes, float[] classes, float[] scores, float count) {
    int n = classes.length;
    return new Tensor[] {Tensor.ofFloats("boxes", Shape.of(1, n, 4), boxes), Tensor.ofFloats("classes", Shape.of(1, n), classes),
        Tensor.ofFloats("scores", Shape.of(1, n), scores), Tensor.ofFloats("count", Shape.of(1), new float[] {count})};
  }

  @Test
  void readsTheFirstCountRowsAsYminXminYmaxXmax() {
    float[] boxes = {0.1f, 0.2f, 0.5f, 0.6f, 0.3f, 0.3f, 0.4f, 0.9f, 0, 0, 1, 1};
    Tensor[] out = outputs(boxes, new float[] {17, 0, 3}, new float[] {0.9f, 0.3f, 0.8f}, 2);
    DetectionPostprocessor post = new DetectionPostprocessor(new SsdPostprocessDecoder(0.25f), NmsOptions.builder().method(NmsMethod.NONE).build());
    post.prepare(out);
    List<Detection> d = post.run(out);
    // Row 2 is past the count; rows come back best first with x/y swapped into left, top, right, bottom.
    assertEquals(Arrays.asList(Detection.of(Box.of(0.2f, 0.1f, 0.6f, 0.5f), 17, 0.9f), Detection.of(Box.of(0.3f, 0.3f, 0.9f, 0.4f), 0, 0.3f)), d);
    assertEquals(1, post.run(outputs(boxes, new float[] {17, 0, 3}, new float[] {0.9f, 0.2f, 0.8f}, 2)).size());
    // A count beyond the rows is clamped; a negative one is zero.
    assertEquals(3, post.run(outputs(boxes, new float[] {17, 0, 3}, new float[] {0.9f, 0.3f, 0.8f}, 40)).size());
    assertEquals(0, post.run(outputs(boxes, new float[] {17, 0, 3}, new float[] {0.9f, 0.3f, 0.8f}, -1)).size());
  }

  @Test
  void rejectsMalformedOutputs() {
    SsdPostprocessDecoder decoder = new SsdPostprocessDecoder(0.5f);
    assertThrows(DetectionOutputException.class, () -> decoder.prepare(new Tensor[] {Tensor.ofFloats("b", Shape.of(1, 2, 5), new float[10])}));
    assertThrows(DetectionOutputException.class, () -> decoder.prepare(new Tensor[] {Tensor.ofFloats("b", Shape.of(1, 2, 4), new float[8]),
        Tensor.ofFloats("c", Shape.of(1, 3), new float[3]), Tensor.ofFloats("s", Shape.of(1, 2), new float[2]),
        Tensor.ofFloats("n", Shape.of(1), new float[1])}));
    Tensor[] good = outputs(new float[8], new float[2], new float[2], 2);
    decoder.prepare(good);
    DetectionCandidates out = new DetectionCandidates(2, 0);
    assertThrows(DetectionOutputException.class, () -> decoder.decode(outputs(new float[8], new float[2], new float[2], Float.NaN), out));
    assertThrows(DetectionOutputException.class, () -> decoder.decode(outputs(new float[8], new float[] {0.5f, 0}, new float[2], 2), out));
    assertThrows(DetectionOutputException.class, () -> decoder.decode(outputs(new float[8], new float[] {-1, 0}, new float[2], 2), out));
    assertThrows(IllegalArgumentException.class, () -> new SsdPostprocessDecoder(0.5f, 0, 1, 1, 3));
  }
}
