package ai.fovea.sdk.vision;

import ai.fovea.sdk.engine.EngineRegistry;
import ai.fovea.sdk.engine.EngineSelector;
import ai.fovea.sdk.model.ModelDescriptor;
import ai.fovea.sdk.task.detect.DetectionPostprocessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Options every vision task takes: which engines to try ({@code auto}, one name or an order such as
 * {@code tflite,java}; see {@link EngineSelector}) and from which registry, threads, the score threshold and the
 * most results to return, labels replacing the model's, the model descriptor for models without Fovea
 * metadata, and for detectors the decoding (decoder and NMS) when the output layout needs parameters. Immutable; unset threshold and result count take the task's default.
 */
public final class TaskOptions {
  private final String engine;
  private final EngineRegistry registry;
  private final int threads;
  private final Float scoreThreshold;
  private final Integer maxResults;
  private final List<String> labels;
  private final ModelDescriptor descriptor;
  private final Supplier<DetectionPostprocessor> detection;

  private TaskOptions(Builder b) {
    this.engine = b.engine;
    this.registry = b.registry;
    this.threads = b.threads;
    this.scoreThreshold = b.scoreThreshold;
    this.maxResults = b.maxResults;
    this.labels = b.labels;
    this.descriptor = b.descriptor;
    this.detection = b.detection;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Automatic engine, installed engines, 1 thread, the task's default threshold and result count. */
  public static TaskOptions defaults() {
    return builder().build();
  }

  /** The engine option as given: {@code auto}, a name, or a comma-separated order. */
  public String engine() {
    return engine;
  }

  /** The engines to choose from; {@link EngineRegistry#installed()} unless set. */
  public EngineRegistry registry() {
    return registry != null ? registry : EngineRegistry.installed();
  }

  public int threads() {
    return threads;
  }

  /** The threshold, or {@code fallback} when unset. */
  public float scoreThreshold(float fallback) {
    return scoreThreshold != null ? scoreThreshold : fallback;
  }

  /** The result count, or {@code fallback} when unset. */
  public int maxResults(int fallback) {
    return maxResults != null ? maxResults : fallback;
  }

  /** Labels replacing the model's, or null. */
  public List<String> labels() {
    return labels;
  }

  /** The descriptor used instead of the model's metadata, or null. */
  public ModelDescriptor descriptor() {
    return descriptor;
  }

  /** Makes the detection decoding (decoder and NMS), or null for the output layout's default. */
  public Supplier<DetectionPostprocessor> detection() {
    return detection;
  }

  /** Collects options; each setter validates its argument. */
  public static final class Builder {
    private String engine = EngineSelector.AUTO;
    private EngineRegistry registry;
    private int threads = 1;
    private Float scoreThreshold;
    private Integer maxResults;
    private List<String> labels;
    private ModelDescriptor descriptor;
    private Supplier<DetectionPostprocessor> detection;

    private Builder() {}

    /** {@code auto} (default), one engine name ({@code java}, {@code tflite}), or an order ({@code tflite,java}). */
    public Builder engine(String engine) {
      // Parsing now reports a malformed option here rather than when the task is created.
      EngineSelector.parse(EngineRegistry.of(), engine);
      this.engine = engine.trim();
      return this;
    }

    /** The engines to choose from (default: {@link EngineRegistry#installed()}). */
    public Builder registry(EngineRegistry registry) {
      if (registry == null) {
        throw new IllegalArgumentException("engine registry is null");
      }
      this.registry = registry;
      return this;
    }

    /** Threads for the engine and the frame conversion (default 1). */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Results below this score are dropped; in [0, 1]. */
    public Builder scoreThreshold(float threshold) {
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new IllegalArgumentException("score threshold must be in [0, 1], got " + threshold);
      }
      this.scoreThreshold = threshold;
      return this;
    }

    /** At most this many results, best first (at least 1). */
    public Builder maxResults(int maxResults) {
      if (maxResults < 1) {
        throw new IllegalArgumentException("max results must be >= 1, got " + maxResults);
      }
      this.maxResults = maxResults;
      return this;
    }

    /** Labels replacing the model's (index = class id); their count must match the model's classes. */
    public Builder labels(List<String> labels) {
      if (labels == null || labels.isEmpty() || labels.stream().anyMatch(l -> l == null || l.isEmpty())) {
        throw new IllegalArgumentException("labels must be a non-empty list of non-empty strings, got " + labels);
      }
      this.labels = Collections.unmodifiableList(new ArrayList<>(labels));
      return this;
    }

    /** What to use instead of the model's Fovea metadata (for published models that carry none). */
    public Builder descriptor(ModelDescriptor descriptor) {
      if (descriptor == null) {
        throw new IllegalArgumentException("descriptor is null");
      }
      this.descriptor = descriptor;
      return this;
    }

    /**
     * For detectors: makes the decoder and NMS (one per detector, e.g. {@code BlazeFace::shortRange}), replacing
     * the output layout's default; required for layouts whose decoding needs parameters (SSD anchors).
     */
    public Builder detection(Supplier<DetectionPostprocessor> factory) {
      if (factory == null) {
        throw new IllegalArgumentException("detection postprocessor factory is null");
      }
      this.detection = factory;
      return this;
    }

    public TaskOptions build() {
      return new TaskOptions(this);
    }
  }
}
