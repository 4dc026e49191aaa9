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

  /** For networks whose layers all come with their weights (exported trained networks). */
  public NetworkBuilder(String description) {
    this(description, 0L);
  }

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
    float[] filter = heNormal(outChannels * kernel * kernel * inC, kernel * kernel * inC, gain);
    foldBatchNorm(filter, outChannels, false);
    return conv(x, Shape.of(outChannels, kernel, kernel, inC), filter, bias(outChannels), stride, Padding.SAME,
        activation);
  }

  /** CONV_2D with given weights: {@code filter} [out, kh, kw, in] (copied in), {@code bias} [out]. */
  public int conv(int x, Shape filterShape, float[] filter, float[] bias, int stride, Padding padding,
      Activation activation) {
    Shape in = nhwc(x);
    checkWeights(filterShape, filter, bias, 0);
    if (filterShape.rank() != 4 || filterShape.dim(3) != in.dim(3)) {
      throw new IllegalArgumentException("filter " + filterShape + " does not fit input " + in);
    }
    checkWindow(filterShape.dim(1), stride);
    String name = "conv" + (++layers);
    int w = model.addConstant(name + "/weights", filterShape, filter.clone());
    int b = model.addConstant(name + "/bias", Shape.of(filterShape.dim(0)), bias.clone());
    Shape outShape = windowed(in, filterShape.dim(1), filterShape.dim(2), stride, padding, filterShape.dim(0));
    int y = track(model.addTensor(name, DataType.FLOAT32, outShape), outShape);
    model.addOperator(BuiltinOperator.CONV_2D, OperatorOptions.builder("Conv2DOptions")
        .set("padding", paddingCode(padding)).set("stride_w", stride).set("stride_h", stride)
        .set("fused_activation_function", activation.tfliteCode()).build(), new int[] {x, w, b}, new int[] {y});
    return y;
  }

  /** DEPTHWISE_CONV_2D with depth multiplier 1 and a square kernel, He-initialised (fan-in kernel²). */
  public int depthwise(int x, int kernel, int stride, Activation activation) {
    Shape in = nhwc(x);
    checkWindow(kernel, stride);
    int channels = in.dim(3);
    float[] filter = heNormal(kernel * kernel * channels, kernel * kernel, 1f);
    foldBatchNorm(filter, channels, true);
    return depthwise(x, Shape.of(1, kernel, kernel, channels), filter, bias(channels), stride, Padding.SAME,
        activation);
  }

  /** DEPTHWISE_CONV_2D (multiplier 1) with given weights: {@code filter} [1, kh, kw, C], {@code bias} [C]. */
  public int depthwise(int x, Shape filterShape, float[] filter, float[] bias, int stride, Padding padding,
      Activation activation) {
    Shape in = nhwc(x);
    checkWeights(filterShape, filter, bias, 3);
    if (filterShape.rank() != 4 || filterShape.dim(0) != 1 || filterShape.dim(3) != in.dim(3)) {
      throw new IllegalArgumentException("depthwise filter " + filterShape + " does not fit input " + in);
    }
    checkWindow(filterShape.dim(1), stride);
    int channels = in.dim(3);
    String name = "depthwise" + (++layers);
    int w = model.addConstant(name + "/weights", filterShape, filter.clone());
    int b = model.addConstant(name + "/bias", Shape.of(channels), bias.clone());
    Shape outShape = windowed(in, filterShape.dim(1), filterShape.dim(2), stride, padding, channels);
    int y = track(model.addTensor(name, DataType.FLOAT32, outShape), outShape);
    model.addOperator(BuiltinOperator.DEPTHWISE_CONV_2D, OperatorOptions.builder("DepthwiseConv2DOptions")
        .set("padding", paddingCode(padding)).set("stride_w", stride).set("stride_h", stride)
        .set("depth_multiplier", 1)
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
    float[] filter = heNormal(units * depth, depth, 1f);
    foldBatchNorm(filter, units, false);
    return fullyConnected(x, Shape.of(units, depth), filter, bias(units), activation);
  }

  /** FULLY_CONNECTED with given weights [units, depth] and bias [units] over a [batch, depth] input. */
  public int fullyConnected(int x, Shape weightShape, float[] weights, float[] bias, Activation activation) {
    Shape in = shape(x);
    checkWeights(weightShape, weights, bias, 0);
    if (in.rank() != 2 || weightShape.rank() != 2 || weightShape.dim(1) != in.dim(1)) {
      throw new IllegalArgumentException("weights " + weightShape + " do not fit input " + in);
    }
    int units = weightShape.dim(0);
    String name = "fc" + (++layers);
    int w = model.addConstant(name + "/weights", weightShape, weights.clone());
    int b = model.addConstant(name + "/bias", Shape.of(units), bias.clone());
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
    return pool(BuiltinOperator.MAX_POOL_2D, "maxpool", x, window, stride, Padding.SAME);
  }

  /** MAX_POOL_2D or AVERAGE_POOL_2D ({@code max} false) with a square window. */
  public int pool(boolean max, int x, int window, int stride, Padding padding) {
    return max ? pool(BuiltinOperator.MAX_POOL_2D, "maxpool", x, window, stride, padding)
        : pool(BuiltinOperator.AVERAGE_POOL_2D, "avgpool", x, window, stride, padding);
  }

  private int pool(BuiltinOperator op, String kind, int x, int window, int stride, Padding padding) {
    Shape in = nhwc(x);
    checkWindow(window, stride);
    String name = kind + (++layers);
    Shape outShape = windowed(in, window, window, stride, padding, in.dim(3));
    int y = track(model.addTensor(name, DataType.FLOAT32, outShape), outShape);
    model.addOperator(op, OperatorOptions.builder("Pool2DOptions")
        .set("padding", paddingCode(padding)).set("stride_w", stride).set("stride_h", stride)
        .set("filter_width", window).set("filter_height", window).build(), new int[] {x}, new int[] {y});
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

  /** A named metadata buffer (e.g. {@code fovea.model}), copied in. */
  public NetworkBuilder metadata(String name, byte[] data) {
    model.addMetadata(name, data);
    return this;
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

  private static Shape windowed(Shape in, int kernelH, int kernelW, int stride, Padding padding, int channels) {
    return Shape.of(in.dim(0), padding.outputSize(in.dim(1), kernelH, stride, 1),
        padding.outputSize(in.dim(2), kernelW, stride, 1), channels);
  }

  private static int paddingCode(Padding padding) {
    return padding == Padding.SAME ? 0 : 1;
  }

  /** Weights match their shape and the bias has one value per channel on {@code channelAxis}. */
  private static void checkWeights(Shape shape, float[] weights, float[] bias, int channelAxis) {
    if (shape == null || weights == null || bias == null) {
      throw new IllegalArgumentException("weight shape, weights and bias are required");
    }
    if (weights.length != shape.size() || bias.length != shape.dim(channelAxis)) {
      throw new IllegalArgumentException(weights.length + " weights and " + bias.length + " biases for " + shape);
    }
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
