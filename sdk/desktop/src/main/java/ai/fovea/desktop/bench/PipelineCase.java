package ai.fovea.desktop.bench;

import ai.fovea.desktop.recognize.DefaultModel;
import ai.fovea.desktop.recognize.RecognitionTask;
import ai.fovea.sdk.frame.Frame;
import java.util.List;

/** A shipped model with its task and the frames the pipeline benchmark feeds it (cycled), described in words. */
public record PipelineCase(RecognitionTask task, DefaultModel model, List<Frame> frames, String framesDescription) {
  public PipelineCase {
    if (task == null || model == null || frames == null || frames.isEmpty()) {
      throw new IllegalArgumentException("a pipeline case needs a task, a model and at least one frame");
    }
    frames = List.copyOf(frames);
  }
}
