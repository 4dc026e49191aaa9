package ai.fovea.sdk.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.models.tflite.TfliteWriter;
import ai.fovea.sdk.engine.EngineAttempt;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.model.InputColor;
import ai.fovea.sdk.model.ModelDescriptor;
import ai.fovea.sdk.model.ModelMetadataException;
import ai.fovea.sdk.model.OutputLayout;
import ai.fovea.sdk.model.Task;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ClassifierTest {
  private static final int SIZE = 3;
  private static final int CLASSES = 6;

  private static Frame randomFrame(Random random) {
    int[] argb = new int[SIZE * SIZE];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = 0xFF000000 | random.nextInt(1 << 24);
    }
    return Frame.argb(argb, SIZE, SIZE).build();
  }

  /** The model's normalized input for a frame of the input's size: pixels / 255, RGB or BT.601 luma. */
  private static float[] pixels(Frame frame, InputColor color) {
    int[] argb = frame.argbPixels();
    float[] x = new float[argb.length * color.channels()];
    for (int i = 0; i < argb.length; i++) {
      float r = (argb[i] >> 16) & 0xFF;
      float g = (argb[i] >> 8) & 0xFF;
      float b = argb[i] & 0xFF;
      if (color == InputColor.RGB) {
        x[3 * i] = r / 255;
        x[3 * i + 1] = g / 255;
        x[3 * i + 2] = b / 255;
      } else {
        x[i] = (0.299f * r + 0.587f * g + 0.114f * b) / 255;
      }
    }
    return x;
  }

  private static Classifier linearClassifier(InputColor color, float[] w, TaskOptions options) {
    byte[] model = TfliteWriter.write(TestClassifiers.linear(SIZE, color.channels(), CLASSES, w,
        TestClassifiers.descriptor(color, OutputLayout.SCORES, CLASSES)));
    return Classifier.create(ModelSource.bytes(model), options);
  }

  @Test
  void matchesTheReferenceSoftmaxTopKForRgbAndGrayModels() {
    for (InputColor color : InputColor.values()) {
      float[] w = TestClassifiers.weights(CLASSES, SIZE * SIZE * color.channels(), 7);
      Random random = new Random(11);
      try (Classifier classifier = linearClassifier(color, w, TaskOptions.builder().maxResults(CLASSES).build())) {
        for (int n = 0; n < 20; n++) {
          Frame frame = randomFrame(random);
          Classification result = classifier.process(frame);
          double[] expected = TestClassifiers.referenceProbabilities(w, pixels(frame, color), CLASSES);
          assertEquals(CLASSES, result.categories().size());
          double previous = 1;
          for (Category c : result.categories()) {
            assertEquals(expected[c.id()], c.score(), 1e-5, color + " class " + c.id());
            assertEquals("class_" + (char) ('a' + c.id()), c.label());
            assertTrue(c.score() <= previous, "best first");
            previous = c.score();
          }
          assertEquals("java", result.engine());
        }
      }
    }
  }

  @Test
  void keepsAtMostMaxResultsAtOrAboveTheThreshold() {
    float[] w = TestClassifiers.weights(CLASSES, SIZE * SIZE * 3, 3);
    Random random = new Random(5);
    try (Classifier top2 = linearClassifier(InputColor.RGB, w, TaskOptions.builder().maxResults(2).build());
        Classifier sure = linearClassifier(InputColor.RGB, w, TaskOptions.builder().scoreThreshold(0.2f).build())) {
      for (int n = 0; n < 20; n++) {
        Frame frame = randomFrame(random);
        double[] p = TestClassifiers.referenceProbabilities(w, pixels(frame, InputColor.RGB), CLASSES);
        List<Category> best = top2.process(frame).categories();
        assertEquals(2, best.size());
        for (int c = 0; c < CLASSES; c++) {
          if (c != best.get(0).id() && c != best.get(1).id()) {
            assertTrue(p[c] <= best.get(1).score() + 1e-6, "class " + c + " beats the second best");
          }
        }
        long above = java.util.Arrays.stream(p).filter(v -> v >= 0.2).count();
        assertEquals(above, sure.process(frame).categories().size());
      }
    }
  }

  @Test
  void dequantizesInt8AndUint8Outputs() {
    Frame frame = Frame.argb(new int[] {0xFF_C8_32_64}, 1, 1).build(); // R 200, G 50, B 100
    for (DataType type : new DataType[] {DataType.INT8, DataType.UINT8}) {
      try (Classifier classifier = Classifier.create(
          ModelSource.bytes(TfliteWriter.write(TestClassifiers.pixelProbabilities(type))), TaskOptions.defaults())) {
        List<Category> c = classifier.process(frame).categories();
        assertEquals(List.of(0, 2, 1), List.of(c.get(0).id(), c.get(1).id(), c.get(2).id()), type.toString());
        assertEquals(200 / 255f, c.get(0).score(), 1e-6);
        assertEquals(100 / 255f, c.get(1).score(), 1e-6);
        assertEquals(50 / 255f, c.get(2).score(), 1e-6);
      }
    }
  }

  @Test
  void loadsFromABufferAndReportsTheEngineChoiceAndTimings() {
    byte[] model = TfliteWriter.write(TestClassifiers.pixelProbabilities(DataType.UINT8));
    ByteBuffer direct = ByteBuffer.allocateDirect(model.length);
    direct.put(model).flip();
    try (Classifier classifier = Classifier.create(ModelSource.buffer(direct),
        TaskOptions.builder().engine("tflite,java").build())) {
      Classification r = classifier.process(Frame.argb(new int[] {0xFF102030}, 1, 1).build());
      assertEquals("java", r.engine());
      assertEquals(2, r.engineAttempts().size());
      assertEquals(EngineAttempt.Outcome.UNAVAILABLE, r.engineAttempts().get(0).outcome());
      assertTrue(r.timings().totalNanos() > 0 && r.timings().inferenceNanos() > 0, r.timings().toString());
      assertEquals(0, direct.position(), "the caller's buffer is not moved");
    }
  }

  @Test
  void movesToTheNextEngineWhenTheSelectedOneFailsOnALaterFrame() {
    Frame frame = Frame.argb(new int[] {0xFF_C8_32_64}, 1, 1).build();
    try (Classifier classifier = Classifier.create(
        ModelSource.bytes(TfliteWriter.write(TestClassifiers.pixelProbabilities(DataType.UINT8))),
        TaskOptions.builder().registry(ai.fovea.sdk.engine.EngineRegistry.of(new FailingLaterEngine(3),
            new ai.fovea.sdk.engine.JavaEngine())).engine("flaky,java").build())) {
      // Run 1 was the selector's check, run 2 is this frame, run 3 fails and the same frame runs on java.
      Classification first = classifier.process(frame);
      assertEquals("flaky", first.engine());
      Classification second = classifier.process(frame);
      assertEquals("java", second.engine());
      assertEquals(first.categories().toString(), second.categories().toString());
      EngineAttempt lost = second.engineAttempts().get(0);
      assertEquals(ai.fovea.sdk.engine.EngineUnavailableException.Reason.RUN_FAILED, lost.reason());
      assertTrue(lost.message().contains("device lost"), lost.message());
    }
  }

  @Test
  void reportsEveryReasonOnceNoEngineIsLeft() {
    Frame frame = Frame.argb(new int[] {0xFF_C8_32_64}, 1, 1).build();
    try (Classifier classifier = Classifier.create(
        ModelSource.bytes(TfliteWriter.write(TestClassifiers.pixelProbabilities(DataType.UINT8))),
        TaskOptions.builder().registry(ai.fovea.sdk.engine.EngineRegistry.of(new FailingLaterEngine(3)))
            .engine("flaky").build())) {
      classifier.process(frame);
      ai.fovea.sdk.engine.NoEngineException none = assertThrows(ai.fovea.sdk.engine.NoEngineException.class,
          () -> classifier.process(frame));
      assertTrue(none.getMessage().contains("flaky: run failed"), none.getMessage());
      assertThrows(ai.fovea.sdk.engine.NoEngineException.class, () -> classifier.process(frame));
    }
  }

  @Test
  void steadyStateFramesAllocateOnlyTheSmallResult() {
    int size = 32;
    float[] w = TestClassifiers.weights(CLASSES, size * size * 3, 5);
    byte[] model = TfliteWriter.write(TestClassifiers.linear(size, 3, CLASSES, w,
        TestClassifiers.descriptor(InputColor.RGB, OutputLayout.SCORES, CLASSES)));
    byte[] nv21 = new byte[64 * 48 * 3 / 2];
    new Random(3).nextBytes(nv21);
    Frame frame = Frame.nv21(nv21, 64, 48).rotation(90).build();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    try (Classifier classifier = Classifier.create(ModelSource.bytes(model), TaskOptions.defaults())) {
      for (int i = 0; i < 300; i++) {
        classifier.process(frame);
      }
      long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
      int frames = 100;
      for (int i = 0; i < frames; i++) {
        classifier.process(frame);
      }
      long perFrame = (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / frames;
      // The model input alone is 12 KB: any per-frame tensor or buffer would show; the result objects are small.
      assertTrue(perFrame < 2048, perFrame + " bytes allocated per frame");
    }
  }

  @Test
  void aModelWithoutMetadataNeedsADescriptorInTheOptions() {
    float[] w = TestClassifiers.weights(CLASSES, SIZE * SIZE * 3, 1);
    byte[] bare = TfliteWriter.write(TestClassifiers.linear(SIZE, 3, CLASSES, w, null));
    ModelMetadataException e = assertThrows(ModelMetadataException.class,
        () -> Classifier.create(ModelSource.bytes(bare), TaskOptions.defaults()));
    assertEquals("fovea.model", e.key());
    ModelDescriptor d = TestClassifiers.descriptor(InputColor.RGB, OutputLayout.SCORES, CLASSES);
    try (Classifier c = Classifier.create(ModelSource.bytes(bare), TaskOptions.builder().descriptor(d)
        .labels(List.of("u", "v", "w", "x", "y", "z")).build())) {
      assertEquals("u", c.descriptor().labels().get(0));
      assertTrue(List.of("u", "v", "w", "x", "y", "z").contains(c.process(randomFrame(new Random(1))).top().label()));
    }
  }

  @Test
  void rejectsModelsThatDoNotFitTheirDescriptorNamingTheKey() {
    float[] w = TestClassifiers.weights(CLASSES, SIZE * SIZE * 3, 1);
    byte[] bare = TfliteWriter.write(TestClassifiers.linear(SIZE, 3, CLASSES, w, null));
    ModelDescriptor rgb = TestClassifiers.descriptor(InputColor.RGB, OutputLayout.SCORES, CLASSES);
    assertEquals("fovea.labels", assertThrows(ModelMetadataException.class, () -> Classifier.create(
        ModelSource.bytes(bare), TaskOptions.builder().descriptor(rgb).labels(List.of("a", "b")).build())).key());
    assertEquals("input.color", assertThrows(ModelMetadataException.class, () -> Classifier.create(
        ModelSource.bytes(bare), TaskOptions.builder().descriptor(
            TestClassifiers.descriptor(InputColor.GRAY, OutputLayout.SCORES, CLASSES)).build())).key());
    ModelDescriptor detect = rgb.toBuilder().task(Task.DETECT).outputLayout(OutputLayout.SSD_POSTPROCESS).build();
    ModelMetadataException task = assertThrows(ModelMetadataException.class, () -> Classifier.create(
        ModelSource.bytes(bare), TaskOptions.builder().descriptor(detect).build()));
    assertEquals("task", task.key());
    assertTrue(task.getMessage().contains("is a detect model"), task.getMessage());
    assertThrows(ModelLoadException.class,
        () -> Classifier.create(ModelSource.file("/nonexistent/model.tflite"), TaskOptions.defaults()));
  }

  @Test
  void aClosedClassifierThrowsIllegalState() {
    Classifier classifier = Classifier.create(
        ModelSource.bytes(TfliteWriter.write(TestClassifiers.pixelProbabilities(DataType.INT8))), TaskOptions.defaults());
    Frame frame = Frame.argb(new int[] {0xFF102030}, 1, 1).build();
    classifier.process(frame);
    classifier.close();
    classifier.close();
    assertThrows(IllegalStateException.class, () -> classifier.process(frame));
  }

  @Test
  void concurrentCallersGetTheirOwnFramesResults() throws Exception {
    float[] w = TestClassifiers.weights(CLASSES, SIZE * SIZE * 3, 9);
    int threads = 16;
    int perThread = 40;
    Random random = new Random(21);
    List<Frame> frames = new ArrayList<>();
    for (int i = 0; i < threads * perThread; i++) {
      frames.add(randomFrame(random));
    }
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try (Classifier classifier = linearClassifier(InputColor.RGB, w,
        TaskOptions.builder().maxResults(CLASSES).threads(2).build())) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t * perThread;
        Callable<Integer> job = () -> {
          start.await();
          int checked = 0;
          for (int i = first; i < first + perThread; i++) {
            Frame frame = frames.get(i);
            double[] expected = TestClassifiers.referenceProbabilities(w, pixels(frame, InputColor.RGB), CLASSES);
            for (Category c : classifier.process(frame).categories()) {
              assertEquals(expected[c.id()], c.score(), 1e-5, "frame " + i);
            }
            checked++;
          }
          return checked;
        };
        done.add(executor.submit(job));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> f : done) {
        total += f.get();
      }
      assertEquals(threads * perThread, total);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void closingWhileOthersProcessGivesThemResultsOrIllegalState() throws Exception {
    Classifier classifier = linearClassifier(InputColor.RGB, TestClassifiers.weights(CLASSES, SIZE * SIZE * 3, 2),
        TaskOptions.defaults());
    Frame frame = randomFrame(new Random(4));
    ExecutorService executor = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch running = new CountDownLatch(8);
      List<Future<String>> outcomes = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        outcomes.add(executor.submit(() -> {
          running.countDown();
          try {
            for (int i = 0; i < 1000; i++) {
              classifier.process(frame);
            }
            return "finished";
          } catch (IllegalStateException e) {
            return "closed";
          }
        }));
      }
      running.await();
      classifier.close();
      for (Future<String> f : outcomes) {
        assertTrue(List.of("finished", "closed").contains(f.get()));
      }
    } finally {
      executor.shutdownNow();
    }
  }
}
