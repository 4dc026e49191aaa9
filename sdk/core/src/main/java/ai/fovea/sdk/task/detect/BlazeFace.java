package ai.fovea.sdk.task.detect;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * MediaPipe's short-range face detector (BlazeFace, {@code face_detection_short_range.tflite}) as its published
 * graph ({@code face_detection_short_range_common.pbtxt}) post-processes it: 896 SSD anchors (128 × 128 input,
 * strides 8, 16, 16, 16, scales 0.1484375..0.75, aspect ratio 1, fixed anchor size), raw outputs
 * {@code [1, 896, 16]} (x, y, w, h and six x, y keypoints, all scaled by 128) and {@code [1, 896, 1]} logits,
 * sigmoid scores clipped at ±100, minimum score 0.5, weighted NMS at IoU 0.3. The model's input is RGB scaled to
 * [-1, 1] (mean 127.5, std 127.5), letterboxed.
 */
public final class BlazeFace {
  /** Input width and height of the short-range model. */
  public static final int INPUT_SIZE = 128;
  /** Per-channel input normalization: (pixel - mean) / std gives [-1, 1]. */
  public static final float INPUT_MEAN = 127.5f;
  public static final float INPUT_STD = 127.5f;
  /** The six keypoints, in output order (the subject's right and left, as MediaPipe names them). */
  public static final List<String> KEYPOINTS = Collections.unmodifiableList(Arrays.asList(
      "right eye", "left eye", "nose tip", "mouth center", "right ear tragion", "left ear tragion"));

  private BlazeFace() {}

  public static SsdAnchorOptions shortRangeAnchors() {
    return SsdAnchorOptions.builder().inputSize(INPUT_SIZE, INPUT_SIZE).scales(0.1484375f, 0.75f).anchorOffset(0.5f, 0.5f)
        .strides(8, 16, 16, 16).aspectRatios(1.0f).fixedAnchorSize(true).build();
  }

  public static SsdDecoderOptions shortRangeDecoderOptions() {
    return SsdDecoderOptions.builder(SsdAnchorGenerator.generate(shortRangeAnchors())).encoding(BoxEncoding.XYWH)
        .scales(INPUT_SIZE, INPUT_SIZE, INPUT_SIZE, INPUT_SIZE).exponentialSize(false).scoreConversion(ScoreConversion.SIGMOID)
        .scoreClip(100).keypoints(KEYPOINTS.size(), 4).minScore(0.5f).build();
  }

  public static NmsOptions shortRangeNms() {
    return NmsOptions.builder().method(NmsMethod.WEIGHTED).iouThreshold(0.3f).scoreThreshold(0.5f).classAware(false).build();
  }

  /** Decoder and NMS of the short-range model, ready to {@link DetectionPostprocessor#prepare prepare}. */
  public static DetectionPostprocessor shortRange() {
    return new DetectionPostprocessor(new SsdDecoder(shortRangeDecoderOptions()), shortRangeNms());
  }
}
