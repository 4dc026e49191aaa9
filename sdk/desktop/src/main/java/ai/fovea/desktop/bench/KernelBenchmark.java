package ai.fovea.desktop.bench;

import ai.fovea.desktop.tflite.TfliteInterpreter;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.quantize.CalibrationSamples;
import ai.fovea.models.quantize.PostTrainingQuantizer;
import ai.fovea.models.tflite.TensorInfo;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Times each {@link BenchCase} as float and int8 on our kernels and in TFLite 2.6.2 with the same thread count:
 * median of {@code runs} timed runs after warm-up runs (our JIT needs them; TFLite's first run allocates). The
 * speed reference is TFLite's float model with XNNPACK; TFLite's int8 kernels are slow in this build, so they
 * get a fifth of the runs and are reported for information. TFLite times are its native inference time.
 */
public final class KernelBenchmark {
  private static final int CALIBRATION_SAMPLES = 2;
  private static final long WARM_UP_NANOS = 1_000_000_000L;
  private final int threads;
  private final int runs;
  private final Consumer<String> progress;

  public KernelBenchmark(int threads, int runs, Consumer<String> progress) {
    if (threads < 1 || runs < 1) {
      throw new IllegalArgumentException("threads and runs must be >= 1, got " + threads + " and " + runs);
    }
    this.threads = threads;
    this.runs = runs;
    this.progress = progress == null ? s -> { } : progress;
  }

  public List<BenchRow> run(List<BenchCase> cases) {
    List<BenchRow> rows = new ArrayList<>();
    try (ComputePool pool = new ComputePool(threads)) {
      for (int i = 0; i < cases.size(); i++) {
        BenchCase c = cases.get(i);
        String step = String.format("[%d/%d] %s", i + 1, cases.size(), c.name());
        TfliteModel floatModel = c.floatModel();
        TfliteModel int8Model = PostTrainingQuantizer.builder().threads(threads).build().quantize(floatModel,
            CalibrationSamples.uniform(floatModel, CALIBRATION_SAMPLES, -1f, 1f, 1));
        progress.accept(step + ": TFLite XNNPACK float");
        double reference = tflite(floatModel, true, runs);
        progress.accept(step + ": ours float");
        rows.add(new BenchRow(c.name() + " float", ours(floatModel, pool), reference, Double.NaN));
        progress.accept(step + ": ours int8");
        double oursInt8 = ours(int8Model, pool);
        progress.accept(step + ": TFLite int8");
        rows.add(new BenchRow(c.name() + " int8", oursInt8, reference, tflite(int8Model, false, Math.max(1, runs / 5))));
      }
    }
    return rows;
  }

  private double ours(TfliteModel model, ComputePool pool) {
    try (GraphRunner runner = GraphRunner.builder(model).pool(pool).build()) {
      Tensor[] inputs = inputs(model);
      for (int i = 0; i < inputs.length; i++) {
        copy(inputs[i], runner.input(i));
      }
      long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
      for (int w = 0; w < 3 || System.nanoTime() < warmUpEnd && w < runs; w++) {
        runner.run();
      }
      double[] ms = new double[runs];
      for (int r = 0; r < runs; r++) {
        long start = System.nanoTime();
        runner.run();
        ms[r] = (System.nanoTime() - start) / 1e6;
      }
      return median(ms);
    }
  }

  private double tflite(TfliteModel model, boolean xnnpack, int timedRuns) {
    Tensor[] inputs = inputs(model);
    try (TfliteInterpreter tflite = TfliteInterpreter.builder(TfliteWriter.write(model)).threads(threads)
        .xnnpack(xnnpack).build()) {
      tflite.run(inputs);
      double[] ms = new double[timedRuns];
      for (int r = 0; r < timedRuns; r++) {
        tflite.run(inputs);
        ms[r] = tflite.lastRunNanos() / 1e6;
      }
      return median(ms);
    }
  }

  /** Seeded inputs: floats uniform in [-1, 1], int8 over the whole range. */
  private static Tensor[] inputs(TfliteModel model) {
    Random random = new Random(11);
    int[] indices = model.mainSubgraph().inputs();
    Tensor[] inputs = new Tensor[indices.length];
    for (int i = 0; i < indices.length; i++) {
      TensorInfo info = model.mainSubgraph().tensors().get(indices[i]);
      Tensor t = Tensor.allocate(info.name(), info.type(), info.shape(), info.quantization());
      if (info.type() == DataType.FLOAT32) {
        for (int k = 0; k < t.size(); k++) {
          t.floats()[k] = random.nextFloat() * 2 - 1;
        }
      } else {
        random.nextBytes(t.bytes());
      }
      inputs[i] = t;
    }
    return inputs;
  }

  private static void copy(Tensor from, Tensor to) {
    if (from.dataType() == DataType.FLOAT32) {
      System.arraycopy(from.floats(), 0, to.floats(), 0, from.size());
    } else {
      System.arraycopy(from.bytes(), 0, to.bytes(), 0, from.size());
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
