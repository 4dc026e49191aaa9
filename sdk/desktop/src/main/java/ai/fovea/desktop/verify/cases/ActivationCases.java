package ai.fovea.desktop.verify.cases;

import ai.fovea.desktop.verify.ConformanceCase;
import ai.fovea.desktop.verify.Scale;
import ai.fovea.desktop.verify.Tolerance;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Conformance cases of the element-wise activations and SOFTMAX over float32, int8 and uint8. LOGISTIC and
 * SOFTMAX outputs use scale 1/256 (TANH 1/128) with the zero point TFLite requires; the others requantize to a
 * different output scale so the rescaling path is exercised.
 */
public final class ActivationCases {
  private ActivationCases() {}

  private static final BuiltinOperator[] UNARY = {BuiltinOperator.RELU, BuiltinOperator.RELU6,
      BuiltinOperator.RELU_N1_TO_1, BuiltinOperator.LOGISTIC, BuiltinOperator.TANH, BuiltinOperator.ELU,
      BuiltinOperator.LEAKY_RELU, BuiltinOperator.SOFTMAX};

  public static List<ConformanceCase> cases(Scale scale) {
    List<ConformanceCase> cases = new ArrayList<>();
    Shape[] shapes = scale == Scale.QUICK ? new Shape[] {Shape.of(2, 5, 7)}
        : new Shape[] {Shape.of(2, 5, 7), Shape.of(1, 1001), Shape.of(3, 4, 4, 10)};
    float[] inputScales = scale == Scale.QUICK ? new float[] {0.05f} : new float[] {0.02f, 0.05f, 0.12f};
    for (BuiltinOperator op : UNARY) {
      for (Shape shape : shapes) {
        for (float inScale : inputScales) {
          for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8, DataType.UINT8}) {
            if (type == DataType.FLOAT32 && inScale != inputScales[0]) {
              continue;
            }
            if (type == DataType.UINT8 && (op == BuiltinOperator.ELU || op == BuiltinOperator.LEAKY_RELU)) {
              continue; // TFLite 2.6 has no uint8 ELU, and LEAKY_RELU uint8 is covered by int8's rule.
            }
            String name = String.format("%s %s %s in-scale %s", op, type.name().toLowerCase(), shape, inScale);
            boolean lut = op == BuiltinOperator.LOGISTIC || op == BuiltinOperator.TANH || op == BuiltinOperator.SOFTMAX;
            Tolerance tolerance = type == DataType.FLOAT32 ? Tolerance.float32() : lut ? Tolerance.lsb(1)
                : Tolerance.exact();
            cases.add(ConformanceCase.of(name, model(op, type, shape, inScale, name.hashCode()), tolerance)
                .withInputRange(-8f, 8f));
          }
        }
      }
    }
    return cases;
  }

  private static byte[] model(BuiltinOperator op, DataType type, Shape shape, float inScale, long seed) {
    RandomWeights r = new RandomWeights(seed);
    Quantization qin = Quantization.none();
    Quantization qout = Quantization.none();
    if (type.isByte()) {
      int offset = type == DataType.UINT8 ? 128 : 0;
      qin = Quantization.perTensor(inScale, offset + r.bias(1, 30)[0]);
      if (op == BuiltinOperator.LOGISTIC || op == BuiltinOperator.SOFTMAX) {
        qout = Quantization.perTensor(1f / 256, offset - 128);
      } else if (op == BuiltinOperator.TANH) {
        qout = Quantization.perTensor(1f / 128, offset);
      } else {
        qout = Quantization.perTensor(inScale * 0.75f, offset + r.bias(1, 30)[0]);
      }
    }
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("input", type, shape, qin);
    int out = b.addTensor("output", type, shape, qout);
    OperatorOptions options = op == BuiltinOperator.SOFTMAX
        ? OperatorOptions.builder("SoftmaxOptions").set("beta", 0.7f).build()
        : op == BuiltinOperator.LEAKY_RELU ? OperatorOptions.builder("LeakyReluOptions").set("alpha", 0.2f).build()
        : OperatorOptions.none();
    b.addOperator(op, options, new int[] {in}, new int[] {out});
    b.markOutput(out);
    return b.build();
  }
}
