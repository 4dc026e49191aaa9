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
    transposeConv(scale, cases);
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
            tolerance(type)));
      }
    }
  }

  private static byte[] conv2dModel(Conv c, DataType type, long seed) {
    ModelBuilder b = new ModelBuilder();
    Shape outShape = Shape.of(c.batch, outSize(c.height, c.kh, c.stride, c.dilation, c.same),
        outSize(c.width, c.kw, c.stride, c.dilation, c.same), c.outC);
    Layer l = Layer.add(b, new RandomWeights(seed), type, Shape.of(c.batch, c.height, c.width, c.inC),
        Shape.of(c.outC, c.kh, c.kw, c.inC), 0, c.perChannel, c.bias, outShape, c.kh * c.kw * c.inC);
    b.addOperator(BuiltinOperator.CONV_2D, OperatorOptions.builder("Conv2DOptions").set("padding", c.same ? 0 : 1)
        .set("stride_w", c.stride).set("stride_h", c.stride).set("dilation_w_factor", c.dilation)
        .set("dilation_h_factor", c.dilation).set("fused_activation_function", c.act.tfliteCode()).build(),
        new int[] {l.input, l.filter, l.bias}, new int[] {l.output});
    b.markOutput(l.output);
    return b.build();
  }

  /** One DEPTHWISE_CONV_2D configuration. */
  private static final class Depthwise {
    int batch = 1;
    int height = 10;
    int width = 9;
    int inC = 6;
    int k = 3;
    int stride = 1;
    int dilation = 1;
    boolean same = true;
    int mult = 1;
    boolean perChannel = true;
    Activation act = Activation.NONE;

    String name(DataType type) {
      return String.format("DEPTHWISE_CONV_2D %s %dx%dx%dx%d k%d s%d d%d %s mult%d %s%s", type.name().toLowerCase(),
          batch, height, width, inC, k, stride, dilation, same ? "SAME" : "VALID", mult, act,
          type == DataType.INT8 && !perChannel ? " per-tensor" : "");
    }
  }

  private static void depthwise(Scale scale, List<ConformanceCase> cases) {
    List<Depthwise> configs = new ArrayList<>();
    if (scale == Scale.QUICK) {
      configs.add(new Depthwise());
      Depthwise d = new Depthwise();
      d.stride = 2;
      d.same = false;
      d.batch = 2;
      d.act = Activation.RELU6;
      d.perChannel = false;
      configs.add(d);
      d = new Depthwise();
      d.dilation = 2;
      d.mult = 2;
      d.act = Activation.RELU;
      configs.add(d);
      d = new Depthwise();
      d.inC = 256; // segments of 4 pixels: a 9-pixel row splits in three
      d.stride = 2;
      d.perChannel = false;
      configs.add(d);
    } else {
      for (int k : new int[] {3, 5}) {
        for (int stride = 1; stride <= 2; stride++) {
          for (int dilation = 1; dilation <= 2; dilation++) {
            for (boolean same : new boolean[] {true, false}) {
              for (int mult : new int[] {1, 2}) {
                for (Activation act : new Activation[] {Activation.NONE, Activation.RELU, Activation.RELU6,
                    Activation.RELU_N1_TO_1}) {
                  Depthwise d = new Depthwise();
                  d.k = k;
                  d.stride = stride;
                  d.dilation = dilation;
                  d.same = same;
                  d.mult = mult;
                  d.act = act;
                  d.batch = 1 + (k + act.tfliteCode()) % 2;
                  d.perChannel = (k + mult + act.tfliteCode()) % 3 != 0;
                  configs.add(d);
                }
              }
            }
          }
        }
      }
      for (int channels : new int[] {1, 16, 64, 256}) {
        for (int stride = 1; stride <= 2; stride++) {
          Depthwise d = new Depthwise();
          d.inC = channels;
          d.height = 11;
          d.width = 13;
          d.stride = stride;
          d.act = Activation.RELU6;
          configs.add(d);
        }
      }
    }
    for (Depthwise d : configs) {
      for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8, DataType.UINT8}) {
        // TFLite's UINT8 depthwise takes per-tensor filters only: it runs on the per-tensor configurations.
        if (type == DataType.UINT8 && d.perChannel) {
          continue;
        }
        String name = d.name(type);
        cases.add(ConformanceCase.of(name, depthwiseModel(d, type, name.hashCode()),
            tolerance(type)));
      }
    }
  }

  private static byte[] depthwiseModel(Depthwise d, DataType type, long seed) {
    int outC = d.inC * d.mult;
    ModelBuilder b = new ModelBuilder();
    Shape outShape = Shape.of(d.batch, outSize(d.height, d.k, d.stride, d.dilation, d.same),
        outSize(d.width, d.k, d.stride, d.dilation, d.same), outC);
    Layer l = Layer.add(b, new RandomWeights(seed), type, Shape.of(d.batch, d.height, d.width, d.inC),
        Shape.of(1, d.k, d.k, outC), 3, d.perChannel, true, outShape, d.k * d.k);
    // Always with a bias: TFLite 2.6.2's depthwise kernels (float, int8 and uint8) crash on a null bias when the
    // operator has only two inputs, and reject an omitted (-1) third one. The unit tests cover the bias-free form.
    b.addOperator(BuiltinOperator.DEPTHWISE_CONV_2D, OperatorOptions.builder("DepthwiseConv2DOptions")
        .set("padding", d.same ? 0 : 1).set("stride_w", d.stride).set("stride_h", d.stride)
        .set("depth_multiplier", d.mult).set("dilation_w_factor", d.dilation).set("dilation_h_factor", d.dilation)
        .set("fused_activation_function", d.act.tfliteCode()).build(),
        new int[] {l.input, l.filter, l.bias}, new int[] {l.output});
    b.markOutput(l.output);
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
            tolerance(type)));
      }
    }
  }

  private static byte[] fullyConnectedModel(int[] c, DataType type, long seed) {
    int batch = c[0];
    int depth = c[1];
    int units = c[2];
    boolean keep = c[4] == 1;
    ModelBuilder b = new ModelBuilder();
    // TFLite 2.6's int8 FULLY_CONNECTED takes per-tensor filters only.
    Layer l = Layer.add(b, new RandomWeights(seed), type, keep ? Shape.of(batch, 1, depth) : Shape.of(batch, depth),
        Shape.of(units, depth), 0, false, c[5] == 1, keep ? Shape.of(batch, 1, units) : Shape.of(batch, units), depth);
    b.addOperator(BuiltinOperator.FULLY_CONNECTED, OperatorOptions.builder("FullyConnectedOptions")
        .set("fused_activation_function", c[3]).set("keep_num_dims", keep).build(),
        new int[] {l.input, l.filter, l.bias}, new int[] {l.output});
    b.markOutput(l.output);
    return b.build();
  }

  /**
   * One TRANSPOSE_CONV configuration, always with the input's natural upsampled output size: TFLite 2.6.2's
   * optimized kernel returns uninitialized memory (or crashes) for a larger output_shape, which its reference
   * semantics allow and the unit tests cover.
   */
  private static final class TransposeConv {
    int batch = 1;
    int height = 5;
    int width = 4;
    int inC = 6;
    int outC = 5;
    int kh = 3;
    int kw = 3;
    int stride = 2;
    boolean same = true;
    boolean bias = true;
    boolean perChannel = true;

    int outHeight() {
      return same ? height * stride : (height - 1) * stride + kh;
    }

    int outWidth() {
      return same ? width * stride : (width - 1) * stride + kw;
    }

    String name(DataType type) {
      return String.format("TRANSPOSE_CONV %s %dx%dx%dx%d->%dx%dx%d k%dx%d s%d %s%s%s", type.name().toLowerCase(), batch,
          height, width, inC, outHeight(), outWidth(), outC, kh, kw, stride, same ? "SAME" : "VALID",
          bias ? "" : " nobias", type == DataType.INT8 && !perChannel ? " per-tensor" : "");
    }
  }

  private static void transposeConv(Scale scale, List<ConformanceCase> cases) {
    List<TransposeConv> configs = new ArrayList<>();
    if (scale == Scale.QUICK) {
      configs.add(new TransposeConv());
      TransposeConv t = new TransposeConv();
      t.same = false;
      t.kh = 2;
      t.kw = 2;
      t.batch = 2;
      t.bias = false;
      t.perChannel = false;
      configs.add(t);
    } else {
      int[][] kernels = {{2, 2}, {3, 3}, {4, 4}, {1, 1}, {5, 3}};
      for (int[] k : kernels) {
        for (int stride = 1; stride <= 2; stride++) {
          for (boolean same : new boolean[] {true, false}) {
            for (int variant = 0; variant < 2; variant++) {
              TransposeConv t = new TransposeConv();
              t.kh = k[0];
              t.kw = k[1];
              t.stride = stride;
              t.same = same;
              t.batch = 1 + variant;
              t.bias = (k[0] + stride + variant) % 3 != 0;
              t.perChannel = (k[0] + variant) % 2 == 0;
              t.inC = 3 + k[0];
              configs.add(t);
            }
          }
        }
      }
    }
    for (TransposeConv t : configs) {
      for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8, DataType.UINT8}) {
        if (type == DataType.UINT8 && t.perChannel) {
          continue;
        }
        String name = t.name(type);
        cases.add(ConformanceCase.of(name, transposeConvModel(t, type, name.hashCode()),
            tolerance(type)));
      }
    }
  }

  private static byte[] transposeConvModel(TransposeConv t, DataType type, long seed) {
    ModelBuilder b = new ModelBuilder();
    int shape = b.addConstant("output_shape", Shape.of(4), Quantization.none(),
        new int[] {t.batch, t.outHeight(), t.outWidth(), t.outC});
    // Products an output value sums: the input depth times the taps that land on it, about kh·kw / stride².
    int depth = Math.max(1, t.inC * t.kh * t.kw / (t.stride * t.stride));
    Layer l = Layer.add(b, new RandomWeights(seed), type, Shape.of(t.batch, t.height, t.width, t.inC),
        Shape.of(t.outC, t.kh, t.kw, t.inC), 0, t.perChannel, t.bias,
        Shape.of(t.batch, t.outHeight(), t.outWidth(), t.outC), depth);
    b.addOperator(BuiltinOperator.TRANSPOSE_CONV, OperatorOptions.builder("TransposeConvOptions")
        .set("padding", t.same ? 0 : 1).set("stride_w", t.stride).set("stride_h", t.stride).build(),
        t.bias ? new int[] {shape, l.filter, l.input, l.bias} : new int[] {shape, l.filter, l.input},
        new int[] {l.output});
    b.markOutput(l.output);
    return b.build();
  }

  /** The tensors every layer of this family has; {@code bias} is -1 when the layer has none. */
  private static final class Layer {
    final int input;
    final int filter;
    final int bias;
    final int output;

    private Layer(int input, int filter, int bias, int output) {
      this.input = input;
      this.filter = filter;
      this.bias = bias;
      this.output = output;
    }

    /**
     * Adds a layer's input, random filter, optional random bias and output in {@code type}: float32 as is; int8
     * with symmetric filter scales (one per channel along {@code channelAxis} when {@code perChannel}); UINT8 in
     * the legacy form, per tensor with zero points near 128. Quantized biases are int32 on the input × filter
     * scale, and the output scale fits a sum of {@code depth} products.
     */
    static Layer add(ModelBuilder b, RandomWeights r, DataType type, Shape inShape, Shape filterShape,
        int channelAxis, boolean perChannel, boolean hasBias, Shape outShape, int depth) {
      int channels = filterShape.dim(channelAxis);
      if (type == DataType.FLOAT32) {
        int in = b.addInput("input", type, inShape, Quantization.none());
        int filter = b.addConstant("filter", filterShape, r.floats(filterShape.size(), 0.5f));
        int bias = hasBias ? b.addConstant("bias", Shape.of(channels), r.floats(channels, 0.5f)) : -1;
        return new Layer(in, filter, bias, b.addTensor("output", type, outShape, Quantization.none()));
      }
      boolean legacy = type == DataType.UINT8;
      Quantization qin = legacy ? r.uint8Activation(0.02f) : r.activation(0.02f);
      Quantization qw = legacy ? r.uint8WeightScale() : r.weightScales(channels, channelAxis, perChannel);
      int in = b.addInput("input", type, inShape, qin);
      int filter = b.addConstant("filter", type, filterShape, qw, r.int8(filterShape.size()));
      int bias = hasBias ? b.addConstant("bias", Shape.of(channels),
          RandomWeights.biasScales(qin, qw, qw.channelCount()), r.bias(channels, 3000)) : -1;
      float outScale = RandomWeights.outputScale(qin, qw, depth);
      Quantization qout = legacy ? r.uint8Activation(outScale) : r.activation(outScale);
      return new Layer(in, filter, bias, b.addTensor("output", type, outShape, qout));
    }
  }

  private static Tolerance tolerance(DataType type) {
    return type == DataType.FLOAT32 ? Tolerance.float32() : Tolerance.exact();
  }

  static int outSize(int in, int k, int stride, int dilation, boolean same) {
    int effective = (k - 1) * dilation + 1;
    return same ? (in + stride - 1) / stride : (in - effective + stride) / stride;
  }
}
