package ai.fovea.models.train;

/**
 * One finished epoch: training loss and accuracy (means over its batches, in training mode with augmentation),
 * validation loss and accuracy (inference mode), the learning rate at its last step, its training wall time and
 * throughput. Immutable.
 */
public final class EpochRecord {
  public final int epoch;
  public final double trainLoss;
  public final double trainAccuracy;
  public final double validationLoss;
  public final double validationAccuracy;
  public final double learningRate;
  public final double seconds;
  public final double samplesPerSecond;

  public EpochRecord(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
      double validationAccuracy, double learningRate, double seconds, double samplesPerSecond) {
    if (epoch < 1) {
      throw new IllegalArgumentException("epochs count from 1, got " + epoch);
    }
    this.epoch = epoch;
    this.trainLoss = trainLoss;
    this.trainAccuracy = trainAccuracy;
    this.validationLoss = validationLoss;
    this.validationAccuracy = validationAccuracy;
    this.learningRate = learningRate;
    this.seconds = seconds;
    this.samplesPerSecond = samplesPerSecond;
  }

  /** Same values apart from the timings (which differ from run to run). */
  public boolean sameResultAs(EpochRecord o) {
    return epoch == o.epoch && trainLoss == o.trainLoss && trainAccuracy == o.trainAccuracy
        && validationLoss == o.validationLoss && validationAccuracy == o.validationAccuracy
        && learningRate == o.learningRate;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "epoch %d: train loss %.4f acc %.4f, val loss %.4f acc %.4f, lr %.2e, %.1f s, %.0f samples/s", epoch,
        trainLoss, trainAccuracy, validationLoss, validationAccuracy, learningRate, seconds, samplesPerSecond);
  }
}
