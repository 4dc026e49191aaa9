package ai.fovea.models.train;

/** Progress callbacks from the trainer's thread (for progress bars and logs); both default to doing nothing. */
public interface TrainingListener {
  /** After each training step: running means of the epoch so far. */
  default void onBatch(int epoch, int batch, int batches, double loss, double accuracy, double samplesPerSecond) {}

  /** After each epoch's validation and checkpoint. */
  default void onEpoch(EpochRecord record) {}
}
