package ai.fovea.sdk.task.detect;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * MediaPipe's face detectors (BlazeFace) post-processed as their published graphs do
 * ({@code face_detection_short_range_common.pbtxt}, {@code face_detection_full_range_common.pbtxt}): SSD anchors
 * with aspect ratio 1 and fixed size, raw outputs {@code [1, N, 16]} (x, y, w, h and six x, y keypoints, all
 * scaled by the input size) and {@code [1, N, 1]} logits, sigmoid scores clipped at ±100, weighted NMS at IoU
 * 0.3. The inputs are RGB scaled to [-1, 1] (mean 127.5, std 127.5), letterboxed.
 * <ul>
 *   <li>short range ({@code face_detection_short_range.tflite}): 128 × 128, strides 8, 16, 16, 16 with an
 *       interpolated anchor each: 896 anchors; minimum score 0.5;
 *   <li>full range ({@code face_detection_full_range[_sparse].tflite}): 192 × 192, one stride-4 layer without
 *       interpolated anchor: 2304 anchors; minimum score 0.6.
 * </ul>
 */
public final class BlazeFace {
  /** Input width and height of the short-range model. */
  public static final int INPUT_SIZE = 128;
  /** Input width and height of the full-range model. */
  public static final int FULL_RANGE_INPUT_SIZE = 192;
  /** Per-channel input normalization: (pixel - mean) / std gives [-1, 1]. */
  public static final float INPUT_MEAN = 127.5f;
  public static final float INPUT_STD = 127.5f;
  /** The six keypoints, in output order (the subject's right and left, as MediaPipe names them). */
  public static final List<String> KEYPOINTS = Collections.unmodifiableList(Arrays.asList(
      "right eye", "left eye", "nose tip", "mouth center", "right ear tragion", "left ear tragion"));

  private static final float SHORT_RANGE_MIN_SCORE = 0.5f;
  private static final float FULL_RANGE_MIN_SCORE = 0.6f;

  private BlazeFace() {}

  public static SsdAnchorOptions shortRangeAnchors() {
    return anchors(INPUT_SIZE, 1.0f, 8, 16, 16, 16);
  }

  public static SsdAnchorOptions fullRangeAnchors() {
    return anchors(FULL_RANGE_INPUT_SIZE, 0, 4);
  }

  public static SsdDecoderOptions shortRangeDecoderOptions() {
    return decoderOptions(shortRangeAnchors(), INPUT_SIZE, SHORT_RANGE_MIN_SCORE);
  }

  public static SsdDecoderOptions fullRangeDecoderOptions() {
    return decoderOptions(fullRangeAnchors(), FULL_RANGE_INPUT_SIZE, FULL_RANGE_MIN_SCORE);
  }

  public static NmsOptions shortRangeNms() {
    return nms(SHORT_RANGE_MIN_SCORE);
  }

  public static NmsOptions fullRangeNms() {
    return nms(FULL_RANGE_MIN_SCORE);
  }

  /** Decoder and NMS of the short-range model, ready to {@link DetectionPostprocessor#prepare prepare}. */
  public static DetectionPostprocessor shortRange() {
    return new DetectionPostprocessor(new SsdDecoder(shortRangeDecoderOptions()), shortRangeNms());
  }

  /** Decoder and NMS of the full-range model. */
  public static DetectionPostprocessor fullRange() {
    return new DetectionPostprocessor(new SsdDecoder(fullRangeDecoderOptions()), fullRangeNms());
  }

  private static SsdAnchorOptions anchors(int inputSize, float interpolatedRatio, int... strides) {
    return SsdAnchorOptions.builder().inputSize(inputSize, inputSize).scales(0.1484375f, 0.75f).anchorOffset(0.5f, 0.5f)
        .strides(strides).aspectRatios(1.0f).interpolatedScaleAspectRatio(interpolatedRatio).fixedAnchorSize(true).build();
  }

  private static SsdDecoderOptions decoderOptions(SsdAnchorOptions anchors, float scale, float minScore) {
    return SsdDecoderOptions.builder(SsdAnchorGenerator.generate(anchors)).encoding(BoxEncoding.XYWH).scales(scale, scale, scale, scale)
        .exponentialSize(false).scoreConversion(ScoreConversion.SIGMOID).scoreClip(100).keypoints(KEYPOINTS.size(), 4)
        .minScore(minScore).build();
  }

  private static NmsOptions nms(float minScore) {
    return NmsOptions.builder().method(NmsMethod.WEIGHTED).iouThreshold(0.3f).scoreThreshold(minScore).classAware(false).build();
  }
}
