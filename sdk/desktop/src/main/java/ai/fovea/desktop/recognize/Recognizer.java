package ai.fovea.desktop.recognize;

import ai.fovea.desktop.report.Annotation;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.task.detect.Box;
import ai.fovea.sdk.vision.Category;
import ai.fovea.sdk.vision.Classification;
import ai.fovea.sdk.vision.Classifier;
import ai.fovea.sdk.vision.DetectedObject;
import ai.fovea.sdk.vision.Detections;
import ai.fovea.sdk.vision.Detector;
import ai.fovea.sdk.vision.ModelSource;
import ai.fovea.sdk.vision.TaskOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * One SDK task behind one interface for the desktop front end: opens the SDK's classifier or detector for a task
 * and turns its results into a {@link Recognition}. The SDK does the work; this only adapts the result types.
 */
public abstract class Recognizer implements AutoCloseable {
  /**
   * Opens the SDK task for {@code task}; the SDK's typed exceptions pass through. {@link RecognitionTask#SIGNS}
   * is an {@link IllegalArgumentException} until its issue lands.
   */
  public static Recognizer open(RecognitionTask task, ModelSource model, TaskOptions options) {
    switch (task) {
      case CLASSIFY:
        return new ClassifyRecognizer(Classifier.create(model, options));
      case DETECT:
        return new DetectRecognizer(Detector.create(model, options));
      default:
        throw new IllegalArgumentException(DefaultModels.SIGNS_NOT_AVAILABLE);
    }
  }

  /** The model's name as its descriptor gives it. */
  public abstract String modelName();

  /** Runs the task on one frame. */
  public abstract Recognition process(Frame frame);

  @Override
  public abstract void close();

  private static final class ClassifyRecognizer extends Recognizer {
    private final Classifier classifier;

    ClassifyRecognizer(Classifier classifier) {
      this.classifier = classifier;
    }

    @Override
    public String modelName() {
      return classifier.descriptor().name();
    }

    @Override
    public Recognition process(Frame frame) {
      Classification c = classifier.process(frame);
      List<Annotation> items = new ArrayList<>();
      for (Category category : c.categories()) {
        items.add(Annotation.whole(category.label(), category.id(), category.score()));
      }
      return new Recognition(items, c.engine(), c.engineAttempts(), c.timings());
    }

    @Override
    public void close() {
      classifier.close();
    }
  }

  private static final class DetectRecognizer extends Recognizer {
    private final Detector detector;

    DetectRecognizer(Detector detector) {
      this.detector = detector;
    }

    @Override
    public String modelName() {
      return detector.descriptor().name();
    }

    @Override
    public Recognition process(Frame frame) {
      Detections d = detector.process(frame);
      List<Annotation> items = new ArrayList<>();
      for (DetectedObject o : d.objects()) {
        float[] keypoints = new float[2 * o.keypointCount()];
        for (int i = 0; i < o.keypointCount(); i++) {
          keypoints[2 * i] = o.keypoint(i).x();
          keypoints[2 * i + 1] = o.keypoint(i).y();
        }
        Box b = o.box();
        items.add(Annotation.box(o.label(), o.category().id(), o.score(), b.left(), b.top(), b.right(), b.bottom(),
            keypoints));
      }
      return new Recognition(items, d.engine(), d.engineAttempts(), d.timings());
    }

    @Override
    public void close() {
      detector.close();
    }
  }
}
