package ai.fovea.sdk.task.detect;

/** How {@link NonMaxSuppression} treats a candidate that overlaps a better one. */
public enum NmsMethod {
  /** Suppress nothing: keep candidates above the score threshold, best first, up to the cap (models that ran NMS in-graph, CenterNet). */
  NONE,
  /** Drop it when IoU &gt; the threshold (classic greedy NMS, as TFLite and MediaPipe's DEFAULT). */
  HARD,
  /** Multiply its score by (1 - IoU) when IoU &gt; the threshold (soft-NMS, Bodla et al. 2017, linear). */
  SOFT_LINEAR,
  /** Multiply its score by exp(-IoU² / sigma), whatever the IoU (soft-NMS, Gaussian). */
  SOFT_GAUSSIAN,
  /**
   * MediaPipe's WEIGHTED: the best candidate absorbs every candidate with IoU &gt; the threshold (itself
   * included); its box and keypoints become their score-weighted mean, its score stays its own.
   */
  WEIGHTED
}
