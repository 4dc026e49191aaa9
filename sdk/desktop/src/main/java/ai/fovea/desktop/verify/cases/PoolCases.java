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
import java.util.Arrays;
import java.util.List;

/**
 * Conformance cases of MAX_POOL_2D and AVERAGE_POOL_2D (windows up to 13x13, strides, paddings, fused clamps) and
 * of MEAN (spatial and general axes, keep_dims, negative and repeated axes; quantized with the output's
 * quantization equal to the input's or not) over float32, int8 and uint8. Quantized pools keep the input's
 * quantization: TFLite 2.6.2 does not requantize them.
 */
public final class PoolCases {
  private PoolCases() {}

  public static List<ConformanceCase> cases(Scale scale) {
    List<ConformanceCase> cases = new ArrayList<>();
    List<int[]> configs = new ArrayList<>(); // filter h, filter w, stride, same, activation, batch
    if (scale == Scale.QUICK) {
      configs.add(new int[] {2, 2, 2, 0, 0, 1});
      configs.add(new int[] {3, 3, 2, 1, 3, 2});
      configs.add(new int[] {7, 7, 1, 0, 1, 1});
      configs.add(new int[] {5, 5, 1, 1, 0, 2});
    } else {
      configs.add(new int[] {13, 13, 1, 1, 0, 2});
      configs.add(new int[] {9, 5, 1, 1, 3, 1});
      for (int[] f : new int[][] {{2, 2}, {3, 3}, {3, 2}, {5, 5}, {7, 7}}) {
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
    mean(scale, cases);
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

  /** MEAN cases: input shape, axes (as listed in the model), keep_dims (1 or 0). */
  private static final int[][][] MEANS = {
    {{1, 7, 7, 16}, {1, 2}, {1}},
    {{2, 5, 6, 8}, {2, 1}, {1}},
    {{2, 5, 6, 8}, {1, 2}, {0}},
    {{2, 5, 6, 8}, {-3, -2}, {1}},
    {{2, 5, 6, 8}, {3}, {1}},
    {{2, 5, 6, 8}, {-1}, {0}},
    {{2, 5, 6, 8}, {0, 2}, {0}},
    {{3, 4, 5}, {1}, {1}},
    {{2, 3, 4, 5}, {0, 1, 2, 3}, {0}},
    {{1, 4, 4, 3}, {1, 1, 2}, {1}},
    {{6, 10}, {0}, {0}},
    {{1, 5, 5, 64}, {1, 2}, {1}},
    {{2, 3, 7, 40}, {2, 1}, {1}},
  };

  private static void mean(Scale scale, List<ConformanceCase> cases) {
    int[] quick = {0, 2, 9};
    int count = scale == Scale.QUICK ? quick.length : MEANS.length;
    for (int k = 0; k < count; k++) {
      int[][] c = MEANS[scale == Scale.QUICK ? quick[k] : k];
      for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8, DataType.UINT8}) {
        for (boolean rescaled : type == DataType.FLOAT32 ? new boolean[] {false} : new boolean[] {false, true}) {
          String name = String.format("MEAN %s %s axes %s%s%s", type.name().toLowerCase(), Shape.of(c[0]),
              Arrays.toString(c[1]).replace(" ", ""), c[2][0] == 1 ? " keep_dims" : "",
              rescaled ? " rescaled" : "");
          cases.add(ConformanceCase.of(name, meanModel(c, type, rescaled, name.hashCode()),
              type == DataType.FLOAT32 ? Tolerance.float32() : Tolerance.exact()));
        }
      }
    }
  }

  private static byte[] meanModel(int[][] c, DataType type, boolean rescaled, long seed) {
    RandomWeights r = new RandomWeights(seed);
    int zp = type == DataType.UINT8 ? 128 : 0;
    Quantization qi =
        type == DataType.FLOAT32 ? Quantization.none() : Quantization.perTensor(0.05f, zp + r.bias(1, 20)[0]);
    Quantization qo = rescaled ? Quantization.perTensor(0.02f, zp + r.bias(1, 20)[0]) : qi;
    int rank = c[0].length;
    boolean[] reduced = new boolean[rank];
    for (int a : c[1]) {
      reduced[a < 0 ? a + rank : a] = true;
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      if (!reduced[i]) {
        out.add(c[0][i]);
      } else if (c[2][0] == 1) {
        out.add(1);
      }
    }
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("input", type, Shape.of(c[0]), qi);
    int axes = b.addConstant("axes", Shape.of(c[1].length), Quantization.none(), c[1]);
    int o = b.addTensor("output", type, Shape.of(out.stream().mapToInt(Integer::intValue).toArray()), qo);
    b.addOperator(BuiltinOperator.MEAN, OperatorOptions.builder("ReducerOptions").set("keep_dims", c[2][0] == 1)
        .build(), new int[] {in, axes}, new int[] {o});
    b.markOutput(o);
    return b.build();
  }
}
