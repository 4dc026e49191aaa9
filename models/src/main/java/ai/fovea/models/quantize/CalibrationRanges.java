package ai.fovea.models.quantize;

import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.tflite.Subgraph;
import ai.fovea.models.tflite.TensorInfo;
import ai.fovea.models.tflite.TfliteModel;
import java.util.Arrays;
import java.util.List;

/**
 * The observed [min, max] of every float activation tensor (inputs, intermediates, outputs; not constants) of a
 * float model, recorded by running it with Fovea's kernels on calibration samples. Immutable once recorded.
 */
public final class CalibrationRanges {
  private final float[] min;
  private final float[] max;

  private CalibrationRanges(float[] min, float[] max) {
    this.min = min;
    this.max = max;
  }

  /**
   * Runs {@code model} on each sample (one tensor per model input, same order and shapes) and records the range
   * of every float tensor that has no constant data.
   */
  public static CalibrationRanges record(TfliteModel model, List<Tensor[]> samples, ComputePool pool) {
    if (model == null || samples == null || pool == null) {
      throw new IllegalArgumentException("model, samples and pool are required");
    }
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("calibration needs at least one sample");
    }
    Subgraph graph = model.mainSubgraph();
    int count = graph.tensors().size();
    float[] min = new float[count];
    float[] max = new float[count];
    Arrays.fill(min, Float.POSITIVE_INFINITY);
    Arrays.fill(max, Float.NEGATIVE_INFINITY);
    try (GraphRunner runner = GraphRunner.builder(model).pool(pool).build()) {
      for (int s = 0; s < samples.size(); s++) {
        feed(runner, samples.get(s), s);
        runner.run();
        for (int t = 0; t < count; t++) {
          TensorInfo info = graph.tensors().get(t);
          if (info.type() == DataType.FLOAT32 && info.buffer() == 0) {
            widen(runner.tensor(t), t, min, max);
          }
        }
      }
    }
    return new CalibrationRanges(min, max);
  }

  private static void feed(GraphRunner runner, Tensor[] sample, int index) {
    if (sample == null || sample.length != runner.inputCount()) {
      throw new IllegalArgumentException("sample " + index + " has " + (sample == null ? 0 : sample.length)
          + " tensors for " + runner.inputCount() + " model inputs");
    }
    for (int i = 0; i < sample.length; i++) {
      Tensor input = runner.input(i);
      if (sample[i].dataType() != DataType.FLOAT32 || !sample[i].shape().equals(input.shape())) {
        throw new IllegalArgumentException("sample " + index + " input " + i + " is " + sample[i]
            + ", the model expects FLOAT32" + input.shape());
      }
      System.arraycopy(sample[i].floats(), 0, input.floats(), 0, input.size());
    }
  }

  private static void widen(Tensor t, int index, float[] min, float[] max) {
    float[] v = t.floats();
    float lo = min[index];
    float hi = max[index];
    for (int i = 0; i < t.size(); i++) {
      // NaN fails both comparisons and so never widens the range.
      if (v[i] < lo) {
        lo = v[i];
      }
      if (v[i] > hi) {
        hi = v[i];
      }
    }
    min[index] = lo;
    max[index] = hi;
  }

  /** True when tensor {@code index} was observed (a float activation of the model). */
  public boolean has(int index) {
    return index >= 0 && index < min.length && min[index] <= max[index];
  }

  public float min(int index) {
    return min[checked(index)];
  }

  public float max(int index) {
    return max[checked(index)];
  }

  private int checked(int index) {
    if (!has(index)) {
      throw new IllegalArgumentException("tensor " + index + " has no recorded range");
    }
    return index;
  }
}
