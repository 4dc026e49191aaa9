package ai.fovea.desktop.bench;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.tflite.TensorInfo;
import ai.fovea.models.tflite.TfliteModel;
import java.util.Random;

/** Seeded inputs for a model: floats uniform in [-1, 1], int8/uint8 over their whole range. */
public final class RandomInputs {
  private RandomInputs() {}

  public static Tensor[] of(TfliteModel model, long seed) {
    Random random = new Random(seed);
    int[] indices = model.mainSubgraph().inputs();
    Tensor[] inputs = new Tensor[indices.length];
    for (int i = 0; i < indices.length; i++) {
      TensorInfo info = model.mainSubgraph().tensors().get(indices[i]);
      Tensor t = Tensor.allocate(info.name(), info.type(), info.shape(), info.quantization());
      if (info.type() == DataType.FLOAT32) {
        for (int k = 0; k < t.size(); k++) {
          t.floats()[k] = random.nextFloat() * 2 - 1;
        }
      } else if (info.type().isByte()) {
        random.nextBytes(t.bytes());
      } else {
        throw new IllegalArgumentException("input " + info + ": only float and 8-bit inputs are generated");
      }
      inputs[i] = t;
    }
    return inputs;
  }

  /** Copies {@code inputs} into the runner's input tensors. */
  public static void feed(Tensor[] inputs, GraphRunner runner) {
    for (int i = 0; i < inputs.length; i++) {
      Tensor to = runner.input(i);
      if (inputs[i].dataType() == DataType.FLOAT32) {
        System.arraycopy(inputs[i].floats(), 0, to.floats(), 0, to.size());
      } else {
        System.arraycopy(inputs[i].bytes(), 0, to.bytes(), 0, to.size());
      }
    }
  }
}
