package ai.fovea.sdk.vision;

import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.model.ModelDescriptor;
import ai.fovea.sdk.model.ModelMetadataException;
import ai.fovea.sdk.model.OutputLayout;
import ai.fovea.sdk.model.Task;
import ai.fovea.sdk.task.classify.TopK;
import java.util.ArrayList;
import java.util.List;

/**
 * Image classification: a frame in, the most probable labels out.
 *
 * <pre>{@code
 * try (Classifier classifier = Classifier.create(ModelSource.file("fashion_mnist_int8.tflite"),
 *     TaskOptions.builder().maxResults(3).build())) {
 *   Classification result = classifier.process(frame);
 *   System.out.println(result.top().label() + " " + result.top().score());
 * }
 * }</pre>
 *
 * <p>The model needs Fovea metadata with {@code task=classify} (or a descriptor in the options), one image input
 * {@code [1, H, W, 3]} (rgb) or {@code [1, H, W, 1]} (gray), and one output with a value per label: scores
 * (softmax is applied) or probabilities, float32, int8 or uint8 (dequantized). Defaults: threshold 0, 5 results.
 * Thread-safe: concurrent callers are served one at a time in the order the lock grants. Using a closed
 * classifier throws {@link IllegalStateException}.
 */
public final class Classifier implements AutoCloseable {
  private static final int DEFAULT_MAX_RESULTS = 5;

  private final FrameInference inference;
  private final TopK topK;
  private final float threshold;
  private final int[] ids;
  private final float[] scores;
  private boolean closed;

  private Classifier(FrameInference inference, TaskOptions options) {
    this.inference = inference;
    ModelDescriptor d = inference.descriptor();
    Tensor out = inference.outputs()[0];
    if (out.size() != d.labels().size()) {
      throw new ModelMetadataException("fovea.labels", d.labels().size() + " labels, but the model's output "
          + out.shape() + " has " + out.size() + " classes");
    }
    this.topK = new TopK(out.size(), d.outputLayout() == OutputLayout.SCORES);
    this.threshold = options.scoreThreshold(0f);
    int k = Math.min(options.maxResults(DEFAULT_MAX_RESULTS), out.size());
    this.ids = new int[k];
    this.scores = new float[k];
  }

  /**
   * Loads the model, reads its descriptor, picks the engine (with fallback, see
   * {@link ai.fovea.sdk.engine.EngineSelector}) and prepares everything. Throws {@link ModelLoadException},
   * {@code ModelFormatException}, {@link ModelMetadataException} (a missing or invalid key, a model/task
   * mismatch, labels that do not match the classes) or {@link ai.fovea.sdk.engine.NoEngineException}.
   */
  public static Classifier create(ModelSource source, TaskOptions options) {
    FrameInference inference = new FrameInference(source, options, Task.CLASSIFY);
    try {
      return new Classifier(inference, options);
    } catch (RuntimeException e) {
      inference.close();
      throw e;
    }
  }

  /** The model's descriptor (labels included), after any options override. */
  public ModelDescriptor descriptor() {
    return inference.descriptor();
  }

  /** Classifies one frame. */
  public synchronized Classification process(Frame frame) {
    checkOpen();
    inference.run(frame);
    long t0 = System.nanoTime();
    int n = topK.select(inference.outputs()[0], threshold, ids, scores);
    List<Category> categories = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      categories.add(new Category(ids[i], inference.descriptor().label(ids[i]), scores[i]));
    }
    long post = System.nanoTime() - t0;
    return new Classification(categories, inference.engineName(), inference.engineAttempts(),
        new Timings(inference.preprocessNanos, inference.convertNanos, inference.inferenceNanos, post));
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("classifier is closed");
    }
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
