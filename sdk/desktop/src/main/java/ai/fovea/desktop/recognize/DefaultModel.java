package ai.fovea.desktop.recognize;

import ai.fovea.sdk.model.ModelDescriptor;
import ai.fovea.sdk.vision.ModelSource;

/**
 * A model this build ships (or fetches) for a task: its name, where it comes from and, for published models
 * without Fovea metadata, the descriptor to pass in the options (null when the model carries its own).
 */
public record DefaultModel(String name, ModelSource source, ModelDescriptor descriptor) {
  public DefaultModel {
    if (name == null || source == null) {
      throw new IllegalArgumentException("a default model needs a name and a source");
    }
  }
}
