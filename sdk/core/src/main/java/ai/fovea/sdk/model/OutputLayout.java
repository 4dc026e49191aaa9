package ai.fovea.sdk.model;

/**
 * What a model's outputs hold ({@code output.layout}): class scores before softmax or probabilities
 * (classification); TFLite's in-graph SSD post-processing outputs, raw SSD box/score tensors decoded against
 * anchors, or CenterNet heatmaps (detection).
 */
public enum OutputLayout {
  SCORES("scores", Task.CLASSIFY),
  PROBABILITIES("probabilities", Task.CLASSIFY),
  SSD_POSTPROCESS("ssd_postprocess", Task.DETECT),
  SSD_ANCHORS("ssd_anchors", Task.DETECT),
  CENTERNET("centernet", Task.DETECT);

  private final String key;
  private final Task task;

  OutputLayout(String key, Task task) {
    this.key = key;
    this.task = task;
  }

  public String key() {
    return key;
  }

  /** The task outputs of this layout serve. */
  public Task task() {
    return task;
  }

  /** The layout named {@code key}; throws {@link ModelMetadataException} for {@code output.layout}. */
  public static OutputLayout parse(String key) {
    for (OutputLayout l : values()) {
      if (l.key.equals(key)) {
        return l;
      }
    }
    throw new ModelMetadataException("output.layout", "must be scores, probabilities, ssd_postprocess, ssd_anchors"
        + " or centernet, got '" + key + "'");
  }
}
