package ai.fovea.desktop.recognize;

import ai.fovea.desktop.assets.Asset;
import ai.fovea.desktop.assets.AssetUnavailableException;
import ai.fovea.desktop.assets.Assets;
import ai.fovea.sdk.convert.ScaleMode;
import ai.fovea.sdk.model.ModelDescriptor;
import ai.fovea.sdk.model.OutputLayout;
import ai.fovea.sdk.model.Task;
import ai.fovea.sdk.task.detect.BlazeFace;
import ai.fovea.sdk.vision.ModelSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The model each task uses when none is given: the shipped Fashion-MNIST classifier for {@code classify}, the
 * published COCO SSD MobileNet v2 (fetched and SHA-256 verified by {@link Assets}) for {@code detect}; and the
 * published models by name, MediaPipe's face detector included. A model
 * that is not in this build or cannot be fetched is a {@link ModelUnavailableException} saying why, never a
 * substitute.
 */
public final class DefaultModels {
  /** Why {@link RecognitionTask#SIGNS} cannot run in this build. */
  public static final String SIGNS_NOT_AVAILABLE =
      "traffic-sign recognition is not available yet (it comes with its own issue)";

  /** Datasets with a shipped classifier, as {@code ./fovea train} names them. */
  public static final String FASHION_MNIST = "fashion-mnist";
  public static final String MNIST = "mnist";
  /** Names of the published models {@link #published} knows. */
  public static final String COCO_SSD = "coco-ssd";
  public static final String FACE = "face";
  public static final List<String> PUBLISHED = List.of(COCO_SSD, FACE);
  /** MediaPipe's BlazeFace short range: [-1, 1] input, letterboxed, anchors decoded by {@link BlazeFace}. */
  private static final ModelDescriptor FACE_SHORT_RANGE = ModelDescriptor.builder().task(Task.DETECT)
      .name("face_detection_short_range").version("0.4.1657300184")
      .normalization(BlazeFace.INPUT_MEAN, BlazeFace.INPUT_STD).resize(ScaleMode.LETTERBOX)
      .outputLayout(OutputLayout.SSD_ANCHORS).labels(List.of("face")).build();

  private DefaultModels() {}

  /** The task's default model, fetched into the asset cache on first use. */
  public static DefaultModel forTask(RecognitionTask task, Assets assets) {
    switch (task) {
      case CLASSIFY:
        return shipped(FASHION_MNIST);
      case DETECT:
        try {
          return published(COCO_SSD, assets);
        } catch (AssetUnavailableException e) {
          throw new ModelUnavailableException("the COCO SSD detector is not available: " + e.getMessage(), e);
        }
      default:
        throw new ModelUnavailableException(SIGNS_NOT_AVAILABLE, null);
    }
  }

  /**
   * The int8 classifier shipped for {@code dataset} (trained by {@code ./fovea train}, committed under models with
   * its report and Fovea metadata), from the class path.
   */
  public static DefaultModel shipped(String dataset) {
    String resource = "ai/fovea/models/shipped/" + dataset + "/model-int8.tflite";
    if (DefaultModels.class.getClassLoader().getResource(resource) == null) {
      throw new ModelUnavailableException("the shipped " + dataset + " classifier is not in this build (no "
          + resource + " on the class path)", null);
    }
    return DefaultModel.of(dataset + " classifier (int8, shipped)", ModelSource.resource(resource));
  }

  /**
   * A published model by name ({@link #PUBLISHED}), fetched into the asset cache; {@code null} for another name.
   * Throws {@link AssetUnavailableException} when it cannot be fetched.
   */
  public static DefaultModel published(String name, Assets assets) {
    switch (name) {
      case COCO_SSD:
        return new DefaultModel("COCO SSD MobileNet v2 (uint8)", ModelSource.file(assets.path(Asset.COCO_SSD)),
            cocoSsd(new String(assets.read(Asset.COCO_LABELS), StandardCharsets.UTF_8)), null);
      case FACE:
        return new DefaultModel("MediaPipe face detection, short range", ModelSource.file(
            assets.path(Asset.FACE_DETECTION_SHORT_RANGE)), FACE_SHORT_RANGE, BlazeFace::shortRange);
      default:
        return null;
    }
  }

  /**
   * What the COCO SSD carries no metadata for: RGB input stretched to 300×300, mean 128 and std 128 (with the
   * uint8 input's scale 1/128 and zero point 128 a pixel passes through unchanged), TFLite's in-graph SSD
   * post-processing, and the labels by class id from {@code coco_labels.txt} ({@code <id>  <name>} lines; ids
   * COCO leaves unused get the name "unused <id>").
   */
  static ModelDescriptor cocoSsd(String labelLines) {
    List<String> labels = new ArrayList<>();
    for (String line : labelLines.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] parts = trimmed.split("\\s+", 2);
      int id = Integer.parseInt(parts[0]);
      while (labels.size() < id) {
        labels.add("unused " + labels.size());
      }
      labels.add(parts[1].trim());
    }
    return ModelDescriptor.builder().task(Task.DETECT).name("ssd_mobilenet_v2_coco_quant").version("coral")
        .normalization(128f, 128f).resize(ScaleMode.STRETCH).outputLayout(OutputLayout.SSD_POSTPROCESS)
        .labels(labels).build();
  }
}
