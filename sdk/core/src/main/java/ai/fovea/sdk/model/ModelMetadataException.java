package ai.fovea.sdk.model;

/**
 * A model's Fovea metadata ({@code fovea.model}, {@code fovea.labels}) is missing or invalid, or does not fit the
 * model; {@link #key()} names the entry at fault (e.g. {@code input.std}, or {@code fovea.labels}).
 */
public class ModelMetadataException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String key;

  public ModelMetadataException(String key, String message) {
    super(key + ": " + message);
    this.key = key;
  }

  /** The metadata key or buffer name at fault. */
  public String key() {
    return key;
  }
}
