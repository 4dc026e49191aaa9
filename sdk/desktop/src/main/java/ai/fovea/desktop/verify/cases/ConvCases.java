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
      for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8}) {
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
      Quantization qin = r.activation(0.02f);
      Quantization qw = r.weightScales(c.outC, 0, c.perChannel);
      in = b.addInput("input", type, inShape, qin);
      w = b.addConstant("filter", type, wShape, qw, r.int8(wShape.size()));
      if (c.bias) {
        bias = b.addConstant("bias", Shape.of(c.outC), RandomWeights.biasScales(qin, qw, c.outC), r.bias(c.outC, 3000));
      }
      out = b.addTensor("output", type, outShape, r.activation(RandomWeights.outputScale(qin, qw, depth)));
    }
    b.addOperator(BuiltinOperator.CONV_2D, OperatorOptions.builder("Conv2DOptions").set("padding", c.same ? 0 : 1)
        .set("stride_w", c.stride).set("stride_h", c.stride).set("dilation_w_factor", c.dilation)
        .set("dilation_h_factor", c.dilation).set("fused_activation_function", c.act.tfliteCode()).build(),
        new int[] {in, w, bias}, new int[] {out});
    b.markOutput(out);
    return b.build();
  }

  static int outSize(int in, int k, int stride, int dilation, boolean same) {
    int effective = (k - 1) * dilation + 1;
    return same ? (in + stride - 1) / stride : (in - effective + stride) / stride;
  }
}
