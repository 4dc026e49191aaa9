package ai.fovea.sdk.task.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Once prepared, decoding and suppression run in their tables: no allocation per frame for any decoder or NMS method. */
class SteadyStateAllocationTest {
  private static long allocatedBy(Runnable frame) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    // Until C2 compiles the loops, interpreted code may allocate temporaries: warm up in rounds. A real per-frame
    // allocation shows in every round and still fails.
    long allocated = -1;
    for (int round = 0; round < 10 && allocated != 0; round++) {
      for (int i = 0; i < 200; i++) {
        frame.run();
      }
      long before = threads.getThreadAllocatedBytes(id);
      for (int i = 0; i < 20; i++) {
        frame.run();
      }
      allocated = threads.getThreadAllocatedBytes(id) - before;
    }
    return allocated;
  }

  private static void assertNoAllocation(DetectionDecoder decoder, Tensor[] outputs, String what) {
    decoder.prepare(outputs);
    DetectionCandidates candidates = new DetectionCandidates(decoder.capacity(), decoder.keypointCount());
    for (NmsMethod method : NmsMethod.values()) {
      NonMaxSuppression nms = new NonMaxSuppression(NmsOptions.builder().method(method).scoreThreshold(0.1f).maxDetections(50).build());
      nms.prepare(decoder.capacity(), decoder.keypointCount());
      DetectionCandidates survivors = new DetectionCandidates(decoder.capacity(), decoder.keypointCount());
      long bytes = allocatedBy(() -> {
        decoder.decode(outputs, candidates);
        nms.run(candidates, survivors);
      });
      assertTrue(candidates.count() > 10, what + ": the frame has candidates (" + candidates.count() + ")");
      assertEquals(0, bytes, what + " with " + method);
    }
  }

  @Test
  void ssdBlazeFaceAndCenterNetDecodingAllocateNothingPerFrame() {
    Random random = new Random(3);
    float[] raw = new float[896 * 16];
    float[] logits = new float[896];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (float) random.nextGaussian() * 10;
    }
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) random.nextGaussian() * 2;
    }
    assertNoAllocation(new SsdDecoder(BlazeFace.shortRangeDecoderOptions()), new Tensor[] {
        Tensor.ofFloats("regressors", Shape.of(1, 896, 16), raw), Tensor.ofFloats("classificators", Shape.of(1, 896, 1), logits)}, "BlazeFace");

    byte[] boxes = new byte[500 * 4];
    byte[] scores = new byte[500 * 6];
    random.nextBytes(boxes);
    random.nextBytes(scores);
    float[] anchors = new float[500 * 4];
    for (int i = 0; i < anchors.length; i++) {
      anchors[i] = 0.1f + random.nextFloat() * 0.5f;
    }
    assertNoAllocation(new SsdDecoder(SsdDecoderOptions.builder(Anchors.of(anchors)).backgroundClasses(1)
        .scoreConversion(ScoreConversion.SOFTMAX).minScore(0.2f).everyClass(true).build()), new Tensor[] {
        Tensor.ofBytes("boxes", DataType.UINT8, Shape.of(1, 500, 4), Quantization.perTensor(0.05f, 128), boxes),
        Tensor.ofBytes("scores", DataType.INT8, Shape.of(1, 500, 6), Quantization.perTensor(0.1f, 0), scores)}, "quantized SSD");

    int h = 32;
    int w = 32;
    float[] heat = new float[h * w * 3];
    float[] sizes = new float[h * w * 2];
    for (int i = 0; i < heat.length; i++) {
      heat[i] = (float) random.nextGaussian() * 2;
    }
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = random.nextFloat() * 5;
    }
    assertNoAllocation(new CenterNetDecoder(CenterNetDecoderOptions.builder().maxPeaks(100).build()), new Tensor[] {
        Tensor.ofFloats("heatmap", Shape.of(1, h, w, 3), heat), Tensor.ofFloats("offsets", Shape.of(1, h, w, 2), new float[h * w * 2]),
        Tensor.ofFloats("sizes", Shape.of(1, h, w, 2), sizes)}, "CenterNet");
  }
}
