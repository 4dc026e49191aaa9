package ai.fovea.desktop.recognize;

import java.util.Optional;

/**
 * The model each task uses when none is given: the shipped Fashion-MNIST classifier for {@code classify}, the
 * published COCO SSD MobileNet v2 for {@code detect}. A task whose model is not in this build says so in
 * {@link #missing}, instead of a substitute.
 */
public final class DefaultModels {
  private DefaultModels() {}

  /** The task's default model, or empty when this build has none. */
  public static Optional<DefaultModel> forTask(RecognitionTask task) {
    return Optional.empty();
  }

  /** Why {@link #forTask} is empty, in one line. */
  public static String missing(RecognitionTask task) {
    switch (task) {
      case CLASSIFY:
        return "the shipped Fashion-MNIST classifier is not in this build yet (it comes with the trainer)";
      case DETECT:
        return "the published COCO SSD detector is not in this build yet (it comes with the published models)";
      default:
        return "traffic-sign recognition is not available yet (it comes with its own issue)";
    }
  }
}
