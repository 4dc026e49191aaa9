package ai.fovea.sdk.engine;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;

/** Small real models for engine tests, written by our writer (the real interpreter loads them too). */
public final class TestModels {
  private TestModels() {}

  /** y = relu6(x + [10, 20, 30, 40]), x float [1, 2, 2, 1]. */
  public static EngineModel addRelu6() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 2, 2, 1), Quantization.none());
    int k = b.addConstant("k", Shape.of(1, 2, 2, 1), new float[] {10, 20, 30, 40});
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(1, 2, 2, 1));
    b.addOperator(BuiltinOperator.ADD, OperatorOptions.builder("AddOptions").set("fused_activation_function", 3)
        .build(), new int[] {x, k}, new int[] {y});
    b.markOutput(y);
    return EngineModel.of(b.build());
  }

  /** y = exp(x), x float [1, 4]: an op TFLite has and our kernels do not. */
  public static EngineModel exp() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 4), Quantization.none());
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(1, 4));
    b.addOperator(BuiltinOperator.EXP, OperatorOptions.builder("ExpOptions").build(), new int[] {x}, new int[] {y});
    b.markOutput(y);
    return EngineModel.of(b.build());
  }
}
