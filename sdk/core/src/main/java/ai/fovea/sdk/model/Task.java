package ai.fovea.sdk.model;

/** What a model does, as its metadata's {@code task} key says: {@code classify} or {@code detect}. */
public enum Task {
  CLASSIFY("classify"),
  DETECT("detect");

  private final String key;

  Task(String key) {
    this.key = key;
  }

  /** The word used in metadata and on the command line. */
  public String key() {
    return key;
  }

  /** The task named {@code key}; throws {@link ModelMetadataException} for {@code task} naming the choices. */
  public static Task parse(String key) {
    for (Task t : values()) {
      if (t.key.equals(key)) {
        return t;
      }
    }
    throw new ModelMetadataException("task", "must be classify or detect, got '" + key + "'");
  }
}
