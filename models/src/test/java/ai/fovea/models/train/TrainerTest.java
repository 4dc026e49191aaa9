package ai.fovea.models.train;

import ai.fovea.models.data.LabeledImages;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.models.data.Batch;
import ai.fovea.models.data.BatchLoader;
import ai.fovea.models.data.BatchStream;
import ai.fovea.models.data.Normalization;
import ai.fovea.models.data.augment.AffineWarp;
import ai.fovea.models.data.augment.AugmentationPipeline;
import ai.fovea.models.data.augment.Geometry;
import ai.fovea.models.data.augment.RandomErasing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {
  private static final LabeledImages TRAIN = SyntheticImages.make(256, 1);
  private static final LabeledImages VALIDATION = SyntheticImages.make(64, 2);

  private static TrainingConfig config(int epochs, int threads) {
    return TrainingConfig.builder().epochs(epochs).batchSize(16).learningRate(3e-3f).seed(7).threads(threads)
        .augmentation(1, false).build(); // no flips: the label is a quadrant
  }

  private static Network vgg() {
    return Architecture.VGG.build(12, 12, 1, SyntheticImages.CLASSES, 0.5f, 3);
  }

  @Test
  void lossDecreasesAndValidationAccuracyRises() {
    TrainingResult result = Trainer.builder(config(3, 2)).build().train(vgg(), TRAIN, VALIDATION);
    List<EpochRecord> h = result.history();
    assertEquals(3, h.size());
    assertTrue(h.get(2).trainLoss < h.get(0).trainLoss, "train loss " + h);
    assertTrue(h.get(2).validationAccuracy > 0.6, "validation accuracy " + h);
    assertTrue(h.get(2).samplesPerSecond > 0 && h.get(2).seconds > 0);
  }

  @Test
  void sameSeedGivesIdenticalRunsForAnyThreadCount() {
    Network a = vgg();
    Network b = vgg();
    TrainingResult ra = Trainer.builder(config(2, 1)).build().train(a, TRAIN, VALIDATION);
    TrainingResult rb = Trainer.builder(config(2, 2)).build().train(b, TRAIN, VALIDATION);
    assertSameRun(ra, rb);
  }

  @Test
  void resumedRunMatchesUninterruptedRun() {
    TrainingResult whole = Trainer.builder(config(3, 2)).build().train(vgg(), TRAIN, VALIDATION);

    List<Checkpoint> saved = new ArrayList<>();
    Trainer firstEpoch = Trainer.builder(config(3, 2)).checkpoints(saved::add).listener(new TrainingListener() {
      @Override
      public void onEpoch(EpochRecord record) {
        throw new Interrupted(); // the run "dies" right after its first checkpoint
      }
    }).build();
    assertThrows(Interrupted.class, () -> firstEpoch.train(vgg(), TRAIN, VALIDATION));
    assertEquals(1, saved.size());
    Checkpoint reread = CheckpointTest.roundTrip(saved.get(0));

    // A fresh network with other initial weights: everything must come from the checkpoint.
    Network fresh = Architecture.VGG.build(12, 12, 1, SyntheticImages.CLASSES, 0.5f, 99);
    TrainingResult resumed = Trainer.builder(config(3, 1)).build().resume(fresh, reread, TRAIN, VALIDATION);
    assertSameRun(whole, resumed);
  }

  @Test
  void batchesAreTheDataPipelinesWithTheConfiguredAugmentation() {
    TrainingConfig config = TrainingConfig.builder().batchSize(48).seed(11).augmentation(2, true).erasing(0.5f)
        .build();
    Normalization normalization = Normalization.fit(TRAIN);
    BatchLoader expected = BatchLoader.builder(TRAIN).batchSize(48).shuffle(11)
        .augment(AugmentationPipeline.builder()
            .add(AffineWarp.of(Geometry.flipHorizontal(0.5), Geometry.shift(2, 2)))
            .add(RandomErasing.builder().build(), 0.5).build(), 11)
        .normalize(normalization).dropLast(true).build();
    BatchLoader withoutErasing = Trainer.batches(TrainingConfig.builder().batchSize(48).seed(11)
        .augmentation(2, true).build(), TRAIN, normalization);
    BatchLoader actual = Trainer.batches(config, TRAIN, normalization);
    assertEquals(5, actual.batchesPerEpoch()); // 256 images: the short last batch is dropped
    boolean erased = false;
    for (int epoch = 1; epoch <= 2; epoch++) {
      try (BatchStream a = actual.epoch(epoch); BatchStream e = expected.epoch(epoch);
          BatchStream w = withoutErasing.epoch(epoch)) {
        while (e.hasNext()) {
          Batch got = a.next();
          Batch want = e.next();
          assertArrayEquals(want.copySourceIndices(), got.copySourceIndices());
          assertArrayEquals(want.copyLabels(), got.copyLabels());
          assertArrayEquals(want.copyPixels(), got.copyPixels(), 0f);
          erased |= !java.util.Arrays.equals(got.copyPixels(), w.next().copyPixels());
        }
        assertFalse(a.hasNext());
      }
    }
    assertTrue(erased, "erase 0.5 left every batch as without erasing");
  }

  @Test
  void resumeRefusesAnotherConfiguration() {
    List<Checkpoint> saved = new ArrayList<>();
    Trainer.builder(config(1, 1)).checkpoints(saved::add).build().train(vgg(), TRAIN, VALIDATION);
    TrainingConfig other = TrainingConfig.builder().epochs(1).batchSize(16).learningRate(1e-3f).seed(7).build();
    assertThrows(IllegalArgumentException.class,
        () -> Trainer.builder(other).build().resume(vgg(), saved.get(0), TRAIN, VALIDATION));
  }

  @Test
  void rejectsImagesThatDoNotFitTheNetwork() {
    Network wide = Architecture.VGG.build(16, 16, 1, SyntheticImages.CLASSES, 0.5f, 3);
    assertThrows(IllegalArgumentException.class,
        () -> Trainer.builder(config(1, 1)).build().train(wide, TRAIN, VALIDATION));
    Network twoClasses = Architecture.VGG.build(12, 12, 1, 2, 0.5f, 3);
    assertThrows(IllegalArgumentException.class,
        () -> Trainer.builder(config(1, 1)).build().train(twoClasses, TRAIN, VALIDATION));
  }

  static void assertSameRun(TrainingResult a, TrainingResult b) {
    assertEquals(a.history().size(), b.history().size());
    for (int i = 0; i < a.history().size(); i++) {
      assertTrue(a.history().get(i).sameResultAs(b.history().get(i)),
          a.history().get(i) + " vs " + b.history().get(i));
    }
    List<Variable> pa = a.network().parameters();
    List<Variable> pb = b.network().parameters();
    for (int i = 0; i < pa.size(); i++) {
      assertArrayEquals(pa.get(i).values(), pb.get(i).values(), 0f, pa.get(i).name());
    }
    for (int i = 0; i < a.network().buffers().size(); i++) {
      assertArrayEquals(a.network().buffers().get(i), b.network().buffers().get(i), 0f, "buffer " + i);
    }
  }

  /** Stands for a run killed between epochs. */
  private static final class Interrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
