package ai.fovea.sdk.vision;

import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.sdk.convert.FrameConverter;
import ai.fovea.sdk.convert.InputTransform;
import ai.fovea.sdk.engine.EngineAttempt;
import ai.fovea.sdk.engine.EngineModel;
import ai.fovea.sdk.engine.EngineOptions;
import ai.fovea.sdk.engine.EngineSelection;
import ai.fovea.sdk.engine.EngineSelector;
import ai.fovea.sdk.engine.EngineUnavailableException;
import ai.fovea.sdk.engine.NoEngineException;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.model.ModelDescriptor;
import ai.fovea.sdk.model.ModelMetadataException;
import ai.fovea.sdk.model.Task;
import java.util.List;

/**
 * The part of every vision task from a frame to the model's output tensors: the descriptor (metadata or options),
 * the selected engine session, the frame converter (prepared again only when the frame layout changes) and the
 * tensors, all reused across frames; the timings of the last frame's steps. Falls back to the next engine when the
 * selected one fails at run time. Not thread-safe: the task that owns it serializes its callers.
 */
final class FrameInference implements AutoCloseable {
  private final ModelDescriptor descriptor;
  private final ComputePool pool;
  private final FrameConverter converter;
  private final Tensor input;
  private final Tensor[] inputs;
  private final Tensor[] outputs;
  private EngineSelection selection;
  /** Set when every engine failed at run time; later frames fail with the same reasons. */
  private NoEngineException exhausted;
  private Frame preparedLayout;
  long preprocessNanos;
  long convertNanos;
  long inferenceNanos;

  FrameInference(ModelSource source, TaskOptions options, Task task) {
    if (source == null || options == null) {
      throw new IllegalArgumentException("model source and options are required, got " + source + " and " + options);
    }
    EngineModel model = source.load();
    ModelDescriptor d = options.descriptor() != null ? options.descriptor() : ModelDescriptor.read(model.model());
    if (options.labels() != null) {
      d = d.withLabels(options.labels());
    }
    if (d.task() != task) {
      throw new ModelMetadataException("task", "the model is a " + d.task().key() + " model (" + d.name()
          + "), not a " + task.key() + " model");
    }
    this.descriptor = d;
    checkInput(model, d);
    EngineSelector selector = EngineSelector.parse(options.registry(), options.engine());
    this.selection = selector.open(model, EngineOptions.threads(options.threads()));
    this.pool = options.threads() > 1 ? new ComputePool(options.threads()) : ComputePool.serial();
    this.converter = new FrameConverter(d.conversionOptions(), pool);
    this.input = model.inputs().get(0).allocate();
    this.inputs = new Tensor[] {input};
    // The verification run's outputs carry the shapes the engine computes, which a file may leave open.
    this.outputs = selection.verifiedOutputs();
  }

  private static void checkInput(EngineModel model, ModelDescriptor d) {
    if (model.inputs().size() != 1) {
      throw new ModelMetadataException("input.color", "vision models take one image input, this one has "
          + model.inputs().size());
    }
    Shape s = model.inputs().get(0).shape();
    int channels = d.inputColor().channels();
    if (s.rank() != 4 || s.dim(0) != 1 || s.dim(3) != channels) {
      throw new ModelMetadataException("input.color", d.inputColor().key() + " input needs a [1, H, W, " + channels
          + "] tensor, the model's input is " + model.inputs().get(0));
    }
  }

  ModelDescriptor descriptor() {
    return descriptor;
  }

  /** The output tensors, filled by the last {@link #run}. */
  Tensor[] outputs() {
    return outputs;
  }

  /** The geometry of the last conversion (model input ↔ source frame). */
  InputTransform transform() {
    return converter.transform();
  }

  String engineName() {
    return selection.engineName();
  }

  List<EngineAttempt> engineAttempts() {
    return selection.attempts();
  }

  /** Converts {@code frame} and runs the model on it; the outputs and step timings are then the frame's. */
  void run(Frame frame) {
    if (frame == null) {
      throw new IllegalArgumentException("frame is null");
    }
    long t0 = System.nanoTime();
    if (preparedLayout == null || !frame.hasLayoutOf(preparedLayout)) {
      converter.prepare(frame, input);
      preparedLayout = frame;
    }
    long t1 = System.nanoTime();
    converter.run(frame, input);
    long t2 = System.nanoTime();
    runEngine();
    long t3 = System.nanoTime();
    preprocessNanos = t1 - t0;
    convertNanos = t2 - t1;
    inferenceNanos = t3 - t2;
  }

  private void runEngine() {
    if (exhausted != null) {
      throw exhausted;
    }
    while (true) {
      try {
        selection.session().run(inputs, outputs);
        return;
      } catch (EngineUnavailableException e) {
        // The engine failed on a real frame (a lost GPU, a delegate error): move down the order, or fail with
        // every reason when no engine is left (NoEngineException). The old session is closed either way.
        try {
          selection = selection.fallBack(e);
        } catch (NoEngineException none) {
          exhausted = none;
          throw none;
        }
      }
    }
  }

  @Override
  public void close() {
    if (exhausted == null) {
      selection.close();
    }
    pool.close();
  }
}
