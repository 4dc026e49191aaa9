package ai.fovea.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.data.augment.AffineWarp;
import ai.fovea.models.data.augment.Augmentation;
import ai.fovea.models.data.augment.AugmentationPipeline;
import ai.fovea.models.data.augment.BrightnessContrast;
import ai.fovea.models.data.augment.Geometry;
import ai.fovea.models.data.augment.RandomErasing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The background batch loader on synthetic images whose pixels encode their index: coverage, order, determinism
 * for a seed, augmentation and normalization as a plain loop computes them, errors and early close.
 */
class BatchLoaderTest {
  private static final LabeledImages IMAGES = synthetic(103, 4, 3, 2);

  @Test
  void everyImageOncePerEpochInStoredOrderWithoutShuffle() {
    BatchLoader loader = BatchLoader.builder(IMAGES).batchSize(10).build();
    assertEquals(11, loader.batchesPerEpoch());
    List<Batch> batches = collect(loader, 1);
    assertEquals(11, batches.size());
    assertEquals(Shape.of(10, 4, 3, 2), batches.get(0).shape());
    assertEquals(Shape.of(3, 4, 3, 2), batches.get(10).shape(), "the short last batch is kept");
    float[] expected = IMAGES.copyPixels();
    int offset = 0;
    for (int b = 0; b < batches.size(); b++) {
      Batch batch = batches.get(b);
      assertEquals(b, batch.index());
      assertEquals(1, batch.epoch());
      float[] pixels = batch.copyPixels();
      assertArrayEquals(Arrays.copyOfRange(expected, offset, offset + pixels.length), pixels);
      offset += pixels.length;
      for (int i = 0; i < batch.size(); i++) {
        int source = batch.copySourceIndices()[i];
        assertEquals(b * 10 + i, source);
        assertEquals(IMAGES.label(source), batch.copyLabels()[i]);
      }
    }
  }

  @Test
  void shuffledEpochIsAPermutationFixedBySeedAndEpoch() {
    BatchLoader loader = BatchLoader.builder(IMAGES).batchSize(16).shuffle(5).build();
    int[] epoch1 = sources(collect(loader, 1));
    int[] sorted = epoch1.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      assertEquals(i, sorted[i]);
    }
    assertArrayEquals(epoch1, sources(collect(BatchLoader.builder(IMAGES).batchSize(16).shuffle(5).build(), 1)));
    assertFalse(Arrays.equals(epoch1, sources(collect(loader, 2))), "each epoch has its own order");
    assertFalse(Arrays.equals(epoch1,
        sources(collect(BatchLoader.builder(IMAGES).batchSize(16).shuffle(6).build(), 1))));
  }

  @Test
  void dropLastSkipsTheShortBatch() {
    BatchLoader loader = BatchLoader.builder(IMAGES).batchSize(10).shuffle(1).dropLast(true).build();
    assertEquals(10, loader.batchesPerEpoch());
    List<Batch> batches = collect(loader, 3);
    assertEquals(10, batches.size());
    for (Batch batch : batches) {
      assertEquals(10, batch.size());
    }
    assertThrows(IllegalArgumentException.class,
        () -> BatchLoader.builder(IMAGES).batchSize(200).dropLast(true).build());
  }

  @Test
  void augmentsAndNormalizesEachImageLikeAPlainLoop() {
    Augmentation pipeline = AugmentationPipeline.builder()
        .add(AffineWarp.of(Geometry.flipHorizontal(0.5), Geometry.shift(1, 1), Geometry.rotation(20)))
        .add(BrightnessContrast.of(0.1f, 0.3f), 0.5)
        .add(RandomErasing.builder().build(), 0.5)
        .build();
    Normalization norm = Normalization.fit(IMAGES);
    BatchLoader loader = BatchLoader.builder(IMAGES).batchSize(8).shuffle(9).augment(pipeline, 11)
        .normalize(norm).build();
    int epoch = 4;
    List<Batch> batches = collect(loader, epoch);
    int size = IMAGES.imageSize();
    int position = 0;
    for (Batch batch : batches) {
      float[] pixels = batch.copyPixels();
      int[] sources = batch.copySourceIndices();
      for (int i = 0; i < batch.size(); i++, position++) {
        ai.fovea.models.data.augment.ImageBuffer image =
            new ai.fovea.models.data.augment.ImageBuffer(IMAGES.height(), IMAGES.width(), IMAGES.channels());
        IMAGES.copyImage(sources[i], image.pixels(), 0);
        pipeline.apply(image, new Random(BatchLoader.mix(11, epoch, position)));
        float[] expected = image.copyPixels();
        norm.applyInPlace(expected, 0, size);
        assertArrayEquals(expected, Arrays.copyOfRange(pixels, i * size, (i + 1) * size));
      }
    }
    // Same batches again, whatever the prefetch depth (thread timing) and whether earlier epochs ran.
    BatchLoader deep = BatchLoader.builder(IMAGES).batchSize(8).shuffle(9).augment(pipeline, 11).normalize(norm)
        .prefetch(7).build();
    assertBatchesEqual(batches, collect(deep, epoch));
    assertNotEquals(Arrays.toString(batches.get(0).copyPixels()),
        Arrays.toString(collect(loader, epoch + 1).get(0).copyPixels()), "another epoch, other augmentations");
  }

  @Test
  void aFailureOnTheLoaderThreadReachesTheConsumerAfterEarlierBatches() {
    AtomicInteger calls = new AtomicInteger();
    Augmentation failsOnTwentieth = (image, random) -> {
      if (calls.incrementAndGet() == 20) {
        throw new IllegalStateException("broken augmentation");
      }
    };
    BatchLoader loader = BatchLoader.builder(IMAGES).batchSize(8).augment(failsOnTwentieth, 0).build();
    try (BatchStream stream = loader.epoch(1)) {
      stream.next();
      stream.next();
      BatchLoadingException e = assertThrows(BatchLoadingException.class, stream::next);
      assertTrue(e.getMessage().contains("batch 2 of epoch 1"), e.getMessage());
      assertEquals("broken augmentation", e.getCause().getMessage());
      assertFalse(stream.hasNext());
      assertThrows(NoSuchElementException.class, stream::next);
    }
  }

  @Test
  void prefetchesAtMostTheQueueAheadAndClosesEarlyWithoutLeavingAThread() throws InterruptedException {
    AtomicInteger prepared = new AtomicInteger();
    Augmentation counting = (image, random) -> prepared.incrementAndGet();
    BatchLoader loader = BatchLoader.builder(IMAGES).batchSize(1).augment(counting, 0).prefetch(3).build();
    BatchStream stream = loader.epoch(1);
    stream.next();
    Thread.sleep(200);
    // Taken 1, queue holds 3, the worker may hold one more it cannot put: never the whole epoch.
    assertTrue(prepared.get() <= 5, prepared.get() + " images prepared");
    stream.close();
    stream.close();
    assertFalse(stream.hasNext());
    assertThrows(NoSuchElementException.class, stream::next);
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      assertFalse(t.getName().startsWith("fovea-batches-epoch-") && t.isAlive(), "left running: " + t);
    }
  }

  @Test
  void closeWaitsForAWorkerInsideASlowAugmentation() throws InterruptedException {
    CountDownLatch entered = new CountDownLatch(1);
    AtomicInteger finished = new AtomicInteger();
    Augmentation slow = (image, random) -> {
      entered.countDown();
      long end = System.nanoTime() + 50_000_000L;
      while (System.nanoTime() < end) {
        Thread.onSpinWait(); // ignores interrupts, like user code may
      }
      finished.incrementAndGet();
    };
    BatchStream stream = BatchLoader.builder(IMAGES).batchSize(4).augment(slow, 0).build().epoch(1);
    assertTrue(entered.await(10, TimeUnit.SECONDS));
    stream.close();
    int after = finished.get();
    Thread.sleep(100);
    assertEquals(after, finished.get(), "no augmentation runs after close() returned");
  }

  @Test
  void batchesAreCopiesTheConsumerCannotChange() {
    Batch batch = collect(BatchLoader.builder(IMAGES).batchSize(4).build(), 1).get(0);
    float[] pixels = batch.copyPixels();
    pixels[0] = 42f;
    assertNotEquals(42f, batch.copyPixels()[0]);
    assertSame(IMAGES, BatchLoader.builder(IMAGES).build().images());
  }

  @Test
  void rejectsNormalizationWithAnotherChannelCount() {
    assertThrows(IllegalArgumentException.class,
        () -> BatchLoader.builder(IMAGES).normalize(Normalization.identity(3)));
    assertThrows(IllegalArgumentException.class, () -> BatchLoader.builder(IMAGES).batchSize(0));
  }

  private static List<Batch> collect(BatchLoader loader, int epoch) {
    List<Batch> batches = new ArrayList<>();
    try (BatchStream stream = loader.epoch(epoch)) {
      assertEquals(loader.batchesPerEpoch(), stream.size());
      while (stream.hasNext()) {
        batches.add(stream.next());
      }
    }
    return batches;
  }

  private static int[] sources(List<Batch> batches) {
    return batches.stream().flatMapToInt(b -> Arrays.stream(b.copySourceIndices())).toArray();
  }

  private static void assertBatchesEqual(List<Batch> expected, List<Batch> actual) {
    assertEquals(expected.size(), actual.size());
    for (int b = 0; b < expected.size(); b++) {
      assertArrayEquals(expected.get(b).copyPixels(), actual.get(b).copyPixels(), "batch " + b);
      assertArrayEquals(expected.get(b).copySourceIndices(), actual.get(b).copySourceIndices());
    }
  }

  /** Seeded random images; image i has label i % 10. */
  private static LabeledImages synthetic(int n, int h, int w, int c) {
    Random random = new Random(1);
    float[] pixels = new float[n * h * w * c];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat();
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 10;
    }
    return LabeledImages.of(h, w, c, pixels, labels);
  }
}
