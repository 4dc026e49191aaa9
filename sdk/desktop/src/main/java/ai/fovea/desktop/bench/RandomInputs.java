package ai.fovea.desktop.bench;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.sdk.engine.TensorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded inputs for a model: floats uniform in [-1, 1], int8/uint8 over their whole range. */
public final class RandomInputs {
  private RandomInputs() {}

  public static Tensor[] of(TfliteModel model, long seed) {
    List<TensorSpec> specs = new ArrayList<>();
    for (int index : model.mainSubgraph().inputs()) {
      specs.add(TensorSpec.of(model.mainSubgraph().tensors().get(index)));
    }
    return of(specs, seed);
  }

  /**
   * One tensor per spec, in order. Throws {@link IllegalArgumentException} for other input types (int32 indices
   * and the like have model-specific valid ranges, so random values would be meaningless).
   */
  public static Tensor[] of(List<TensorSpec> specs, long seed) {
    Random random = new Random(seed);
    Tensor[] inputs = new Tensor[specs.size()];
    for (int i = 0; i < inputs.length; i++) {
      TensorSpec spec = specs.get(i);
      Tensor t = spec.allocate();
      if (spec.dataType() == DataType.FLOAT32) {
        for (int k = 0; k < t.size(); k++) {
          t.floats()[k] = random.nextFloat() * 2 - 1;
        }
      } else if (spec.dataType().isByte()) {
        random.nextBytes(t.bytes());
      } else {
        throw new IllegalArgumentException("input " + i + " (" + spec + "): only float32, int8 and uint8 inputs"
            + " are generated");
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
