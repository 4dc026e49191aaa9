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

/**
 * Conformance cases of ADD, SUB and MUL (same shapes and broadcasts, every fused clamp) over float32, int32, int8
 * and uint8, and of CONCATENATION over float32, int32, int8 and uint8 (any axis, negative too, one to three
 * inputs; uint8 inputs with their own quantization are requantized). Not covered because TFLite 2.6.2 rejects
 * them: CONCATENATION with a fused activation, and int8 CONCATENATION whose inputs differ from the output's
 * quantization.
 */
public final class ElementwiseCases {
  private ElementwiseCases() {}

  private static final int[][][] SHAPE_PAIRS = {
    {{1, 5, 6, 7}, {1, 5, 6, 7}},
    {{2, 5, 6, 7}, {7}},
    {{1}, {2, 3, 4}},
    {{3, 1, 5}, {1, 4, 1}},
    {{2, 3, 4, 5}, {2, 1, 4, 1}},
  };

  public static List<ConformanceCase> cases(Scale scale) {
    List<ConformanceCase> cases = new ArrayList<>();
    BuiltinOperator[] ops = {BuiltinOperator.ADD, BuiltinOperator.SUB, BuiltinOperator.MUL};
    Activation[] acts = scale == Scale.QUICK ? new Activation[] {Activation.RELU6}
        : new Activation[] {Activation.NONE, Activation.RELU, Activation.RELU6, Activation.RELU_N1_TO_1};
    DataType[] types = {DataType.FLOAT32, DataType.INT8, DataType.UINT8, DataType.INT32};
    for (BuiltinOperator op : ops) {
      for (int p = 0; p < (scale == Scale.QUICK ? 2 : SHAPE_PAIRS.length); p++) {
        for (Activation act : acts) {
          for (DataType type : types) {
            String name = String.format("%s %s %s+%s %s", op, type.name().toLowerCase(),
                Shape.of(SHAPE_PAIRS[p][0]), Shape.of(SHAPE_PAIRS[p][1]), act);
            cases.add(ConformanceCase.of(name, model(op, type, SHAPE_PAIRS[p], act, name.hashCode()),
                type == DataType.FLOAT32 ? Tolerance.float32() : Tolerance.exact()).withInputRange(-4f, 4f));
          }
        }
      }
    }
    concatenation(scale, cases);
    return cases;
  }

  private static byte[] model(BuiltinOperator op, DataType type, int[][] shapes, Activation act, long seed) {
    RandomWeights r = new RandomWeights(seed);
    Shape a = Shape.of(shapes[0]);
    Shape b = Shape.of(shapes[1]);
    int rank = Math.max(a.rank(), b.rank());
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i - (rank - a.rank()) >= 0 ? a.dim(i - (rank - a.rank())) : 1;
      int db = i - (rank - b.rank()) >= 0 ? b.dim(i - (rank - b.rank())) : 1;
      out[i] = Math.max(da, db);
    }
    Quantization qa = quantization(r, type, 0.03f);
    Quantization qb = quantization(r, type, 0.05f);
    Quantization qo = quantization(r, type, op == BuiltinOperator.MUL ? 0.08f : 0.06f);
    ModelBuilder m = new ModelBuilder();
    int ia = m.addInput("a", type, a, qa);
    int ib = m.addInput("b", type, b, qb);
    int io = m.addTensor("out", type, Shape.of(out), qo);
    String table = op == BuiltinOperator.ADD ? "AddOptions" : op == BuiltinOperator.SUB ? "SubOptions" : "MulOptions";
    m.addOperator(op, OperatorOptions.builder(table).set("fused_activation_function", act.tfliteCode()).build(),
        new int[] {ia, ib}, new int[] {io});
    m.markOutput(io);
    return m.build();
  }

  private static Quantization quantization(RandomWeights r, DataType type, float scale) {
    if (type == DataType.INT8) {
      return r.activation(scale);
    }
    if (type == DataType.UINT8) {
      return Quantization.perTensor(scale, 128 + r.bias(1, 20)[0]);
    }
    return Quantization.none();
  }

  /** Input shapes (the last entry is the axis) of the CONCATENATION cases. */
  private static final int[][][] CONCATENATIONS = {
    {{1, 4, 4, 3}, {1, 4, 4, 5}, {-1}},
    {{2, 3, 4}, {2, 1, 4}, {2, 5, 4}, {1}},
    {{2, 3}, {4, 3}, {0}},
    {{1, 6, 5, 2}, {1, 6, 3, 2}, {-2}},
    {{2, 3, 4, 5}, {2, 2, 4, 5}, {-3}},
    {{3, 2, 2}, {2}},
    {{2, 2, 1, 3, 2}, {2, 2, 2, 3, 2}, {2}},
  };

  private static void concatenation(Scale scale, List<ConformanceCase> cases) {
    DataType[] types = {DataType.FLOAT32, DataType.INT8, DataType.UINT8, DataType.INT32};
    for (int c = 0; c < (scale == Scale.QUICK ? 2 : CONCATENATIONS.length); c++) {
      int[][] config = CONCATENATIONS[c];
      for (DataType type : types) {
        for (boolean rescaled : type == DataType.UINT8 ? new boolean[] {false, true} : new boolean[] {false}) {
          if (scale == Scale.QUICK && type == DataType.UINT8 && !rescaled) {
            continue;
          }
          StringBuilder name = new StringBuilder("CONCATENATION ").append(type.name().toLowerCase());
          for (int i = 0; i < config.length - 1; i++) {
            name.append(i == 0 ? " " : "+").append(Shape.of(config[i]));
          }
          name.append(" axis ").append(config[config.length - 1][0]).append(rescaled ? " rescaled" : "");
          cases.add(ConformanceCase.of(name.toString(), concatenationModel(config, type, rescaled, name.hashCode()),
              type == DataType.FLOAT32 ? Tolerance.float32() : Tolerance.exact()));
        }
      }
    }
  }

  private static byte[] concatenationModel(int[][] config, DataType type, boolean rescaled, long seed) {
    RandomWeights r = new RandomWeights(seed);
    int inputs = config.length - 1;
    int axis = config[inputs][0];
    int rank = config[0].length;
    int resolved = axis < 0 ? axis + rank : axis;
    int[] out = config[0].clone();
    out[resolved] = 0;
    for (int i = 0; i < inputs; i++) {
      out[resolved] += config[i][resolved];
    }
    Quantization qo = quantization(r, type, 0.04f);
    ModelBuilder m = new ModelBuilder();
    int[] ins = new int[inputs];
    for (int i = 0; i < inputs; i++) {
      Quantization q = rescaled ? Quantization.perTensor(0.02f + 0.02f * i, 118 + 10 * i) : qo;
      ins[i] = m.addInput("in" + i, type, Shape.of(config[i]), q);
    }
    int io = m.addTensor("out", type, Shape.of(out), qo);
    m.addOperator(BuiltinOperator.CONCATENATION, OperatorOptions.builder("ConcatenationOptions").set("axis", axis)
        .build(), ins, new int[] {io});
    m.markOutput(io);
    return m.build();
  }
}
