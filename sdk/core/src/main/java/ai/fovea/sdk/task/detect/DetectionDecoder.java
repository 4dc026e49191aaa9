package ai.fovea.sdk.task.detect;

import ai.fovea.kernels.tensor.Tensor;

/**
 * Turns a detection model's output tensors into {@link DetectionCandidates}: boxes normalized to the model input
 * (0..1 across its width and height, x right, y down), scores, class ids and keypoints, before non-maximum
 * suppression. {@link #prepare} checks the outputs' types and shapes once and sizes the scratch;
 * {@link #decode} then runs per frame without allocating. Implementations are not thread-safe.
 */
public interface DetectionDecoder {
  /**
   * The most candidates a decoder sizes its tables for (about 170 MB with NMS scratch): {@link #prepare} refuses
   * outputs that could give more, so no output shape can exhaust memory.
   */
  int MAX_CANDIDATES = 1 << 22;

  /**
   * Checks that {@code outputs} (the model's output tensors, in model order) are what this decoder reads;
   * throws {@link DetectionOutputException} naming the output that is not.
   */
  void prepare(Tensor[] outputs);

  /** The most candidates one frame can produce (valid after {@link #prepare}). */
  int capacity();

  /** Keypoints per candidate. */
  int keypointCount();

  /** Decodes one frame's outputs (shaped as prepared) into {@code out}, which it clears first. */
  void decode(Tensor[] outputs, DetectionCandidates out);
}
