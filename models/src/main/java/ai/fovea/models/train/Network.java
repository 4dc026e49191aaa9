package ai.fovea.models.train;

import ai.fovea.kernels.autodiff.Tape;
import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Padding;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.zoo.NetworkBuilder;
import ai.fovea.models.tflite.TfliteModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A trainable image classifier: a sequence of layers from NHWC images [N, H, W, C] to class scores (logits)
 * [N, classes]. Weights are drawn from the builder's seed, so the same builder calls give the same network.
 * The parameters are updated in place by training; {@link #exportFloat} writes the network's inference form.
 */
public final class Network {
  private final String name;
  private final Shape inputShape;
  private final int classes;
  private final List<Layer> layers;

  private Network(Builder b) {
    this.name = b.name;
    this.inputShape = b.inputShape;
    this.classes = b.channels;
    this.layers = List.copyOf(b.layers);
  }

  /** A network for images of {@code height × width × channels}; layers draw weights from {@code seed}. */
  public static Builder builder(String name, int height, int width, int channels, long seed) {
    return new Builder(name, height, width, channels, seed);
  }

  public String name() {
    return name;
  }

  /** One image's shape [H, W, C]. */
  public Shape inputShape() {
    return inputShape;
  }

  public int classes() {
    return classes;
  }

  /** Trainable parameters in a fixed order (the optimizer's and the checkpoint's). */
  public List<Variable> parameters() {
    List<Variable> list = new ArrayList<>();
    for (Layer layer : layers) {
      list.addAll(layer.parameters());
    }
    return Collections.unmodifiableList(list);
  }

  /** Non-trained state (batch-norm running statistics), live arrays in a fixed order. */
  public List<float[]> buffers() {
    List<float[]> list = new ArrayList<>();
    for (Layer layer : layers) {
      list.addAll(layer.buffers());
    }
    return Collections.unmodifiableList(list);
  }

  /** Number of trainable values. */
  public long parameterCount() {
    long count = 0;
    for (Variable p : parameters()) {
      count += p.size();
    }
    return count;
  }

  /** Logits for {@code images} [N, H, W, C] on {@code tape}. */
  Variable forward(Tape tape, Variable images, Pass pass) {
    Variable x = images;
    for (Layer layer : layers) {
      x = layer.forward(tape, x, pass);
    }
    return x;
  }

  /** Inference logits [count, classes] for {@code count} images laid out [count, H, W, C]. */
  public float[] logits(ComputePool pool, float[] images, int count) {
    Shape shape = Shape.of(count, inputShape.dim(0), inputShape.dim(1), inputShape.dim(2));
    if (images == null || images.length != shape.size()) {
      throw new IllegalArgumentException("need " + shape.size() + " pixel values for " + shape);
    }
    return forward(Tape.inference(pool), Variable.constant("images", shape, images), Pass.INFERENCE).values();
  }

  /**
   * The inference form as a float TFLite model with input [1, H, W, C] and logits [1, classes]: batch norms
   * folded into the convolutions, ReLUs fused, dropout dropped. {@code metadata} is added as named buffers.
   */
  public TfliteModel exportFloat(java.util.Map<String, byte[]> metadata) {
    NetworkBuilder builder = new NetworkBuilder("Fovea " + name + " (trained)");
    int x = builder.input("image", Shape.of(1, inputShape.dim(0), inputShape.dim(1), inputShape.dim(2)));
    for (Layer layer : layers) {
      x = layer.export(builder, x);
    }
    builder.output(x);
    metadata.forEach(builder::metadata);
    return builder.build();
  }

  @Override
  public String toString() {
    return name + " (" + parameterCount() + " parameters)";
  }

  /**
   * Adds layers in order, tracking the activation shape so each layer's weights fit. Convolution units are
   * conv-BN-ReLU unless stated otherwise; spatial sizes follow TFLite's SAME/VALID rules. {@link #classifier}
   * ends the network.
   */
  public static final class Builder {
    private final String name;
    private final Shape inputShape;
    private final Random random;
    private final List<Layer> layers = new ArrayList<>();
    private int height;
    private int width;
    private int channels;
    private boolean finished;

    private Builder(String name, int height, int width, int channels, long seed) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("a network needs a name");
      }
      if (height < 1 || width < 1 || channels < 1) {
        throw new IllegalArgumentException("image shape must be positive, got " + height + "x" + width + "x"
            + channels);
      }
      this.name = name;
      this.inputShape = Shape.of(height, width, channels);
      this.random = new Random(seed);
      this.height = height;
      this.width = width;
      this.channels = channels;
    }

    /** Conv (SAME, stride 1) + batch norm + ReLU. */
    public Builder conv(int outChannels, int kernel) {
      return conv(outChannels, kernel, 1, Padding.SAME, true, Activation.RELU);
    }

    public Builder conv(int outChannels, int kernel, int stride, Padding padding, boolean batchNorm,
        Activation activation) {
      requireOpen();
      checkWindow(kernel, stride, padding);
      layers.add(new ConvUnit(nextName("conv"), false, channels, positive("channels", outChannels), kernel,
          stride, padding, batchNorm, activation, random));
      resize(kernel, stride, padding);
      channels = outChannels;
      return this;
    }

    /** MobileNet's unit: 3×3 depthwise-BN-ReLU6 then 1×1 pointwise-BN-ReLU6. */
    public Builder separable(int outChannels, int stride) {
      requireOpen();
      checkWindow(3, stride, Padding.SAME);
      layers.add(new ConvUnit(nextName("depthwise"), true, channels, channels, 3, stride, Padding.SAME, true,
          Activation.RELU6, random));
      resize(3, stride, Padding.SAME);
      layers.add(new ConvUnit(nextName("pointwise"), false, channels, positive("channels", outChannels), 1, 1,
          Padding.SAME, true, Activation.RELU6, random));
      channels = outChannels;
      return this;
    }

    /** ResNet's basic block (two 3×3 conv-BN with a skip connection). */
    public Builder residual(int outChannels, int stride) {
      requireOpen();
      checkWindow(3, stride, Padding.SAME);
      layers.add(new ResidualBlock(nextName("block"), channels, positive("channels", outChannels), stride, random));
      resize(3, stride, Padding.SAME);
      channels = outChannels;
      return this;
    }

    public Builder maxPool(int window, int stride, Padding padding) {
      return pool(Pooling.Kind.MAX, window, stride, padding);
    }

    public Builder averagePool(int window, int stride, Padding padding) {
      return pool(Pooling.Kind.AVERAGE, window, stride, padding);
    }

    private Builder pool(Pooling.Kind kind, int window, int stride, Padding padding) {
      requireOpen();
      checkWindow(window, stride, padding);
      layers.add(new Pooling(kind, window, stride, padding));
      resize(window, stride, padding);
      return this;
    }

    /** Averages each channel over the image, leaving one value per channel. */
    public Builder globalAveragePool() {
      requireOpen();
      layers.add(Pooling.global());
      height = 1;
      width = 1;
      return this;
    }

    public Builder dropout(float rate) {
      requireOpen();
      layers.add(new DropoutLayer(rate));
      return this;
    }

    /** Fully connected + ReLU (flattens the image first). */
    public Builder dense(int units) {
      requireOpen();
      layers.add(new Dense(nextName("fc"), height * width * channels, positive("units", units), Activation.RELU,
          random));
      height = 1;
      width = 1;
      channels = units;
      return this;
    }

    /** The last layer: fully connected to {@code classes} logits. */
    public Network classifier(int classes) {
      requireOpen();
      layers.add(new Dense(nextName("logits"), height * width * channels, positive("classes", classes),
          Activation.NONE, random));
      channels = classes;
      finished = true;
      return new Network(this);
    }

    private void resize(int window, int stride, Padding padding) {
      height = padding.outputSize(height, window, stride, 1);
      width = padding.outputSize(width, window, stride, 1);
    }

    private void checkWindow(int window, int stride, Padding padding) {
      positive("window", window);
      positive("stride", stride);
      if (padding == null || padding.outputSize(height, window, stride, 1) < 1
          || padding.outputSize(width, window, stride, 1) < 1) {
        throw new IllegalArgumentException("a " + window + "x" + window + " window does not fit " + height + "x"
            + width + " with " + padding);
      }
    }

    private String nextName(String kind) {
      return kind + (layers.size() + 1);
    }

    private void requireOpen() {
      if (finished) {
        throw new IllegalStateException("the classifier already ended this network");
      }
    }

    private static int positive(String what, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(what + " must be >= 1, got " + value);
      }
      return value;
    }
  }
}
