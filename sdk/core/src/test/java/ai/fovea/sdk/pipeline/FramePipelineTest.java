package ai.fovea.sdk.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import ai.fovea.sdk.convert.ScaleMode;
import ai.fovea.sdk.engine.EngineRegistry;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.model.ModelDescriptor;
import ai.fovea.sdk.model.OutputLayout;
import ai.fovea.sdk.model.Task;
import ai.fovea.sdk.vision.Classification;
import ai.fovea.sdk.vision.Classifier;
import ai.fovea.sdk.vision.ModelSource;
import ai.fovea.sdk.vision.TaskOptions;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Back-pressure with a real classifier on a real engine that the test holds at a gate: which frames are processed,
 * dropped and released is decided by the test's own steps, not by timing.
 */
class FramePipelineTest {
  /** uint8 [1,1,1,3] image → RESHAPE → [1,3] probabilities = the pixel's R, G, B / 255. */
  private static byte[] pixelModel() {
    Quantization q = Quantization.perTensor(1 / 255f, 0);
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("image", DataType.UINT8, Shape.of(1, 1, 1, 3), q);
    int shape = b.addConstant("shape", Shape.of(2), Quantization.none(), new int[] {1, 3});
    int y = b.addTensor("probabilities", DataType.UINT8, Shape.of(1, 3), q);
    b.addOperator(BuiltinOperator.RESHAPE, OperatorOptions.builder("ReshapeOptions").set("new_shape", new int[] {1, 3})
        .build(), new int[] {x, shape}, new int[] {y});
    b.markOutput(y);
    ModelDescriptor d = ModelDescriptor.builder().task(Task.CLASSIFY).name("pixel").version("1")
        .normalization(0, 255).resize(ScaleMode.STRETCH).outputLayout(OutputLayout.PROBABILITIES)
        .labels(List.of("red", "green", "blue")).build();
    b.addMetadata(ModelDescriptor.MODEL_METADATA, d.modelMetadata());
    b.addMetadata(ModelDescriptor.LABELS_METADATA, d.labelsMetadata());
    return b.build();
  }

  private static Frame pixel(int rgb) {
    return Frame.argb(new int[] {0xFF000000 | rgb}, 1, 1).build();
  }

  /** Collects results and counts each frame's releases. */
  private static final class Recorder implements ResultListener<Classification> {
    final BlockingQueue<String> results = new LinkedBlockingQueue<>();
    final Map<Frame, AtomicInteger> releases = Collections.synchronizedMap(new IdentityHashMap<>());

    Runnable releaseOf(Frame frame) {
      AtomicInteger count = new AtomicInteger();
      releases.put(frame, count);
      return count::incrementAndGet;
    }

    @Override
    public void onResult(Frame frame, Classification result) {
      results.add(result.top().label());
    }

    @Override
    public void onError(Frame frame, RuntimeException error) {
      results.add("error: " + error.getMessage());
    }

    String next() throws InterruptedException {
      String r = results.poll(30, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("no result within 30 s");
      }
      return r;
    }
  }

  @Test
  void keepsOnlyTheLatestFrameWhileInferenceIsSlowAndReleasesEveryFrameOnce() throws Exception {
    GatedEngine engine = new GatedEngine();
    Recorder recorder = new Recorder();
    try (Classifier classifier = Classifier.create(ModelSource.bytes(pixelModel()),
        TaskOptions.builder().registry(EngineRegistry.of(engine)).engine("gated").build());
        FramePipeline<Classification> pipeline = FramePipeline.start("test", classifier::process, recorder)) {
      engine.closeGate();
      Frame red = pixel(0xFF0000);
      Frame green = pixel(0x00FF00);
      Frame blue = pixel(0x0000FF);
      Frame green2 = pixel(0x00FF00);
      assertTrue(pipeline.submit(red, recorder.releaseOf(red)));
      assertTrue(engine.entered.tryAcquire(30, TimeUnit.SECONDS), "the worker runs the first frame");
      // The worker is held inside the engine: later frames wait, and each newer one replaces the waiting one.
      assertTrue(pipeline.submit(green, recorder.releaseOf(green)));
      assertFalse(pipeline.submit(blue, recorder.releaseOf(blue)));
      assertEquals(1, recorder.releases.get(green).get(), "the replaced frame is released at once");
      assertFalse(pipeline.submit(green2, recorder.releaseOf(green2)));
      assertEquals(1, recorder.releases.get(blue).get());
      assertEquals(0, recorder.releases.get(red).get(), "the frame in progress is still in use");
      engine.allow();
      assertEquals("red", recorder.next());
      assertTrue(engine.entered.tryAcquire(30, TimeUnit.SECONDS), "the latest frame runs next");
      engine.allow();
      assertEquals("green", recorder.next());
      pipeline.awaitIdle();
      assertEquals(4, pipeline.submittedCount());
      assertEquals(2, pipeline.droppedCount());
      assertEquals(2, pipeline.processedCount());
      for (AtomicInteger count : recorder.releases.values()) {
        assertEquals(1, count.get());
      }
      assertTrue(recorder.results.isEmpty());
    }
  }

  @Test
  void closeReleasesTheWaitingFrameAndFinishesTheOneInProgress() throws Exception {
    GatedEngine engine = new GatedEngine();
    Recorder recorder = new Recorder();
    Classifier classifier = Classifier.create(ModelSource.bytes(pixelModel()),
        TaskOptions.builder().registry(EngineRegistry.of(engine)).engine("gated").build());
    FramePipeline<Classification> pipeline = FramePipeline.start("test", classifier::process, recorder);
    engine.closeGate();
    Frame blue = pixel(0x0000FF);
    Frame red = pixel(0xFF0000);
    pipeline.submit(blue, recorder.releaseOf(blue));
    assertTrue(engine.entered.tryAcquire(30, TimeUnit.SECONDS));
    pipeline.submit(red, recorder.releaseOf(red));
    Thread closer = new Thread(pipeline::close);
    closer.start();
    // close() releases the waiting frame before it waits for the worker, which is still at the gate.
    while (recorder.releases.get(red).get() == 0) {
      Thread.onSpinWait();
    }
    assertThrows(IllegalStateException.class, () -> pipeline.submit(red, () -> {}));
    engine.allow();
    closer.join();
    assertEquals("blue", recorder.next());
    assertEquals(1, recorder.releases.get(blue).get());
    assertEquals(1, pipeline.processedCount());
    classifier.close();
  }

  @Test
  void errorsGoToTheListenerAndTheWorkerGoesOn() throws Exception {
    Recorder recorder = new Recorder();
    Classifier classifier = Classifier.create(ModelSource.bytes(pixelModel()), TaskOptions.defaults());
    Frame blue = pixel(0x0000FF);
    try (FramePipeline<Classification> pipeline = FramePipeline.start("test", classifier::process, recorder)) {
      Frame red = pixel(0xFF0000);
      pipeline.submit(red, recorder.releaseOf(red));
      assertEquals("red", recorder.next());
      classifier.close();
      pipeline.submit(blue, recorder.releaseOf(blue));
      assertEquals("error: classifier is closed", recorder.next());
    }
    // The worker runs the release after the listener: checked once close() has waited for the worker.
    assertEquals(1, recorder.releases.get(blue).get());
  }

  @Test
  void pooledBuffersAreRecycledAndNoneIsAllocatedPerFrame() throws Exception {
    FrameBufferPool pool = new FrameBufferPool(3, 4 * 4 * 3 / 2);
    Recorder recorder = new Recorder();
    Map<byte[], Boolean> seen = Collections.synchronizedMap(new IdentityHashMap<>());
    try (Classifier classifier = Classifier.create(ModelSource.bytes(pixelModel()), TaskOptions.defaults());
        FramePipeline<Classification> pipeline = FramePipeline.start("test", classifier::process, recorder)) {
      int skipped = 0;
      for (int i = 0; i < 300; i++) {
        byte[] buffer = pool.acquire();
        if (buffer == null) {
          skipped++; // every buffer in use: the source skips this camera frame
          continue;
        }
        seen.put(buffer, true);
        java.util.Arrays.fill(buffer, (byte) i);
        Frame frame = Frame.nv21(buffer, 4, 4).build();
        pipeline.submit(frame, () -> pool.release(buffer));
      }
      pipeline.awaitIdle();
      assertEquals(300 - skipped, pipeline.submittedCount());
      assertEquals(pipeline.submittedCount(), pipeline.processedCount() + pipeline.droppedCount());
      assertEquals(pipeline.processedCount(), recorder.results.size());
    }
    assertEquals(3, pool.available(), "every buffer came back");
    assertTrue(seen.size() <= 3, "only the pool's buffers were used: " + seen.size());
    byte[] stranger = new byte[24];
    assertThrows(IllegalArgumentException.class, () -> pool.release(stranger));
  }

  @Test
  void rejectsMissingArguments() {
    assertThrows(IllegalArgumentException.class, () -> FramePipeline.start("x", null, new Recorder()));
    try (FramePipeline<String> p = FramePipeline.start("x", f -> "ok", new ResultListener<String>() {
      @Override
      public void onResult(Frame frame, String result) {}

      @Override
      public void onError(Frame frame, RuntimeException error) {}
    })) {
      assertThrows(IllegalArgumentException.class, () -> p.submit(pixel(0), null));
      assertThrows(IllegalArgumentException.class, () -> p.submit(null, () -> {}));
    }
  }
}
