package ai.fovea.desktop.verify.cases;

import ai.fovea.desktop.verify.ConformanceCase;
import ai.fovea.desktop.verify.Scale;
import ai.fovea.desktop.verify.Tolerance;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import java.util.ArrayList;
import java.util.List;

/** Conformance cases of MAX_POOL_2D and AVERAGE_POOL_2D over float32, int8 and uint8. */
public final class PoolCases {
  private PoolCases() {}

  public static List<ConformanceCase> cases(Scale scale) {
    List<ConformanceCase> cases = new ArrayList<>();
    List<int[]> configs = new ArrayList<>(); // filter h, filter w, stride, same, activation, batch
    if (scale == Scale.QUICK) {
      configs.add(new int[] {2, 2, 2, 0, 0, 1});
      configs.add(new int[] {3, 3, 2, 1, 3, 2});
      configs.add(new int[] {7, 7, 1, 0, 1, 1});
    } else {
      for (int[] f : new int[][] {{2, 2}, {3, 3}, {3, 2}, {7, 7}}) {
        for (int stride = 1; stride <= 2; stride++) {
          for (int same = 0; same <= 1; same++) {
            for (Activation act : new Activation[] {Activation.NONE, Activation.RELU, Activation.RELU6,
                Activation.RELU_N1_TO_1}) {
              configs.add(new int[] {f[0], f[1], stride, same, act.tfliteCode(), 1 + (f[0] + stride) % 2});
            }
          }
        }
      }
    }
    for (BuiltinOperator op : new BuiltinOperator[] {BuiltinOperator.MAX_POOL_2D, BuiltinOperator.AVERAGE_POOL_2D}) {
      for (int[] c : configs) {
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8, DataType.UINT8}) {
          String name = String.format("%s %s %dx9x8x5 f%dx%d s%d %s %s", op, type.name().toLowerCase(), c[5], c[0],
              c[1], c[2], c[3] == 1 ? "SAME" : "VALID", Activation.fromTfliteCode(c[4]));
          cases.add(ConformanceCase.of(name, model(op, c, type, name.hashCode()),
              type == DataType.FLOAT32 ? Tolerance.float32() : Tolerance.exact()));
        }
      }
    }
    return cases;
  }

  private static byte[] model(BuiltinOperator op, int[] c, DataType type, long seed) {
    RandomWeights r = new RandomWeights(seed);
    boolean same = c[3] == 1;
    Quantization q = type == DataType.FLOAT32 ? Quantization.none()
        : type == DataType.INT8 ? r.activation(0.05f) : Quantization.perTensor(0.05f, 128 + r.bias(1, 20)[0]);
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("input", type, Shape.of(c[5], 9, 8, 5), q);
    int out = b.addTensor("output", type, Shape.of(c[5], ConvCases.outSize(9, c[0], c[2], 1, same),
        ConvCases.outSize(8, c[1], c[2], 1, same), 5), q);
    b.addOperator(op, OperatorOptions.builder("Pool2DOptions").set("padding", same ? 0 : 1).set("stride_w", c[2])
        .set("stride_h", c[2]).set("filter_width", c[1]).set("filter_height", c[0])
        .set("fused_activation_function", c[4]).build(), new int[] {in}, new int[] {out});
    b.markOutput(out);
    return b.build();
  }
}
