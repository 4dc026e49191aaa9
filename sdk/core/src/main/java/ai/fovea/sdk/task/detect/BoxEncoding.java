package ai.fovea.sdk.task.detect;

/** The order of an SSD box row's four centre-size values and of each keypoint's two coordinates. */
public enum BoxEncoding {
  /** y centre, x centre, height, width; keypoints y, x (TensorFlow object detection, TFLite's post-process op). */
  YXHW,
  /** x centre, y centre, width, height; keypoints x, y (MediaPipe's {@code reverse_output_order}, BlazeFace). */
  XYWH
}
