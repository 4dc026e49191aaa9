package ai.fovea.sdk.task.detect;

/** How a decoder turns a model's raw class outputs into scores. */
public enum ScoreConversion {
  /** The outputs are scores already. */
  NONE,
  /** Logistic sigmoid per value (after optional clipping), as MediaPipe's {@code sigmoid_score}. */
  SIGMOID,
  /** Softmax across each anchor's classes, background columns included. */
  SOFTMAX
}
