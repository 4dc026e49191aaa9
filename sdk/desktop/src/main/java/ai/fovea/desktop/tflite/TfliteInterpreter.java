package ai.fovea.desktop.tflite;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import org.tensorflow.lite.Interpreter;
import org.tensorflow.lite.TensorFlowLite;

/**
 * The real TensorFlow Lite 2.6.2 interpreter on the desktop JVM, fed and read through Fovea {@link Tensor}s
 * (float32, int8, uint8, int32, int64): the conformance oracle and the desktop {@code tflite} engine. Inputs
 * cross through direct native-order buffers reused while shapes stay the same; outputs are copied out of the
 * interpreter's own tensors after the run, so outputs whose shape is only known then work too. Options are a
 * small builder (threads, XNNPACK). Owns native memory: close it.
 */
public final class TfliteInterpreter implements AutoCloseable {
  private final Interpreter interpreter;
  private final ByteBuffer[] inputBuffers;
  private boolean ran;
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

  /** Starts an interpreter for a .tflite model held in memory; defaults: 1 thread, XNNPACK off. */
  public static Builder builder(byte[] model) {
    return new Builder(model);
  }

  /** The version of the loaded native runtime, e.g. "2.6.2"; loads the library if needed. */
  public static String runtimeVersion() {
    NativeTflite.load();
    return TensorFlowLite.runtimeVersion();
  }

  public int inputCount() {
    checkOpen();
    return inputBuffers.length;
  }

  public int outputCount() {
    checkOpen();
    return interpreter.getOutputTensorCount();
  }

  /** Copies the inputs in (resizing the model's inputs to their shapes if they differ), runs the model. */
  public void run(Tensor... inputs) {
    checkOpen();
    if (inputs == null || inputs.length != inputBuffers.length) {
      throw new IllegalArgumentException("model has " + inputBuffers.length + " inputs, got "
          + (inputs == null ? "null" : String.valueOf(inputs.length)));
    }
    for (int i = 0; i < inputs.length; i++) {
      org.tensorflow.lite.Tensor expected = interpreter.getInputTensor(i);
      if (inputs[i] == null || inputs[i].dataType() != fromTflite(expected.dataType())) {
        throw new IllegalArgumentException("input " + i + " (" + expected.name() + ") must be "
            + fromTflite(expected.dataType()) + ", got " + (inputs[i] == null ? "null" : inputs[i].dataType()));
      }
      int[] shape = inputs[i].shape().toArray();
      if (!Arrays.equals(expected.shape(), shape)) {
        interpreter.resizeInput(i, shape);
      }
      inputBuffers[i] = toBuffer(inputs[i], inputBuffers[i]);
    }
    // No output buffers: this TFLite version accepts an empty map, and output(i) reads the tensors themselves.
    interpreter.runForMultipleInputsOutputs(inputBuffers, Map.of());
    ran = true;
  }

  /** Output {@code i} of the last run as a new Fovea tensor, with the quantization the model declares. */
  public Tensor output(int i) {
    org.tensorflow.lite.Tensor t = outputTensor(i);
    org.tensorflow.lite.Tensor.QuantizationParams qp = t.quantizationParams();
    Quantization q = qp.getScale() > 0 ? Quantization.perTensor(qp.getScale(), qp.getZeroPoint()) : Quantization.none();
    Tensor out = Tensor.allocate(t.name(), fromTflite(t.dataType()), Shape.of(t.shape()), q);
    readOutput(i, out);
    return out;
  }

  /**
   * Copies output {@code i} of the last run into {@code into} (same type; resized to the output's shape when it
   * differs, which allocates only when it grows), so a caller that reuses its tensors allocates nothing per run.
   */
  public void readOutput(int i, Tensor into) {
    org.tensorflow.lite.Tensor t = outputTensor(i);
    DataType type = fromTflite(t.dataType());
    if (into == null || into.dataType() != type) {
      throw new IllegalArgumentException("output " + i + " (" + t.name() + ") is " + type + ", got " + into);
    }
    Shape shape = Shape.of(t.shape());
    if (!into.shape().equals(shape)) {
      into.resize(shape);
    }
    ByteBuffer data = t.asReadOnlyBuffer().order(ByteOrder.nativeOrder());
    switch (type) {
      case FLOAT32:
        data.asFloatBuffer().get(into.floats(), 0, into.size());
        break;
      case INT32:
        data.asIntBuffer().get(into.ints(), 0, into.size());
        break;
      case INT64:
        data.asLongBuffer().get(into.longs(), 0, into.size());
        break;
      default:
        data.get(into.bytes(), 0, into.size());
    }
  }

  private org.tensorflow.lite.Tensor outputTensor(int i) {
    checkOpen();
    int count = interpreter.getOutputTensorCount();
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("output " + i + " of a model with " + count + " outputs");
    }
    if (!ran) {
      throw new IllegalStateException("run() has not been called yet");
    }
    return interpreter.getOutputTensor(i);
  }

  /** Native time of the last run in nanoseconds as the interpreter measured it, or -1 before the first run. */
  public long lastRunNanos() {
    checkOpen();
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
      default:
        bb.put(t.bytes(), 0, t.size());
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
        throw new IllegalArgumentException("TFLite tensor type " + type + " has no Fovea counterpart");
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

  /** Threads (default 1) and XNNPACK (default off: TFLite's own kernels, the exact oracle for int8). */
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

    /** XNNPACK speeds up float models several times; its float sums may differ in the last bits. */
    public Builder xnnpack(boolean on) {
      this.xnnpack = on;
      return this;
    }

    public TfliteInterpreter build() {
      return new TfliteInterpreter(this);
    }
  }
}
