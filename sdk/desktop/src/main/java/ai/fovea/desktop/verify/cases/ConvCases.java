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

/** Conformance cases of the convolution family (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, TRANSPOSE_CONV). */
public final class ConvCases {
  private ConvCases() {}

  public static List<ConformanceCase> cases(Scale scale) {
    List<ConformanceCase> cases = new ArrayList<>();
    conv2d(scale, cases);
    depthwise(scale, cases);
    fullyConnected(scale, cases);
    return cases;
  }

  /** One CONV_2D configuration. */
  private static final class Conv {
    int batch = 1;
    int height = 9;
    int width = 7;
    int inC = 5;
    int outC = 6;
    int kh = 3;
    int kw = 3;
    int stride = 1;
    int dilation = 1;
    boolean same = true;
    // TFLite 2.6's CONV_2D requires the bias input ("Tensor at index 2 was optional but was expected").
    boolean bias = true;
    boolean perChannel = true;
    Activation act = Activation.NONE;

    String name(DataType type) {
      return String.format("CONV_2D %s %dx%dx%dx%d k%dx%d s%d d%d %s %s%s%s", type.name().toLowerCase(), batch, height,
          width, inC, kh, kw, stride, dilation, same ? "SAME" : "VALID", act, bias ? "" : " nobias",
          type == DataType.INT8 && !perChannel ? " per-tensor" : "");
    }
  }

  private static void conv2d(Scale scale, List<ConformanceCase> cases) {
    List<Conv> configs = new ArrayList<>();
    if (scale == Scale.QUICK) {
      configs.add(new Conv());
      Conv c = new Conv();
      c.stride = 2;
      c.same = false;
      c.act = Activation.RELU6;
      c.batch = 2;
      configs.add(c);
      c = new Conv();
      c.kh = 1;
      c.kw = 1;
      c.inC = 16;
      c.outC = 8;
      c.act = Activation.RELU;
      configs.add(c);
      c = new Conv();
      c.dilation = 2;
      c.perChannel = false;
      c.act = Activation.RELU_N1_TO_1;
      configs.add(c);
    } else {
      int[][] kernels = {{1, 1}, {3, 3}, {5, 3}};
      for (int[] k : kernels) {
        for (int stride = 1; stride <= 2; stride++) {
          for (int dilation = 1; dilation <= 2; dilation++) {
            for (boolean same : new boolean[] {true, false}) {
              for (Activation act : new Activation[] {Activation.NONE, Activation.RELU, Activation.RELU6,
                  Activation.RELU_N1_TO_1}) {
                Conv c = new Conv();
                c.kh = k[0];
                c.kw = k[1];
                c.stride = stride;
                c.dilation = dilation;
                c.same = same;
                c.act = act;
                c.batch = 1 + (stride + dilation) % 2;
                c.perChannel = act != Activation.RELU;
                c.inC = k[0] == 1 ? 17 : 5;
                configs.add(c);
              }
            }
          }
        }
      }
    }
    for (Conv c : configs) {
      for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8, DataType.UINT8}) {
        if (type == DataType.UINT8 && scale == Scale.QUICK && c != configs.get(0)) {
          continue; // the legacy uint8 form: one QUICK case, every FULL config
        }
        String name = c.name(type);
        cases.add(ConformanceCase.of(name, conv2dModel(c, type, name.hashCode()),
            type == DataType.FLOAT32 ? Tolerance.float32() : Tolerance.exact()));
      }
    }
  }

  private static byte[] conv2dModel(Conv c, DataType type, long seed) {
    RandomWeights r = new RandomWeights(seed);
    ModelBuilder b = new ModelBuilder();
    Shape inShape = Shape.of(c.batch, c.height, c.width, c.inC);
    Shape wShape = Shape.of(c.outC, c.kh, c.kw, c.inC);
    int depth = c.kh * c.kw * c.inC;
    int outH = outSize(c.height, c.kh, c.stride, c.dilation, c.same);
    int outW = outSize(c.width, c.kw, c.stride, c.dilation, c.same);
    Shape outShape = Shape.of(c.batch, outH, outW, c.outC);
    int in;
    int w;
    int bias = -1;
    int out;
    if (type == DataType.FLOAT32) {
      in = b.addInput("input", type, inShape, Quantization.none());
      w = b.addConstant("filter", wShape, r.floats(wShape.size(), 0.5f));
      if (c.bias) {
        bias = b.addConstant("bias", Shape.of(c.outC), r.floats(c.outC, 0.5f));
      }
      out = b.addTensor("output", type, outShape, Quantization.none());
    } else {
      boolean unsigned = type == DataType.UINT8;
      Quantization qin = unsigned(type, r.activation(0.02f), 128);
      Quantization qw = unsigned(type, r.weightScales(c.outC, 0, c.perChannel && !unsigned), 128 + depth % 23 - 11);
      in = b.addInput("input", type, inShape, qin);
      w = b.addConstant("filter", type, wShape, qw, r.int8(wShape.size()));
      if (c.bias) {
        bias = b.addConstant("bias", Shape.of(c.outC), RandomWeights.biasScales(qin, qw, unsigned ? 1 : c.outC),
            r.bias(c.outC, 3000));
      }
      out = b.addTensor("output", type, outShape,
          unsigned(type, r.activation(RandomWeights.outputScale(qin, qw, depth)), 128));
    }
    b.addOperator(BuiltinOperator.CONV_2D, OperatorOptions.builder("Conv2DOptions").set("padding", c.same ? 0 : 1)
        .set("stride_w", c.stride).set("stride_h", c.stride).set("dilation_w_factor", c.dilation)
        .set("dilation_h_factor", c.dilation).set("fused_activation_function", c.act.tfliteCode()).build(),
        new int[] {in, w, bias}, new int[] {out});
    b.markOutput(out);
    return b.build();
  }

  private static void depthwise(Scale scale, List<ConformanceCase> cases) {
    List<int[]> configs = new ArrayList<>(); // k, stride, dilation, same, multiplier, batch, activation
    if (scale == Scale.QUICK) {
      configs.add(new int[] {3, 1, 1, 1, 1, 1, 0});
      configs.add(new int[] {3, 2, 1, 0, 1, 2, 3});
      configs.add(new int[] {3, 1, 2, 1, 2, 1, 1});
    } else {
      for (int k : new int[] {3, 5}) {
        for (int stride = 1; stride <= 2; stride++) {
          for (int dilation = 1; dilation <= 2; dilation++) {
            for (int same = 0; same <= 1; same++) {
              for (int mult : new int[] {1, 2}) {
                for (Activation act : new Activation[] {Activation.NONE, Activation.RELU, Activation.RELU6,
                    Activation.RELU_N1_TO_1}) {
                  configs.add(new int[] {k, stride, dilation, same, mult, 1 + (k + act.tfliteCode()) % 2,
                      act.tfliteCode()});
                }
              }
            }
          }
        }
      }
    }
    for (int[] c : configs) {
      for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8}) {
        for (boolean perChannel : type == DataType.INT8 ? new boolean[] {true, false} : new boolean[] {true}) {
          if (!perChannel && scale == Scale.QUICK) {
            continue;
          }
          String name = String.format("DEPTHWISE_CONV_2D %s %dx10x9x6 k%d s%d d%d %s mult%d %s%s",
              type.name().toLowerCase(), c[5], c[0], c[1], c[2], c[3] == 1 ? "SAME" : "VALID", c[4],
              Activation.fromTfliteCode(c[6]), perChannel ? "" : " per-tensor");
          cases.add(ConformanceCase.of(name, depthwiseModel(c, type, perChannel, name.hashCode()),
              type == DataType.FLOAT32 ? Tolerance.float32() : Tolerance.exact()));
        }
      }
    }
  }

  private static byte[] depthwiseModel(int[] c, DataType type, boolean perChannel, long seed) {
    int k = c[0];
    int stride = c[1];
    int dilation = c[2];
    boolean same = c[3] == 1;
    int mult = c[4];
    int batch = c[5];
    int inC = 6;
    int outC = inC * mult;
    RandomWeights r = new RandomWeights(seed);
    ModelBuilder b = new ModelBuilder();
    Shape inShape = Shape.of(batch, 10, 9, inC);
    Shape wShape = Shape.of(1, k, k, outC);
    Shape outShape = Shape.of(batch, outSize(10, k, stride, dilation, same), outSize(9, k, stride, dilation, same), outC);
    int in;
    int w;
    int bias;
    int out;
    if (type == DataType.FLOAT32) {
      in = b.addInput("input", type, inShape, Quantization.none());
      w = b.addConstant("filter", wShape, r.floats(wShape.size(), 0.5f));
      bias = b.addConstant("bias", Shape.of(outC), r.floats(outC, 0.5f));
      out = b.addTensor("output", type, outShape, Quantization.none());
    } else {
      Quantization qin = r.activation(0.02f);
      Quantization qw = r.weightScales(outC, 3, perChannel);
      in = b.addInput("input", type, inShape, qin);
      w = b.addConstant("filter", type, wShape, qw, r.int8(wShape.size()));
      bias = b.addConstant("bias", Shape.of(outC), RandomWeights.biasScales(qin, qw, outC), r.bias(outC, 3000));
      out = b.addTensor("output", type, outShape, r.activation(RandomWeights.outputScale(qin, qw, k * k)));
    }
    b.addOperator(BuiltinOperator.DEPTHWISE_CONV_2D, OperatorOptions.builder("DepthwiseConv2DOptions")
        .set("padding", same ? 0 : 1).set("stride_w", stride).set("stride_h", stride).set("depth_multiplier", mult)
        .set("dilation_w_factor", dilation).set("dilation_h_factor", dilation)
        .set("fused_activation_function", c[6]).build(), new int[] {in, w, bias}, new int[] {out});
    b.markOutput(out);
    return b.build();
  }

  private static void fullyConnected(Scale scale, List<ConformanceCase> cases) {
    List<int[]> configs = new ArrayList<>(); // batch, depth, units, activation, keepNumDims, bias
    if (scale == Scale.QUICK) {
      configs.add(new int[] {1, 64, 10, 0, 0, 1});
      configs.add(new int[] {3, 37, 19, 1, 1, 1});
    } else {
      for (int batch : new int[] {1, 4}) {
        for (int depth : new int[] {1, 37, 300}) {
          for (Activation act : new Activation[] {Activation.NONE, Activation.RELU, Activation.RELU6,
              Activation.RELU_N1_TO_1}) {
            for (int keep = 0; keep <= 1; keep++) {
              configs.add(new int[] {batch, depth, 11 + depth % 7, act.tfliteCode(), keep, (depth + keep) % 3 == 0 ? 0 : 1});
            }
          }
        }
      }
    }
    for (int[] c : configs) {
      for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8, DataType.UINT8}) {
        String name = String.format("FULLY_CONNECTED %s %dx%d->%d %s%s%s", type.name().toLowerCase(), c[0], c[1], c[2],
            Activation.fromTfliteCode(c[3]), c[4] == 1 ? " keep_num_dims" : "", c[5] == 1 ? "" : " nobias");
        cases.add(ConformanceCase.of(name, fullyConnectedModel(c, type, name.hashCode()),
            type == DataType.FLOAT32 ? Tolerance.float32() : Tolerance.exact()));
      }
    }
  }

  private static byte[] fullyConnectedModel(int[] c, DataType type, long seed) {
    int batch = c[0];
    int depth = c[1];
    int units = c[2];
    boolean keep = c[4] == 1;
    RandomWeights r = new RandomWeights(seed);
    ModelBuilder b = new ModelBuilder();
    Shape inShape = keep ? Shape.of(batch, 1, depth) : Shape.of(batch, depth);
    Shape outShape = keep ? Shape.of(batch, 1, units) : Shape.of(batch, units);
    Shape wShape = Shape.of(units, depth);
    int in;
    int w;
    int bias = -1;
    int out;
    if (type == DataType.FLOAT32) {
      in = b.addInput("input", type, inShape, Quantization.none());
      w = b.addConstant("filter", wShape, r.floats(wShape.size(), 0.5f));
      if (c[5] == 1) {
        bias = b.addConstant("bias", Shape.of(units), r.floats(units, 0.5f));
      }
      out = b.addTensor("output", type, outShape, Quantization.none());
    } else {
      Quantization qin = unsigned(type, r.activation(0.02f), 128);
      Quantization qw = unsigned(type, r.weightScales(units, 0, false), 128 + depth % 23 - 11);
      in = b.addInput("input", type, inShape, qin);
      w = b.addConstant("filter", type, wShape, qw, r.int8(wShape.size()));
      if (c[5] == 1) {
        bias = b.addConstant("bias", Shape.of(units), RandomWeights.biasScales(qin, qw, 1), r.bias(units, 3000));
      }
      out = b.addTensor("output", type, outShape,
          unsigned(type, r.activation(RandomWeights.outputScale(qin, qw, depth)), 128));
    }
    b.addOperator(BuiltinOperator.FULLY_CONNECTED, OperatorOptions.builder("FullyConnectedOptions")
        .set("fused_activation_function", c[3]).set("keep_num_dims", keep).build(), new int[] {in, w, bias},
        new int[] {out});
    b.markOutput(out);
    return b.build();
  }

  /** For UINT8, the per-tensor quantization {@code q} with its zero point moved up by {@code offset}; else q. */
  private static Quantization unsigned(DataType type, Quantization q, int offset) {
    return type == DataType.UINT8 ? Quantization.perTensor(q.scale(), q.zeroPoint() + offset) : q;
  }

  static int outSize(int in, int k, int stride, int dilation, boolean same) {
    int effective = (k - 1) * dilation + 1;
    return same ? (in + stride - 1) / stride : (in - effective + stride) / stride;
  }
}
