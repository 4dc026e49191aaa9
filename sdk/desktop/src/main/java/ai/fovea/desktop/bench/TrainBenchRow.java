package ai.fovea.desktop.bench;

/** One network's training throughput: ours and the reference's samples per second at one batch size. */
public final class TrainBenchRow {
  public static final String REFERENCE = "tensorflow-java-1.1.0-cpu";
  private final String network;
  private final long parameters;
  private final int batch;
  private final double oursSamplesPerSecond;
  private final double referenceSamplesPerSecond;

  TrainBenchRow(String network, long parameters, int batch, double oursSamplesPerSecond,
      double referenceSamplesPerSecond) {
    this.network = network;
    this.parameters = parameters;
    this.batch = batch;
    this.oursSamplesPerSecond = oursSamplesPerSecond;
    this.referenceSamplesPerSecond = referenceSamplesPerSecond;
  }

  public String network() {
    return network;
  }

  public long parameters() {
    return parameters;
  }

  public int batch() {
    return batch;
  }

  public double oursSamplesPerSecond() {
    return oursSamplesPerSecond;
  }

  public double referenceSamplesPerSecond() {
    return referenceSamplesPerSecond;
  }

  /** Ours / reference throughput: above 1 means we train faster (the goal is at least 0.5). */
  public double ratio() {
    return oursSamplesPerSecond / referenceSamplesPerSecond;
  }
}
