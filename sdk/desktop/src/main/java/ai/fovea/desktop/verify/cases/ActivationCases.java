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
 * Conformance cases of the activation family over float32, int8 and uint8: the element-wise ops with output
 * scales below, equal to and above the input's (so the requantization paths run), input scales that make
 * HARD_SWISH shift both ways, LEAKY_RELU slopes of every sign and size, PRELU with every way its alpha
 * broadcasts, and SOFTMAX over several depths and betas. LOGISTIC and SOFTMAX outputs use scale 1/256, which
 * TFLite requires (SOFTMAX also its zero point). Left out because TFLite 2.6.2 rejects them: uint8 ELU (no
 * kernel), LOGISTIC to another output scale, HARD_SWISH outputs finer than input/128, and 8-bit PRELU broadcasts
 * beyond 4 dimensions (the interpreter aborts).
 */
public final class ActivationCases {
  private static final DataType[] TYPES = {DataType.FLOAT32, DataType.INT8, DataType.UINT8};
  private static final BuiltinOperator[] ELEMENTWISE = {BuiltinOperator.RELU, BuiltinOperator.RELU6,
      BuiltinOperator.RELU_N1_TO_1, BuiltinOperator.LOGISTIC, BuiltinOperator.TANH, BuiltinOperator.ELU,
      BuiltinOperator.HARD_SWISH, BuiltinOperator.LEAKY_RELU};
  /** Inputs large enough that every kernel splits its work over the pool. */
  private static final Shape LARGE = Shape.of(1, 96, 96, 24);

  private ActivationCases() {}

  public static List<ConformanceCase> cases(Scale scale) {
    List<ConformanceCase> cases = new ArrayList<>();
    elementwise(scale, cases);
    prelu(scale, cases);
    softmax(scale, cases);
    return cases;
  }

  private static void elementwise(Scale scale, List<ConformanceCase> cases) {
    boolean quick = scale == Scale.QUICK;
    Shape[] shapes = quick ? new Shape[] {Shape.of(2, 5, 7)}
        : new Shape[] {Shape.of(2, 5, 7), Shape.of(17), Shape.of(3, 4, 4, 10), LARGE};
    float[] inputScales = quick ? new float[] {0.05f} : new float[] {0.004f, 0.02f, 0.05f, 0.12f};
    float[] outputRatios = quick ? new float[] {0.75f} : new float[] {0.75f, 1f, 2.5f};
    for (BuiltinOperator op : ELEMENTWISE) {
      float[] alphas = op != BuiltinOperator.LEAKY_RELU ? new float[] {0f}
          : quick ? new float[] {0.2f} : new float[] {0.2f, -0.5f, 1.5f, 0f};
      for (DataType type : TYPES) {
        if (type == DataType.UINT8 && op == BuiltinOperator.ELU) {
          continue;
        }
        for (Shape shape : shapes) {
          for (float alpha : alphas) {
            boolean large = shape.equals(LARGE);
            if (type == DataType.FLOAT32) {
              cases.add(elementwiseCase(op, type, shape, alpha, 0f, 0f));
              continue;
            }
            for (float inScale : large ? new float[] {0.05f} : inputScales) {
              for (float ratio : large ? new float[] {0.75f} : outputRatios) {
                cases.add(elementwiseCase(op, type, shape, alpha, inScale, ratio));
              }
            }
          }
        }
      }
    }
  }

  private static ConformanceCase elementwiseCase(BuiltinOperator op, DataType type, Shape shape, float alpha,
      float inScale, float ratio) {
    String name = String.format("%s %s %s%s%s", op, type.name().toLowerCase(), shape,
        op == BuiltinOperator.LEAKY_RELU ? " alpha " + alpha : "",
        type == DataType.FLOAT32 ? "" : " in-scale " + inScale + " out-ratio " + ratio);
    RandomWeights r = new RandomWeights(name.hashCode());
    Quantization qin = Quantization.none();
    Quantization qout = Quantization.none();
    if (type.isByte()) {
      int offset = type == DataType.UINT8 ? 128 : 0;
      qin = Quantization.perTensor(inScale, offset + r.bias(1, 30)[0]);
      if (op == BuiltinOperator.LOGISTIC) {
        // TFLite checks the scale only; a zero point other than the usual one still runs, so try both.
        qout = Quantization.perTensor(1f / 256, ratio == 1f ? offset + r.bias(1, 30)[0] : offset - 128);
      } else if (op == BuiltinOperator.TANH && ratio == 0.75f) {
        qout = Quantization.perTensor(1f / 128, offset);
      } else {
        float outScale = op == BuiltinOperator.TANH ? ratio / 128 : inScale * ratio;
        qout = Quantization.perTensor(outScale, offset + r.bias(1, 30)[0]);
      }
    }
    OperatorOptions options = op == BuiltinOperator.LEAKY_RELU
        ? OperatorOptions.builder("LeakyReluOptions").set("alpha", alpha).build()
        : op == BuiltinOperator.HARD_SWISH ? OperatorOptions.builder("HardSwishOptions").build()
        : OperatorOptions.none();
    boolean lut = op == BuiltinOperator.LOGISTIC || op == BuiltinOperator.TANH;
    Tolerance tolerance = type == DataType.FLOAT32 ? Tolerance.float32() : lut ? Tolerance.lsb(1) : Tolerance.exact();
    return ConformanceCase.of(name, unaryModel(op, options, type, shape, qin, qout), tolerance)
        .withInputRange(-8f, 8f);
  }

  private static void softmax(Scale scale, List<ConformanceCase> cases) {
    Shape[] shapes = scale == Scale.QUICK ? new Shape[] {Shape.of(2, 5, 7)}
        : new Shape[] {Shape.of(2, 5, 7), Shape.of(10), Shape.of(1, 1001), Shape.of(3, 4, 4, 10), LARGE};
    float[] betas = scale == Scale.QUICK ? new float[] {0.7f} : new float[] {1f, 0.7f, 2.5f, 0.1f};
    float[] inputScales = scale == Scale.QUICK ? new float[] {0.05f} : new float[] {0.02f, 0.05f, 0.12f};
    for (DataType type : TYPES) {
      for (Shape shape : shapes) {
        for (float beta : betas) {
          for (float inScale : type == DataType.FLOAT32 ? new float[] {0f} : inputScales) {
            String name = String.format("SOFTMAX %s %s beta %s%s", type.name().toLowerCase(), shape, beta,
                type == DataType.FLOAT32 ? "" : " in-scale " + inScale);
            RandomWeights r = new RandomWeights(name.hashCode());
            Quantization qin = Quantization.none();
            Quantization qout = Quantization.none();
            if (type.isByte()) {
              int offset = type == DataType.UINT8 ? 128 : 0;
              qin = Quantization.perTensor(inScale, offset + r.bias(1, 30)[0]);
              qout = Quantization.perTensor(1f / 256, offset - 128);
            }
            OperatorOptions options = OperatorOptions.builder("SoftmaxOptions").set("beta", beta).build();
            cases.add(ConformanceCase.of(name, unaryModel(BuiltinOperator.SOFTMAX, options, type, shape, qin, qout),
                type == DataType.FLOAT32 ? Tolerance.float32() : Tolerance.lsb(1)).withInputRange(-8f, 8f));
          }
        }
      }
    }
  }

  private static byte[] unaryModel(BuiltinOperator op, OperatorOptions options, DataType type, Shape shape,
      Quantization qin, Quantization qout) {
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("input", type, shape, qin);
    int out = b.addTensor("output", type, shape, qout);
    b.addOperator(op, options, new int[] {in}, new int[] {out});
    b.markOutput(out);
    return b.build();
  }

  /** PRELU on NHWC input with alpha per channel, per row, per pixel, one for all, or one per element. */
  private static void prelu(Scale scale, List<ConformanceCase> cases) {
    Shape input = Shape.of(2, 5, 7, 6);
    Shape[] alphas = scale == Scale.QUICK ? new Shape[] {Shape.of(1, 1, 6)}
        : new Shape[] {Shape.of(6), Shape.of(1, 1, 6), Shape.of(5, 7, 6), Shape.of(5, 1, 6), Shape.of(1),
            Shape.of(2, 5, 7, 6), Shape.of(2, 1, 1, 1)};
    for (DataType type : TYPES) {
      for (Shape alpha : alphas) {
        String name = String.format("PRELU %s %s alpha %s", type.name().toLowerCase(), input, alpha);
        cases.add(ConformanceCase.of(name, preluModel(type, input, alpha, name.hashCode()),
            type == DataType.FLOAT32 ? Tolerance.float32() : Tolerance.exact()).withInputRange(-3f, 3f));
      }
      if (scale == Scale.FULL) {
        String name = String.format("PRELU %s %s alpha %s", type.name().toLowerCase(), LARGE, Shape.of(24));
        cases.add(ConformanceCase.of(name, preluModel(type, LARGE, Shape.of(24), name.hashCode()),
            type == DataType.FLOAT32 ? Tolerance.float32() : Tolerance.exact()).withInputRange(-3f, 3f));
      }
    }
  }

  private static byte[] preluModel(DataType type, Shape input, Shape alphaShape, long seed) {
    RandomWeights r = new RandomWeights(seed);
    ModelBuilder b = new ModelBuilder();
    int n = alphaShape.size();
    int in;
    int alpha;
    int out;
    if (type == DataType.FLOAT32) {
      in = b.addInput("input", type, input, Quantization.none());
      alpha = b.addConstant("alpha", alphaShape, r.floats(n, 1.5f));
      out = b.addTensor("output", type, input, Quantization.none());
    } else {
      int offset = type == DataType.UINT8 ? 128 : 0;
      in = b.addInput("input", type, input, Quantization.perTensor(0.05f, offset + r.bias(1, 30)[0]));
      byte[] values = r.int8(n);
      for (int i = 0; type == DataType.UINT8 && i < n; i++) {
        values[i] = (byte) (values[i] + 128);
      }
      alpha = b.addConstant("alpha", type, alphaShape, Quantization.perTensor(0.012f, offset + r.bias(1, 20)[0]),
          values);
      out = b.addTensor("output", type, input, Quantization.perTensor(0.04f, offset + r.bias(1, 30)[0]));
    }
    b.addOperator(BuiltinOperator.PRELU, OperatorOptions.none(), new int[] {in, alpha}, new int[] {out});
    b.markOutput(out);
    return b.build();
  }
}
