package ai.fovea.models.train;

import ai.fovea.models.data.Normalization;
import java.util.List;

/** A finished run: the trained network, the input normalization it expects, its configuration and history. */
public final class TrainingResult {
  private final Network network;
  private final Normalization normalization;
  private final TrainingConfig config;
  private final List<EpochRecord> history;

  TrainingResult(Network network, Normalization normalization, TrainingConfig config, List<EpochRecord> history) {
    this.network = network;
    this.normalization = normalization;
    this.config = config;
    this.history = List.copyOf(history);
  }

  public Network network() {
    return network;
  }

  public Normalization normalization() {
    return normalization;
  }

  public TrainingConfig config() {
    return config;
  }

  /** One record per epoch, oldest first (including epochs done before a resume). */
  public List<EpochRecord> history() {
    return history;
  }
}
