package ai.fovea.sdk.vision;

import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.sdk.convert.InputTransform;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.model.ModelDescriptor;
import ai.fovea.sdk.model.ModelMetadataException;
import ai.fovea.sdk.model.OutputLayout;
import ai.fovea.sdk.model.Task;
import ai.fovea.sdk.task.detect.Detection;
import ai.fovea.sdk.task.detect.DetectionOutputException;
import ai.fovea.sdk.task.detect.DetectionPostprocessor;
import ai.fovea.sdk.task.detect.NmsMethod;
import ai.fovea.sdk.task.detect.NmsOptions;
import ai.fovea.sdk.task.detect.SourceMapping;
import ai.fovea.sdk.task.detect.SsdPostprocessDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Object detection: a frame in, labelled boxes in source-frame pixels out.
 *
 * <pre>{@code
 * try (Detector detector = Detector.create(ModelSource.file("ssd_mobilenet_v2_coco_uint8.tflite"),
 *     TaskOptions.builder().descriptor(cocoSsd).scoreThreshold(0.5f).build())) {
 *   for (DetectedObject o : detector.process(frame).objects()) {
 *     System.out.println(o.label() + " " + o.box());
 *   }
 * }
 * }</pre>
 *
 * <p>The model needs a descriptor with {@code task=detect} (metadata or options). Decoding follows its output
 * layout: {@code ssd_postprocess} (TFLite's in-graph decoding and NMS: boxes, classes, scores, count) is read
 * directly; layouts whose decoding needs parameters the metadata does not carry (SSD anchors, CenterNet) take
 * their decoder and NMS from {@link TaskOptions.Builder#detection}. Boxes go back through the conversion's
 * letterbox or crop, region, rotation and mirroring to the source frame ({@link SourceMapping}). Defaults:
 * threshold 0.5, 20 results. Thread-safe: concurrent callers are served one at a time. Using a closed detector
 * throws {@link IllegalStateException}.
 */
public final class Detector implements AutoCloseable {
  private static final float DEFAULT_THRESHOLD = 0.5f;
  private static final int DEFAULT_MAX_RESULTS = 20;

  private final FrameInference inference;
  private final DetectionPostprocessor postprocessor;
  private final float threshold;
  private final int maxResults;
  private Shape[] preparedShapes;
  private InputTransform mappedTransform;
  private SourceMapping mapping;
  private boolean closed;

  private Detector(FrameInference inference, TaskOptions options) {
    this.inference = inference;
    this.threshold = options.scoreThreshold(DEFAULT_THRESHOLD);
    this.maxResults = options.maxResults(DEFAULT_MAX_RESULTS);
    this.postprocessor = postprocessor(inference.descriptor(), options, threshold, maxResults);
    prepareFor(inference.outputs());
  }

  private static DetectionPostprocessor postprocessor(ModelDescriptor d, TaskOptions options, float threshold,
      int maxResults) {
    if (options.detection() != null) {
      return options.detection().get();
    }
    if (d.outputLayout() == OutputLayout.SSD_POSTPROCESS) {
      // TFLite_Detection_PostProcess already suppressed overlaps in-graph; only rank and cap here.
      return new DetectionPostprocessor(new SsdPostprocessDecoder(threshold),
          NmsOptions.builder().method(NmsMethod.NONE).scoreThreshold(threshold).maxDetections(maxResults).build());
    }
    throw new ModelMetadataException("output.layout", d.outputLayout().key() + " models need their decoder"
        + " settings (anchors, NMS): pass them with TaskOptions.builder().detection(...)");
  }

  /**
   * Loads the model, reads its descriptor, picks the engine (with fallback) and prepares the decoding. Throws
   * {@link ModelLoadException}, {@code ModelFormatException}, {@link ModelMetadataException} (missing or invalid
   * metadata, a model/task mismatch, outputs that are not what the layout says) or
   * {@link ai.fovea.sdk.engine.NoEngineException}.
   */
  public static Detector create(ModelSource source, TaskOptions options) {
    FrameInference inference = new FrameInference(source, options, Task.DETECT);
    try {
      return new Detector(inference, options);
    } catch (RuntimeException e) {
      inference.close();
      throw e;
    }
  }

  /** The model's descriptor (labels included), after any options override. */
  public ModelDescriptor descriptor() {
    return inference.descriptor();
  }

  private void prepareFor(Tensor[] outputs) {
    try {
      postprocessor.prepare(outputs);
    } catch (DetectionOutputException e) {
      throw new ModelMetadataException("output.layout", "the model's outputs do not fit "
          + inference.descriptor().outputLayout().key() + ": " + e.getMessage());
    }
    preparedShapes = new Shape[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      preparedShapes[i] = outputs[i].shape();
    }
  }

  /** Detects objects in one frame. */
  public synchronized Detections process(Frame frame) {
    if (closed) {
      throw new IllegalStateException("detector is closed");
    }
    inference.run(frame);
    long t0 = System.nanoTime();
    Tensor[] outputs = inference.outputs();
    for (int i = 0; i < outputs.length; i++) {
      if (!outputs[i].shape().equals(preparedShapes[i])) {
        prepareFor(outputs); // an engine that reports its output shapes only after a run
        break;
      }
    }
    if (mappedTransform != inference.transform()) {
      mappedTransform = inference.transform();
      mapping = SourceMapping.of(mappedTransform);
    }
    List<Detection> found = mapping.toSource(postprocessor.run(outputs));
    List<DetectedObject> objects = new ArrayList<>(Math.min(found.size(), maxResults));
    for (Detection d : found) {
      if (objects.size() == maxResults) {
        break;
      }
      if (d.score() >= threshold) {
        Category c = new Category(d.classId(), inference.descriptor().label(d.classId()), d.score());
        objects.add(new DetectedObject(c, d.box(), d.keypoints()));
      }
    }
    long post = System.nanoTime() - t0;
    return new Detections(objects, inference.engineName(), inference.engineAttempts(),
        new Timings(inference.preprocessNanos, inference.convertNanos, inference.inferenceNanos, post));
  }

  /** Releases the engine and threads; waits for a {@link #process} in progress. Idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      inference.close();
    }
  }
}
