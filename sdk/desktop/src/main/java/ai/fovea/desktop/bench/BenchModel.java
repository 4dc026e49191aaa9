package ai.fovea.desktop.bench;

import ai.fovea.sdk.engine.EngineModel;

/** A whole model to benchmark on every engine, under a short name such as "face_detection_short_range float". */
public record BenchModel(String name, EngineModel model) {
  public BenchModel {
    if (name == null || name.isBlank() || model == null) {
      throw new IllegalArgumentException("a name and a model are required, got " + name + " and " + model);
    }
  }
}
