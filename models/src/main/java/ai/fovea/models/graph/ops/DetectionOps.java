package ai.fovea.models.graph.ops;

import ai.fovea.kernels.detection.DetectionPostprocess;
import ai.fovea.kernels.detection.DetectionPostprocessParams;
import ai.fovea.models.graph.OpResolver;
import ai.fovea.models.tflite.FlexBufferMap;
import ai.fovea.models.tflite.ModelFormatException;

/**
 * Registers ml-kernels' {@code detection} package: the custom op {@code TFLite_Detection_PostProcess}, whose
 * options are a FlexBuffer map with TFLite's keys ({@code max_detections}, {@code max_classes_per_detection},
 * {@code num_classes}, {@code nms_score_threshold}, {@code nms_iou_threshold}, {@code y_scale}, {@code x_scale},
 * {@code h_scale}, {@code w_scale}, optional {@code detections_per_class} (100) and {@code use_regular_nms}
 * (false)). A missing key or an out-of-range value is a {@link ModelFormatException} (TFLite would read 0 and
 * fail later or divide by zero).
 */
public final class DetectionOps {
  /** The custom code the TF Object Detection API's converter writes. */
  public static final String DETECTION_POSTPROCESS = "TFLite_Detection_PostProcess";

  private DetectionOps() {}

  public static void register(OpResolver.Builder b) {
    b.addCustom(DETECTION_POSTPROCESS, (options, in, out, pool) ->
        new DetectionPostprocess(params(FlexBufferMap.read(options.customOptions(), DETECTION_POSTPROCESS
            + " custom options"))));
  }

  /** The op's parameters from its FlexBuffer options. */
  public static DetectionPostprocessParams params(FlexBufferMap m) {
    DetectionPostprocessParams.Builder p = DetectionPostprocessParams.builder()
        .maxDetections(m.intValue("max_detections"))
        .maxClassesPerDetection(m.intValue("max_classes_per_detection"))
        .numClasses(m.intValue("num_classes"))
        .scoreThreshold(m.floatValue("nms_score_threshold"))
        .iouThreshold(m.floatValue("nms_iou_threshold"))
        .scales(m.floatValue("y_scale"), m.floatValue("x_scale"), m.floatValue("h_scale"), m.floatValue("w_scale"));
    if (m.has("detections_per_class")) {
      p.detectionsPerClass(m.intValue("detections_per_class"));
    }
    if (m.has("use_regular_nms")) {
      p.useRegularNms(m.boolValue("use_regular_nms"));
    }
    try {
      return p.build();
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(e.getMessage());
    }
  }
}
