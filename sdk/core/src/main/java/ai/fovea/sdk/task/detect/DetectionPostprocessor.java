package ai.fovea.sdk.task.detect;

import ai.fovea.kernels.tensor.Tensor;
import java.util.List;

/**
 * The whole detection post-processing of one model: a {@link DetectionDecoder} and {@link NonMaxSuppression}
 * (use {@link NmsMethod#NONE} for models that suppress in-graph). {@link #prepare} sizes everything for the
 * model's outputs once; {@link #run} decodes and suppresses a frame in reused flat tables and allocates only the
 * returned detections (normalized model-input coordinates, best first; map them with {@link SourceMapping}).
 * One thread at a time.
 */
public final class DetectionPostprocessor {
  private final DetectionDecoder decoder;
  private final NonMaxSuppression nms;
  private DetectionCandidates candidates;
  private DetectionCandidates survivors;

  public DetectionPostprocessor(DetectionDecoder decoder, NmsOptions nms) {
    if (decoder == null || nms == null) {
      throw new IllegalArgumentException("a decoder and NMS options are required, got " + decoder + ", " + nms);
    }
    this.decoder = decoder;
    this.nms = new NonMaxSuppression(nms);
  }

  public DetectionDecoder decoder() {
    return decoder;
  }

  public NmsOptions nmsOptions() {
    return nms.options();
  }

  /** Checks the model's outputs against the decoder (throws {@link DetectionOutputException}) and sizes the tables. */
  public void prepare(Tensor[] outputs) {
    decoder.prepare(outputs);
    int capacity = decoder.capacity();
    int keypoints = decoder.keypointCount();
    candidates = new DetectionCandidates(capacity, keypoints);
    nms.prepare(capacity, keypoints);
    survivors = new DetectionCandidates(Math.min(capacity, nms.options().maxDetections()), keypoints);
  }

  /** Decodes and suppresses one frame's outputs (shaped as prepared); the detections best first. */
  public List<Detection> run(Tensor[] outputs) {
    if (candidates == null) {
      throw new IllegalStateException("DetectionPostprocessor.run before prepare");
    }
    decoder.decode(outputs, candidates);
    nms.run(candidates, survivors);
    return survivors.toDetections();
  }

  /** The candidates the decoder produced in the last {@link #run}, before suppression (reused next run). */
  public DetectionCandidates lastCandidates() {
    if (candidates == null) {
      throw new IllegalStateException("DetectionPostprocessor.lastCandidates before prepare");
    }
    return candidates;
  }
}
