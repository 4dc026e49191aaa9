package ai.fovea.desktop.verify;

import ai.fovea.desktop.tflite.TfliteInterpreter;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.tflite.TensorInfo;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteReader;
import java.util.List;
import java.util.Random;

/**
 * Runs a {@link ConformanceCase} in the real TFLite interpreter (reference kernels, no XNNPACK) and in Fovea's
 * graph runner twice — optimized kernels on a multi-threaded pool, then the reference kernels — and compares
 * every output. Any exception on our side is a failed case, never a crash of the suite.
 */
public final class ConformanceRunner implements AutoCloseable {
  private final ComputePool pool;

  public ConformanceRunner(int threads) {
    this.pool = new ComputePool(threads);
  }

  public ConformanceResult run(ConformanceCase c) {
    long start = System.nanoTime();
    try {
      TfliteModel model = TfliteReader.read(c.model());
      Tensor[] inputs = randomInputs(model, c);
      Tensor[] expected;
      try (TfliteInterpreter tflite = TfliteInterpreter.builder(c.model()).build()) {
        tflite.run(inputs);
        expected = new Tensor[tflite.outputCount()];
        for (int i = 0; i < expected.length; i++) {
          expected[i] = tflite.output(i);
        }
      }
      StringBuilder detail = new StringBuilder();
      boolean passed = compareOurs(model, inputs, expected, c.tolerance(), false, detail)
          & compareOurs(model, inputs, expected, c.tolerance(), true, detail);
      return new ConformanceResult(c.name(), passed, detail.toString().trim(), elapsedMs(start));
    } catch (RuntimeException e) {
      return new ConformanceResult(c.name(), false, e.getClass().getSimpleName() + ": " + e.getMessage(),
          elapsedMs(start));
    }
  }

  private boolean compareOurs(TfliteModel model, Tensor[] inputs, Tensor[] expected, Tolerance tolerance,
      boolean reference, StringBuilder detail) {
    try (GraphRunner runner = GraphRunner.builder(model).pool(pool).useReferenceKernels(reference).build()) {
      for (int i = 0; i < inputs.length; i++) {
        copy(inputs[i], runner.input(i));
      }
      runner.run();
      boolean ok = runner.outputCount() == expected.length;
      detail.append(reference ? " reference:" : " optimized:");
      for (int i = 0; i < Math.min(expected.length, runner.outputCount()); i++) {
        OutputComparison cmp = OutputComparison.of(expected[i], runner.output(i), tolerance);
        ok &= cmp.withinTolerance;
        detail.append(' ').append(cmp.summary);
      }
      return ok;
    }
  }

  private static void copy(Tensor from, Tensor to) {
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

  /** Seeded inputs: floats uniform in the case's range, 8-bit types over their whole range. */
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
          for (int k = 0; k < n; k++) {
            t.floats()[k] = c.inputMin() + random.nextFloat() * (c.inputMax() - c.inputMin());
          }
          break;
        case INT8:
        case UINT8:
          random.nextBytes(t.bytes());
          break;
        case INT32:
          for (int k = 0; k < n; k++) {
            t.ints()[k] = random.nextInt(201) - 100;
          }
          break;
        case INT64:
          for (int k = 0; k < n; k++) {
            t.longs()[k] = random.nextInt(201) - 100;
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
