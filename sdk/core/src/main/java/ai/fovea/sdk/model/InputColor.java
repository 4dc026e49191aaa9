package ai.fovea.sdk.model;

/** The colour a model's input expects ({@code input.color}): RGB, or gray as BT.601 luma. */
public enum InputColor {
  RGB("rgb", 3),
  GRAY("gray", 1);

  private final String key;
  private final int channels;

  InputColor(String key, int channels) {
    this.key = key;
    this.channels = channels;
  }

  public String key() {
    return key;
  }

  /** Channels of the input tensor's last axis: 3 or 1. */
  public int channels() {
    return channels;
  }

  /** The colour named {@code key}; throws {@link ModelMetadataException} for {@code input.color}. */
  public static InputColor parse(String key) {
    for (InputColor c : values()) {
      if (c.key.equals(key)) {
        return c;
      }
    }
    throw new ModelMetadataException("input.color", "must be rgb or gray, got '" + key + "'");
  }
}
