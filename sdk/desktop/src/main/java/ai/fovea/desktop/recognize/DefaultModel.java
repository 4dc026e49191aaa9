package ai.fovea.desktop.recognize;

import ai.fovea.sdk.model.ModelDescriptor;
import ai.fovea.sdk.task.detect.DetectionPostprocessor;
import ai.fovea.sdk.vision.ModelSource;
import ai.fovea.sdk.vision.TaskOptions;
import java.util.function.Supplier;

/**
 * A model this build ships or fetches: its name, where it comes from and, for published models without Fovea
 * metadata, the descriptor to pass in the options (null when the model carries its own) and the detection decoding
 * its output layout needs (null for the layout's default).
 */
public record DefaultModel(String name, ModelSource source, ModelDescriptor descriptor,
    Supplier<DetectionPostprocessor> detection) {
  public DefaultModel {
    if (name == null || source == null) {
      throw new IllegalArgumentException("a default model needs a name and a source");
    }
  }

  /** A model that carries its own metadata. */
  public static DefaultModel of(String name, ModelSource source) {
    return new DefaultModel(name, source, null, null);
  }

  /** Adds what the model needs beyond its file (descriptor, decoding) to task options. */
  public TaskOptions.Builder applyTo(TaskOptions.Builder options) {
    if (descriptor != null) {
      options.descriptor(descriptor);
    }
    if (detection != null) {
      options.detection(detection);
    }
    return options;
  }
}
