package ai.fovea.desktop.tflite;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.tensorflow.lite.Interpreter;

/**
 * The real TensorFlow Lite 2.6.2 interpreter on the desktop JVM, fed and read through Fovea {@link Tensor}s:
 * the conformance oracle and the desktop {@code tflite} engine. Options are a small builder (threads, XNNPACK).
 * Owns native memory: close it.
 */
public final class TfliteInterpreter implements AutoCloseable {
  private final Interpreter interpreter;
  private final ByteBuffer[] inputBuffers;
  private final Map<Integer, Object> outputBuffers = new HashMap<>();
  private boolean closed;

  private TfliteInterpreter(Builder b) {
    NativeTflite.load();
    ByteBuffer model = ByteBuffer.allocateDirect(b.model.length).order(ByteOrder.nativeOrder());
    model.put(b.model).rewind();
    Interpreter.Options options = new Interpreter.Options().setNumThreads(b.threads).setUseXNNPACK(b.xnnpack);
    try {
      interpreter = new Interpreter(model, options);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IllegalArgumentException("TFLite rejected the model: " + e.getMessage(), e);
    }
    inputBuffers = new ByteBuffer[interpreter.getInputTensorCount()];
  }

  public static Builder builder(byte[] model) {
    return new Builder(model);
  }

  public int inputCount() {
    return inputBuffers.length;
  }

  public int outputCount() {
    checkOpen();
    return interpreter.getOutputTensorCount();
  }

  /** Copies the inputs in, runs, and leaves the outputs for {@link #output(int)}. */
  public void run(Tensor... inputs) {
    checkOpen();
    if (inputs.length != inputBuffers.length) {
      throw new IllegalArgumentException("model has " + inputBuffers.length + " inputs, got " + inputs.length);
    }
    for (int i = 0; i < inputs.length; i++) {
      org.tensorflow.lite.Tensor t = interpreter.getInputTensor(i);
      if (!java.util.Arrays.equals(t.shape(), inputs[i].shape().toArray())) {
        interpreter.resizeInput(i, inputs[i].shape().toArray());
      }
      inputBuffers[i] = toBuffer(inputs[i], inputBuffers[i]);
    }
    interpreter.allocateTensors();
    outputBuffers.clear();
    for (int i = 0; i < interpreter.getOutputTensorCount(); i++) {
      int bytes = interpreter.getOutputTensor(i).numBytes();
      outputBuffers.put(i, ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder()));
    }
    interpreter.runForMultipleInputsOutputs(inputBuffers, outputBuffers);
  }

  /** Output {@code i} of the last run as a Fovea tensor (a copy). */
  public Tensor output(int i) {
    checkOpen();
    org.tensorflow.lite.Tensor t = interpreter.getOutputTensor(i);
    ByteBuffer data = (ByteBuffer) outputBuffers.get(i);
    if (data == null) {
      throw new IllegalStateException("run() has not produced output " + i);
    }
    data.rewind();
    DataType type = fromTflite(t.dataType());
    Quantization q = t.quantizationParams().getScale() > 0
        ? Quantization.perTensor(t.quantizationParams().getScale(), t.quantizationParams().getZeroPoint())
        : Quantization.none();
    Tensor out = Tensor.allocate(t.name(), type, Shape.of(t.shape()), q);
    switch (type) {
      case FLOAT32:
        data.asFloatBuffer().get(out.floats(), 0, out.size());
        break;
      case INT32:
        data.asIntBuffer().get(out.ints(), 0, out.size());
        break;
      case INT64:
        data.asLongBuffer().get(out.longs(), 0, out.size());
        break;
      default:
        data.get(out.bytes(), 0, out.size());
    }
    return out;
  }

  /** Native time of the last run in nanoseconds, as the interpreter measured it. */
  public long lastRunNanos() {
    Long ns = interpreter.getLastNativeInferenceDurationNanoseconds();
    return ns == null ? -1 : ns;
  }

  private static ByteBuffer toBuffer(Tensor t, ByteBuffer reuse) {
    int bytes = t.size() * t.dataType().byteSize();
    ByteBuffer bb = reuse != null && reuse.capacity() == bytes ? reuse
        : ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    bb.clear();
    switch (t.dataType()) {
      case FLOAT32:
        bb.asFloatBuffer().put(t.floats(), 0, t.size());
        break;
      case INT32:
        bb.asIntBuffer().put(t.ints(), 0, t.size());
        break;
      case INT64:
        bb.asLongBuffer().put(t.longs(), 0, t.size());
        break;
      case INT8:
      case UINT8:
        bb.put(t.bytes(), 0, t.size());
        break;
      default:
        throw new IllegalArgumentException("input type " + t.dataType() + " is not supported by the TFLite Java API");
    }
    bb.rewind();
    return bb;
  }

  private static DataType fromTflite(org.tensorflow.lite.DataType type) {
    switch (type) {
      case FLOAT32:
        return DataType.FLOAT32;
      case INT32:
        return DataType.INT32;
      case INT64:
        return DataType.INT64;
      case UINT8:
        return DataType.UINT8;
      case INT8:
        return DataType.INT8;
      default:
        throw new IllegalArgumentException("TFLite output type " + type + " is not supported");
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("interpreter is closed");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      interpreter.close();
    }
  }

  /** Threads (default 1) and XNNPACK (default off: the exact reference kernels). */
  public static final class Builder {
    private final byte[] model;
    private int threads = 1;
    private boolean xnnpack;

    private Builder(byte[] model) {
      if (model == null || model.length == 0) {
        throw new IllegalArgumentException("model bytes are empty");
      }
      this.model = model;
    }

    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    public Builder xnnpack(boolean on) {
      this.xnnpack = on;
      return this;
    }

    public TfliteInterpreter build() {
      return new TfliteInterpreter(this);
    }
  }
}
