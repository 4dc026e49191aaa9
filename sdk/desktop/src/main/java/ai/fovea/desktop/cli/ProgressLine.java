package ai.fovea.desktop.cli;

import ai.fovea.models.train.EpochRecord;
import ai.fovea.models.train.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The live one-line training progress bar on a terminal: epoch, bar, batch, running loss and accuracy,
 * samples/s and the whole run's ETA (at the current epoch's rate), redrawn in place (carriage return) at most
 * every 200 ms; each finished epoch leaves one permanent line.
 */
final class ProgressLine implements TrainingListener {
  private static final int WIDTH = 24;
  private static final long REDRAW_NANOS = 200_000_000L;
  private final PrintStream out;
  private final int epochs;
  private final int batchSize;
  private long lastDraw;

  ProgressLine(PrintStream out, int epochs, int batchSize) {
    this.out = out;
    this.epochs = epochs;
    this.batchSize = batchSize;
  }

  @Override
  public void onBatch(int epoch, int batch, int batches, double loss, double accuracy, double samplesPerSecond) {
    long now = System.nanoTime();
    if (batch != batches && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    int filled = (int) ((long) WIDTH * batch / batches);
    long remainingBatches = (long) (epochs - epoch) * batches + (batches - batch);
    double eta = remainingBatches * (double) batchSize / Math.max(1e-9, samplesPerSecond);
    out.printf(Locale.ROOT, "\repoch %d/%d [%s%s] %d/%d loss %.4f acc %.4f %.0f samples/s ETA %s   ", epoch, epochs,
        "#".repeat(filled), ".".repeat(WIDTH - filled), batch, batches, loss, accuracy, samplesPerSecond,
        duration(eta));
    out.flush();
  }

  @Override
  public void onEpoch(EpochRecord r) {
    out.printf(Locale.ROOT, "\r%-110s%n", String.format(Locale.ROOT,
        "epoch %d/%d: train loss %.4f acc %.4f | val loss %.4f acc %.4f | lr %.2e | %.0f s, %.0f samples/s",
        r.epoch, epochs, r.trainLoss, r.trainAccuracy, r.validationLoss, r.validationAccuracy, r.learningRate,
        r.seconds, r.samplesPerSecond));
    out.flush();
  }

  static String duration(double seconds) {
    long s = Math.max(0, Math.round(seconds));
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
