package ai.fovea.desktop.bench;

import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Padding;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * One training step of a {@link TrainingRecipe} network in TensorFlow Java (graph mode, CPU): forward, mean
 * softmax cross-entropy, gradients by {@code tf.gradients}, plain SGD updates of every variable, as one session
 * run. The variables start from our network's parameter values (transposed to TensorFlow's layouts: filters
 * [kh, kw, in, out], dense weights used as [out, in] with a transposed product), so both trainers start from the
 * same point. Owns a native graph and session: close it.
 */
public final class TensorflowTrainStep implements AutoCloseable {
  private static final List<Long> UNIT_STRIDES = List.of(1L, 1L, 1L, 1L);

  private final Graph graph;
  private final Session session;
  private final Placeholder<TFloat32> images;
  private final Placeholder<TFloat32> oneHot;
  private final Operand<TFloat32> loss;
  private final Op update;
  private final int batch;
  private final int classes;
  private final Shape imageShape;

  /**
   * Builds the graph for batches of {@code batch} images of {@code height × width × channels};
   * {@code parameters} are our network's, in its order, consumed by the recipe's layers.
   */
  public TensorflowTrainStep(TrainingRecipe recipe, List<Variable> parameters, int batch, int height, int width,
      int channels, int classes, float learningRate, int threads) {
    if (batch < 1 || threads < 1) {
      throw new IllegalArgumentException("batch and threads must be >= 1, got " + batch + ", " + threads);
    }
    this.batch = batch;
    this.classes = classes;
    this.imageShape = Shape.of(batch, height, width, channels);
    graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      images = tf.placeholder(TFloat32.class, Placeholder.shape(imageShape));
      oneHot = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(batch, classes)));
      List<org.tensorflow.op.core.Variable<TFloat32>> variables = new ArrayList<>();
      Iterator<Variable> ours = parameters.iterator();
      Operand<TFloat32> x = images;
      for (TrainingRecipe.Step step : recipe.steps()) {
        x = apply(tf, step, x, ours, variables);
      }
      if (ours.hasNext()) {
        throw new IllegalArgumentException("recipe " + recipe.name() + " left parameter " + ours.next() + " unused");
      }
      loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(x, oneHot).loss(), tf.constant(0));
      Gradients gradients = tf.gradients(loss, variables);
      Operand<TFloat32> rate = tf.constant(learningRate);
      List<Op> updates = new ArrayList<>();
      for (int i = 0; i < variables.size(); i++) {
        updates.add(tf.train.applyGradientDescent(variables.get(i), rate, gradients.<TFloat32>dy(i)));
      }
      update = tf.withControlDependencies(updates).noOp();
      session = new Session(graph, ConfigProto.newBuilder().setIntraOpParallelismThreads(threads)
          .setInterOpParallelismThreads(1).build());
      session.initialize();
    } catch (RuntimeException | Error e) {
      graph.close();
      throw e;
    }
  }

  private Operand<TFloat32> apply(Ops tf, TrainingRecipe.Step step, Operand<TFloat32> x, Iterator<Variable> ours,
      List<org.tensorflow.op.core.Variable<TFloat32>> variables) {
    switch (step.kind) {
      case CONV:
        return conv(tf, x, false, step.stride, step.padding, step.batchNorm, step.activation, ours, variables);
      case DEPTHWISE:
        return conv(tf, x, true, step.stride, step.padding, true, step.activation, ours, variables);
      case RESIDUAL: {
        Operand<TFloat32> branch = conv(tf, x, false, step.stride, Padding.SAME, true, Activation.RELU, ours,
            variables);
        branch = conv(tf, branch, false, 1, Padding.SAME, true, Activation.NONE, ours, variables);
        Operand<TFloat32> shortcut = step.projection
            ? conv(tf, x, false, step.stride, Padding.SAME, true, Activation.NONE, ours, variables) : x;
        return tf.nn.relu(tf.math.add(branch, shortcut));
      }
      case MAX_POOL: {
        Operand<TInt32> window = tf.constant(new int[] {1, step.window, step.window, 1});
        Operand<TInt32> strides = tf.constant(new int[] {1, step.stride, step.stride, 1});
        return tf.nn.maxPool(x, window, strides, step.padding.name());
      }
      case GLOBAL_AVERAGE_POOL:
        return tf.math.mean(x, tf.constant(new int[] {1, 2}));
      case DENSE: {
        Variable w = take(ours, "dense layer", 2);
        Operand<TFloat32> flat = tf.reshape(x, tf.constant(new long[] {batch, w.shape().dim(1)}));
        Operand<TFloat32> weights = variable(tf, w, variables, Layout.AS_IS);
        Operand<TFloat32> y = tf.math.add(tf.linalg.matMul(flat, weights, MatMul.transposeB(true)),
            variable(tf, take(ours, "dense layer", 1), variables, Layout.AS_IS));
        return activate(tf, y, step.activation);
      }
      case DROPOUT: {
        // Inverted dropout as ours: keep with probability 1 - rate, scale kept values by 1 / (1 - rate).
        Operand<TFloat32> uniform = tf.random.randomUniform(tf.shape(x), TFloat32.class);
        Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(uniform, tf.constant(step.rate)),
            TFloat32.class);
        return tf.math.mul(x, tf.math.mul(keep, tf.constant(1f / (1f - step.rate))));
      }
      default:
        throw new AssertionError(step.kind);
    }
  }

  /** A convolution (standard or depthwise), then bias or batch norm (training mode), then the activation. */
  private Operand<TFloat32> conv(Ops tf, Operand<TFloat32> x, boolean depthwise, int stride, Padding padding,
      boolean batchNorm, Activation activation, Iterator<Variable> ours,
      List<org.tensorflow.op.core.Variable<TFloat32>> variables) {
    String named = depthwise ? "depthwise convolution" : "convolution";
    Variable f = take(ours, named, 4);
    List<Long> strides = List.of(1L, (long) stride, (long) stride, 1L);
    Operand<TFloat32> y = depthwise
        ? tf.nn.depthwiseConv2dNative(x, variable(tf, f, variables, Layout.DEPTHWISE), strides, padding.name())
        : tf.nn.conv2d(x, variable(tf, f, variables, Layout.FILTER), strides, padding.name());
    if (batchNorm) {
      Operand<TFloat32> gamma = variable(tf, take(ours, named, 1), variables, Layout.AS_IS);
      Operand<TFloat32> beta = variable(tf, take(ours, named, 1), variables, Layout.AS_IS);
      // Training mode: batch statistics; TensorFlow's running averages are not part of the timed work.
      y = tf.nn.fusedBatchNorm(y, gamma, beta, tf.constant(new float[0]), tf.constant(new float[0]),
          FusedBatchNorm.epsilon(TrainingRecipe.BN_EPSILON), FusedBatchNorm.isTraining(true)).y();
    } else {
      y = tf.nn.biasAdd(y, variable(tf, take(ours, named, 1), variables, Layout.AS_IS));
    }
    return activate(tf, y, activation);
  }

  private static Operand<TFloat32> activate(Ops tf, Operand<TFloat32> y, Activation activation) {
    switch (activation) {
      case NONE:
        return y;
      case RELU:
        return tf.nn.relu(y);
      case RELU6:
        return tf.nn.relu6(y);
      default:
        throw new IllegalArgumentException("no TensorFlow form for activation " + activation);
    }
  }

  private static Variable take(Iterator<Variable> ours, String what, int rank) {
    if (!ours.hasNext()) {
      throw new IllegalArgumentException(what + " needs a parameter; none left");
    }
    Variable v = ours.next();
    if (v.shape().rank() != rank) {
      throw new IllegalArgumentException(what + " expected a rank-" + rank + " parameter, got " + v);
    }
    return v;
  }

  /** How our parameter's layout maps to TensorFlow's. */
  private enum Layout {
    AS_IS, FILTER, DEPTHWISE
  }

  /**
   * A TensorFlow variable holding a copy of {@code v}; filters [O, kh, kw, I] become [kh, kw, I, O]; depthwise
   * filters [1, kh, kw, C] (the same memory order as TensorFlow's) become [kh, kw, C, 1].
   */
  private static Operand<TFloat32> variable(Ops tf, Variable v, List<org.tensorflow.op.core.Variable<TFloat32>> all,
      Layout layout) {
    float[] values = v.values();
    long[] dims = toLongs(v.shape().toArray());
    if (layout == Layout.DEPTHWISE) {
      dims = new long[] {dims[1], dims[2], dims[3], 1};
    } else if (layout == Layout.FILTER) {
      int o = (int) dims[0];
      int inner = values.length / o;
      float[] t = new float[values.length];
      for (int out = 0; out < o; out++) {
        for (int i = 0; i < inner; i++) {
          t[i * o + out] = values[out * inner + i];
        }
      }
      values = t;
      dims = new long[] {dims[1], dims[2], dims[3], dims[0]};
    }
    org.tensorflow.op.core.Variable<TFloat32> var = tf.variable(tf.constant(Shape.of(dims), DataBuffers.of(values)));
    all.add(var);
    return var;
  }

  private static long[] toLongs(int[] dims) {
    long[] out = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      out[i] = dims[i];
    }
    return out;
  }

  /** Runs one step on {@code pixels} [batch, H, W, C] and {@code labels}; returns the loss before the update. */
  public float step(float[] pixels, int[] labels) {
    if (pixels == null || pixels.length != imageShape.size() || labels == null || labels.length != batch) {
      throw new IllegalArgumentException("need " + imageShape.size() + " pixels and " + batch + " labels");
    }
    float[] hot = new float[batch * classes];
    for (int i = 0; i < batch; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException("label " + labels[i] + " not in [0, " + classes + ")");
      }
      hot[i * classes + labels[i]] = 1f;
    }
    try (TFloat32 x = TFloat32.tensorOf(imageShape, DataBuffers.of(pixels, true, false));
        TFloat32 y = TFloat32.tensorOf(Shape.of(batch, classes), DataBuffers.of(hot, true, false));
        Result result = session.runner().feed(images, x).feed(oneHot, y).fetch(loss).addTarget(update).run()) {
      return ((TFloat32) result.get(0)).getFloat();
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
