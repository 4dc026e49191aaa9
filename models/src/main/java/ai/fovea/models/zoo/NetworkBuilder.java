package ai.fovea.models.zoo;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Padding;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import ai.fovea.models.tflite.TfliteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds a float32 NHWC network layer by layer on a {@link ModelBuilder}, with seeded random weights: He-normal
 * filters (standard deviation sqrt(2 / fan-in)) so that ReLU activations keep their scale through depth, then a
 * per-output-channel scale and bias such as a folded batch norm leaves. Each layer method takes and returns
 * tensor indices; the builder tracks their shapes. Convolutions use SAME padding, like MobileNet and ResNet.
 */
public final class NetworkBuilder {
  private final ModelBuilder model = new ModelBuilder();
  private final List<Shape> shapes = new ArrayList<>();
  private final Random random;
  private int layers;

  public NetworkBuilder(String description, long seed) {
    model.description(description);
    this.random = new Random(seed);
  }

  /** A float32 model input. */
  public int input(String name, Shape shape) {
    return track(model.addInput(name, DataType.FLOAT32, shape, Quantization.none()), shape);
  }

  /** The shape of a tensor made by this builder. */
  public Shape shape(int tensor) {
    if (tensor < 0 || tensor >= shapes.size() || shapes.get(tensor) == null) {
      throw new IllegalArgumentException("tensor " + tensor + " was not made by this builder");
    }
    return shapes.get(tensor);
  }

  /** CONV_2D with a square kernel, He-initialised. */
  public int conv(int x, int outChannels, int kernel, int stride, Activation activation) {
    return conv(x, outChannels, kernel, stride, activation, 1f);
  }

  /**
   * CONV_2D whose He initialisation is multiplied by {@code gain}; a residual branch's last convolution takes a
   * gain below 1 so that the sum with the shortcut does not grow block after block.
   */
  public int conv(int x, int outChannels, int kernel, int stride, Activation activation, float gain) {
    Shape in = nhwc(x);
    checkPositive("output channels", outChannels);
    checkWindow(kernel, stride);
    int inC = in.dim(3);
    String name = "conv" + (++layers);
    float[] filter = heNormal(outChannels * kernel * kernel * inC, kernel * kernel * inC, gain);
    foldBatchNorm(filter, outChannels, false);
    int w = model.addConstant(name + "/weights", Shape.of(outChannels, kernel, kernel, inC), filter);
    int b = model.addConstant(name + "/bias", Shape.of(outChannels), bias(outChannels));
    Shape outShape = windowed(in, kernel, stride, outChannels);
    int y = track(model.addTensor(name, DataType.FLOAT32, outShape), outShape);
    model.addOperator(BuiltinOperator.CONV_2D, OperatorOptions.builder("Conv2DOptions")
        .set("padding", 0).set("stride_w", stride).set("stride_h", stride)
        .set("fused_activation_function", activation.tfliteCode()).build(), new int[] {x, w, b}, new int[] {y});
    return y;
  }

  /** DEPTHWISE_CONV_2D with depth multiplier 1 and a square kernel, He-initialised (fan-in kernel²). */
  public int depthwise(int x, int kernel, int stride, Activation activation) {
    Shape in = nhwc(x);
    checkWindow(kernel, stride);
    int channels = in.dim(3);
    String name = "depthwise" + (++layers);
    float[] filter = heNormal(kernel * kernel * channels, kernel * kernel, 1f);
    foldBatchNorm(filter, channels, true);
    int w = model.addConstant(name + "/weights", Shape.of(1, kernel, kernel, channels), filter);
    int b = model.addConstant(name + "/bias", Shape.of(channels), bias(channels));
    Shape outShape = windowed(in, kernel, stride, channels);
    int y = track(model.addTensor(name, DataType.FLOAT32, outShape), outShape);
    model.addOperator(BuiltinOperator.DEPTHWISE_CONV_2D, OperatorOptions.builder("DepthwiseConv2DOptions")
        .set("padding", 0).set("stride_w", stride).set("stride_h", stride).set("depth_multiplier", 1)
        .set("fused_activation_function", activation.tfliteCode()).build(), new int[] {x, w, b}, new int[] {y});
    return y;
  }

  /** FULLY_CONNECTED over the last dimension of a rank-2 input [batch, depth]. */
  public int fullyConnected(int x, int units, Activation activation) {
    Shape in = shape(x);
    if (in.rank() != 2) {
      throw new IllegalArgumentException("fully connected input must be [batch, depth], got " + in);
    }
    checkPositive("units", units);
    int depth = in.dim(1);
    String name = "fc" + (++layers);
    float[] filter = heNormal(units * depth, depth, 1f);
    foldBatchNorm(filter, units, false);
    int w = model.addConstant(name + "/weights", Shape.of(units, depth), filter);
    int b = model.addConstant(name + "/bias", Shape.of(units), bias(units));
    Shape outShape = Shape.of(in.dim(0), units);
    int y = track(model.addTensor(name, DataType.FLOAT32, outShape), outShape);
    model.addOperator(BuiltinOperator.FULLY_CONNECTED, OperatorOptions.builder("FullyConnectedOptions")
        .set("fused_activation_function", activation.tfliteCode()).build(), new int[] {x, w, b}, new int[] {y});
    return y;
  }

  /** AVERAGE_POOL_2D over the whole spatial extent (VALID), leaving [batch, 1, 1, C]. */
  public int globalAveragePool(int x) {
    Shape in = nhwc(x);
    String name = "avgpool" + (++layers);
    Shape outShape = Shape.of(in.dim(0), 1, 1, in.dim(3));
    int y = track(model.addTensor(name, DataType.FLOAT32, outShape), outShape);
    model.addOperator(BuiltinOperator.AVERAGE_POOL_2D, OperatorOptions.builder("Pool2DOptions")
        .set("padding", 1).set("stride_w", 1).set("stride_h", 1).set("filter_width", in.dim(2))
        .set("filter_height", in.dim(1)).build(), new int[] {x}, new int[] {y});
    return y;
  }

  /** MAX_POOL_2D with a square window, SAME padding. */
  public int maxPool(int x, int window, int stride) {
    Shape in = nhwc(x);
    checkWindow(window, stride);
    String name = "maxpool" + (++layers);
    Shape outShape = windowed(in, window, stride, in.dim(3));
    int y = track(model.addTensor(name, DataType.FLOAT32, outShape), outShape);
    model.addOperator(BuiltinOperator.MAX_POOL_2D, OperatorOptions.builder("Pool2DOptions")
        .set("padding", 0).set("stride_w", stride).set("stride_h", stride).set("filter_width", window)
        .set("filter_height", window).build(), new int[] {x}, new int[] {y});
    return y;
  }

  /** CONCATENATION of NHWC tensors along channels. */
  public int concatChannels(int... xs) {
    if (xs.length < 2) {
      throw new IllegalArgumentException("concatenation needs at least two inputs, got " + xs.length);
    }
    Shape first = nhwc(xs[0]);
    int channels = 0;
    for (int x : xs) {
      Shape s = nhwc(x);
      if (s.dim(0) != first.dim(0) || s.dim(1) != first.dim(1) || s.dim(2) != first.dim(2)) {
        throw new IllegalArgumentException("cannot concatenate " + s + " with " + first + " along channels");
      }
      channels += s.dim(3);
    }
    String name = "concat" + (++layers);
    Shape outShape = Shape.of(first.dim(0), first.dim(1), first.dim(2), channels);
    int y = track(model.addTensor(name, DataType.FLOAT32, outShape), outShape);
    model.addOperator(BuiltinOperator.CONCATENATION, OperatorOptions.builder("ConcatenationOptions").set("axis", 3)
        .build(), xs, new int[] {y});
    return y;
  }

  /** PAD with {@code pixels} zeros on every spatial side. */
  public int padSpatial(int x, int pixels) {
    Shape in = nhwc(x);
    checkPositive("padding", pixels);
    String name = "pad" + (++layers);
    int paddings = model.addConstant(name + "/paddings", Shape.of(4, 2), Quantization.none(),
        new int[] {0, 0, pixels, pixels, pixels, pixels, 0, 0});
    Shape outShape = Shape.of(in.dim(0), in.dim(1) + 2 * pixels, in.dim(2) + 2 * pixels, in.dim(3));
    int y = track(model.addTensor(name, DataType.FLOAT32, outShape), outShape);
    model.addOperator(BuiltinOperator.PAD, OperatorOptions.none(), new int[] {x, paddings}, new int[] {y});
    return y;
  }

  /** MEAN over height and width, keeping them as 1 (a global average pool written as TF exports it). */
  public int spatialMean(int x) {
    Shape in = nhwc(x);
    String name = "mean" + (++layers);
    int axes = model.addConstant(name + "/axes", Shape.of(2), Quantization.none(), new int[] {1, 2});
    Shape outShape = Shape.of(in.dim(0), 1, 1, in.dim(3));
    int y = track(model.addTensor(name, DataType.FLOAT32, outShape), outShape);
    model.addOperator(BuiltinOperator.MEAN, OperatorOptions.builder("ReducerOptions").set("keep_dims", true).build(),
        new int[] {x, axes}, new int[] {y});
    return y;
  }

  /** LOGISTIC (sigmoid), elementwise. */
  public int logistic(int x) {
    return unary(BuiltinOperator.LOGISTIC, "logistic", x);
  }

  /** TANH, elementwise. */
  public int tanh(int x) {
    return unary(BuiltinOperator.TANH, "tanh", x);
  }

  private int unary(BuiltinOperator op, String kind, int x) {
    Shape shape = shape(x);
    int y = track(model.addTensor(kind + (++layers), DataType.FLOAT32, shape), shape);
    model.addOperator(op, OperatorOptions.none(), new int[] {x}, new int[] {y});
    return y;
  }

  /** ADD of two same-shape tensors with a fused activation (a residual join). */
  public int add(int a, int b, Activation activation) {
    Shape shape = shape(a);
    if (!shape.equals(shape(b))) {
      throw new IllegalArgumentException("add needs equal shapes, got " + shape + " and " + shape(b));
    }
    String name = "add" + (++layers);
    int y = track(model.addTensor(name, DataType.FLOAT32, shape), shape);
    model.addOperator(BuiltinOperator.ADD, OperatorOptions.builder("AddOptions")
        .set("fused_activation_function", activation.tfliteCode()).build(), new int[] {a, b}, new int[] {y});
    return y;
  }

  /** RESHAPE to {@code dims} (same element count), with the new shape as a constant input. */
  public int reshape(int x, int... dims) {
    Shape outShape = Shape.of(dims);
    if (outShape.size() != shape(x).size()) {
      throw new IllegalArgumentException("cannot reshape " + shape(x) + " to " + outShape);
    }
    String name = "reshape" + (++layers);
    int newShape = model.addConstant(name + "/shape", Shape.of(dims.length),
        Quantization.none(), dims);
    int y = track(model.addTensor(name, DataType.FLOAT32, outShape), outShape);
    model.addOperator(BuiltinOperator.RESHAPE, OperatorOptions.builder("ReshapeOptions").set("new_shape", dims).build(),
        new int[] {x, newShape}, new int[] {y});
    return y;
  }

  /** SOFTMAX over the last dimension, beta 1. */
  public int softmax(int x) {
    Shape shape = shape(x);
    int y = track(model.addTensor("softmax" + (++layers), DataType.FLOAT32, shape), shape);
    model.addOperator(BuiltinOperator.SOFTMAX, OperatorOptions.builder("SoftmaxOptions").set("beta", 1f).build(),
        new int[] {x}, new int[] {y});
    return y;
  }

  /** Marks a model output (in call order). */
  public NetworkBuilder output(int tensor) {
    shape(tensor);
    model.markOutput(tensor);
    return this;
  }

  public TfliteModel build() {
    return model.toModel();
  }

  private int track(int tensor, Shape shape) {
    while (shapes.size() <= tensor) {
      shapes.add(null);
    }
    shapes.set(tensor, shape);
    return tensor;
  }

  private Shape nhwc(int x) {
    Shape in = shape(x);
    if (in.rank() != 4) {
      throw new IllegalArgumentException("layer input must be NHWC, got " + in);
    }
    return in;
  }

  private static Shape windowed(Shape in, int kernel, int stride, int channels) {
    return Shape.of(in.dim(0), Padding.SAME.outputSize(in.dim(1), kernel, stride, 1),
        Padding.SAME.outputSize(in.dim(2), kernel, stride, 1), channels);
  }

  private static void checkWindow(int kernel, int stride) {
    checkPositive("kernel", kernel);
    checkPositive("stride", stride);
  }

  private static void checkPositive(String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be >= 1, got " + value);
    }
  }

  private float[] heNormal(int n, int fanIn, float gain) {
    double std = gain * Math.sqrt(2.0 / fanIn);
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = (float) (random.nextGaussian() * std);
    }
    return w;
  }

  /**
   * Multiplies each output channel by a factor in [0.75, 1.25], as gamma / sqrt(variance) of a folded batch
   * norm would: channels then differ in range, which is what per-channel weight quantization is for. The output
   * channel is the outermost filter index, or the innermost for depthwise filters [1, kh, kw, C].
   */
  private void foldBatchNorm(float[] filter, int channels, boolean channelInnermost) {
    float[] gamma = new float[channels];
    for (int c = 0; c < channels; c++) {
      gamma[c] = 0.75f + 0.5f * random.nextFloat();
    }
    int perChannel = filter.length / channels;
    for (int i = 0; i < filter.length; i++) {
      filter[i] *= gamma[channelInnermost ? i % channels : i / perChannel];
    }
  }

  /** A folded batch norm's shift: small, centred on zero, so ReLUs neither die nor all pass. */
  private float[] bias(int channels) {
    float[] b = new float[channels];
    for (int c = 0; c < channels; c++) {
      b[c] = (random.nextFloat() * 2 - 1) * 0.1f;
    }
    return b;
  }
}
