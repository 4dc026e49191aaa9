package ai.fovea.models.quantize;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.tflite.Subgraph;
import ai.fovea.models.tflite.TensorInfo;
import ai.fovea.models.tflite.TfliteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic calibration samples: every float input uniform in [min, max]. Right for models whose real
 * inputs are spread that way (the random-weight reference networks); a trained model should be calibrated on
 * real data instead.
 */
public final class CalibrationSamples {
  private CalibrationSamples() {}

  public static List<Tensor[]> uniform(TfliteModel model, int count, float min, float max, long seed) {
    if (model == null) {
      throw new IllegalArgumentException("model is null");
    }
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, got " + count);
    }
    if (!(min < max)) {
      throw new IllegalArgumentException("range [" + min + ", " + max + "] is empty");
    }
    Subgraph graph = model.mainSubgraph();
    Random random = new Random(seed);
    List<Tensor[]> samples = new ArrayList<>(count);
    for (int s = 0; s < count; s++) {
      int[] inputs = graph.inputs();
      Tensor[] sample = new Tensor[inputs.length];
      for (int i = 0; i < inputs.length; i++) {
        TensorInfo info = graph.tensors().get(inputs[i]);
        if (info.type() != DataType.FLOAT32) {
          throw new IllegalArgumentException("input " + info + " is not FLOAT32");
        }
        float[] data = new float[info.shape().size()];
        for (int k = 0; k < data.length; k++) {
          data[k] = min + random.nextFloat() * (max - min);
        }
        sample[i] = Tensor.ofFloats(info.name(), info.shape(), data);
      }
      samples.add(sample);
    }
    return samples;
  }
}
