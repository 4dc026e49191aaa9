package ai.fovea.desktop.verify;

import ai.fovea.desktop.tflite.TfliteInterpreter;
import ai.fovea.desktop.tflite.TfliteUnavailableException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.tflite.TensorInfo;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteReader;
import java.util.List;
import java.util.Random;

/**
 * Runs a {@link ConformanceCase} in the real TFLite interpreter (its own kernels, one thread, no XNNPACK) and
 * in Fovea's graph runner twice — optimized kernels on this runner's thread pool, then the reference kernels —
 * and compares every output. Anything that goes wrong on either side while running a case is a failed case,
 * never a crash of the suite; only an interpreter that cannot load at all is thrown
 * ({@link TfliteUnavailableException}), since then no case can run.
 */
public final class ConformanceRunner implements AutoCloseable {
  /** Range of int32/int64 inputs: wide enough to exercise arithmetic, small enough not to overflow it. */
  static final int INTEGER_INPUT_RANGE = 100;

  private final ComputePool pool;

  /** A runner whose optimized kernels use {@code threads} threads. */
  public ConformanceRunner(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.pool = new ComputePool(threads);
  }

  public ConformanceResult run(ConformanceCase c) {
    if (c == null) {
      throw new IllegalArgumentException("case is null");
    }
    long start = System.nanoTime();
    try {
      byte[] bytes = c.model();
      TfliteModel model = TfliteReader.read(bytes);
      Tensor[] inputs = randomInputs(model, c);
      Tensor[] expected;
      try (TfliteInterpreter tflite = TfliteInterpreter.builder(bytes).build()) {
        tflite.run(inputs);
        expected = new Tensor[tflite.outputCount()];
        for (int i = 0; i < expected.length; i++) {
          expected[i] = tflite.output(i);
        }
      }
      Comparison optimized = Comparison.of(expected, runOurs(model, inputs, false), c.tolerance());
      Comparison reference = Comparison.of(expected, runOurs(model, inputs, true), c.tolerance());
      return ConformanceResult.compared(c.name(), optimized, reference, elapsedMs(start));
    } catch (TfliteUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      return ConformanceResult.failedToRun(c.name(), e, elapsedMs(start));
    }
  }

  private Tensor[] runOurs(TfliteModel model, Tensor[] inputs, boolean reference) {
    try (GraphRunner runner = GraphRunner.builder(model).pool(pool).useReferenceKernels(reference).build()) {
      for (int i = 0; i < inputs.length; i++) {
        copy(inputs[i], runner.input(i));
      }
      runner.run();
      Tensor[] outputs = new Tensor[runner.outputCount()];
      for (int i = 0; i < outputs.length; i++) {
        outputs[i] = runner.output(i);
      }
      return outputs;
    }
  }

  private static void copy(Tensor from, Tensor to) {
    if (from.dataType() != to.dataType() || !from.shape().equals(to.shape())) {
      throw new IllegalStateException("graph input " + to.name() + " is " + to.dataType() + to.shape()
          + ", the model declares " + from.dataType() + from.shape());
    }
    System.arraycopy(arrayOf(from), 0, arrayOf(to), 0, from.size());
  }

  private static Object arrayOf(Tensor t) {
    switch (t.dataType()) {
      case FLOAT32:
        return t.floats();
      case INT32:
        return t.ints();
      case INT64:
        return t.longs();
      default:
        return t.bytes();
    }
  }

  /**
   * Seeded inputs in the model's input order: floats uniform in the case's range for that input, int8/uint8
   * uniform over the whole type, int32/int64 uniform in [-{@value #INTEGER_INPUT_RANGE}, {@value
   * #INTEGER_INPUT_RANGE}].
   */
  static Tensor[] randomInputs(TfliteModel model, ConformanceCase c) {
    Random random = new Random(c.seed());
    List<TensorInfo> tensors = model.mainSubgraph().tensors();
    int[] inputIndices = model.mainSubgraph().inputs();
    Tensor[] inputs = new Tensor[inputIndices.length];
    for (int i = 0; i < inputs.length; i++) {
      TensorInfo info = tensors.get(inputIndices[i]);
      Tensor t = Tensor.allocate(info.name(), info.type(), info.shape(), info.quantization());
      int n = t.size();
      switch (info.type()) {
        case FLOAT32:
          float min = c.inputMin(i);
          float width = c.inputMax(i) - min;
          for (int k = 0; k < n; k++) {
            t.floats()[k] = min + random.nextFloat() * width;
          }
          break;
        case INT8:
        case UINT8:
          random.nextBytes(t.bytes());
          break;
        case INT32:
          for (int k = 0; k < n; k++) {
            t.ints()[k] = random.nextInt(2 * INTEGER_INPUT_RANGE + 1) - INTEGER_INPUT_RANGE;
          }
          break;
        case INT64:
          for (int k = 0; k < n; k++) {
            t.longs()[k] = random.nextInt(2 * INTEGER_INPUT_RANGE + 1) - INTEGER_INPUT_RANGE;
          }
          break;
        default:
          throw new IllegalArgumentException("input " + info.name() + " of type " + info.type() + " is not generated");
      }
      inputs[i] = t;
    }
    return inputs;
  }

  private static long elapsedMs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  @Override
  public void close() {
    pool.close();
  }
}
