package ai.fovea.models.quantize;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.Operator;
import ai.fovea.models.tflite.Subgraph;
import ai.fovea.models.tflite.TensorInfo;
import ai.fovea.models.tflite.TfliteModel;
import java.util.EnumSet;
import java.util.Set;

/**
 * The per-tensor int8 parameters of every float tensor of a model, under the constraints TFLite's int8 kernels
 * impose: ops that move values without rescaling them (pools, reshapes, pads, ...) need their input and output
 * to share parameters, so those tensors are tied into one group whose range is the union of its members'
 * (each group has a single producer that is not such an op: its root); SOFTMAX and LOGISTIC outputs are fixed
 * at scale 1/256 zero point -128 and TANH at 1/128, 0, which then also holds for everything tied to them. Other
 * tensors, CONCATENATION's output among them (its inputs are requantized to it where they differ), get
 * {@link Int8Scheme#activation} of their calibrated range (float constants: of their data).
 */
final class QuantizationPlan {
  /** Ops whose int8 output must carry the input's parameters. */
  private static final Set<BuiltinOperator> SAME_AS_INPUT = EnumSet.of(BuiltinOperator.AVERAGE_POOL_2D,
      BuiltinOperator.MAX_POOL_2D, BuiltinOperator.RESHAPE, BuiltinOperator.SQUEEZE, BuiltinOperator.PAD,
      BuiltinOperator.TRANSPOSE, BuiltinOperator.STRIDED_SLICE, BuiltinOperator.RESIZE_BILINEAR,
      BuiltinOperator.RESIZE_NEAREST_NEIGHBOR);
  /** Ops whose int8 form requantizes (or is given requantized inputs): each tensor keeps its own parameters. */
  private static final Set<BuiltinOperator> INDEPENDENT = EnumSet.of(BuiltinOperator.CONV_2D,
      BuiltinOperator.DEPTHWISE_CONV_2D, BuiltinOperator.FULLY_CONNECTED, BuiltinOperator.ADD, BuiltinOperator.SUB,
      BuiltinOperator.MUL, BuiltinOperator.RELU, BuiltinOperator.RELU6, BuiltinOperator.RELU_N1_TO_1,
      BuiltinOperator.LEAKY_RELU, BuiltinOperator.ELU, BuiltinOperator.MEAN, BuiltinOperator.HARD_SWISH,
      BuiltinOperator.ARG_MAX, BuiltinOperator.CONCATENATION);
  private static final Quantization UNIT_INTERVAL = Quantization.perTensor(1f / 256, -128);
  private static final Quantization SYMMETRIC_UNIT = Quantization.perTensor(1f / 128, 0);

  private final Quantization[] params;

  private QuantizationPlan(Quantization[] params) {
    this.params = params;
  }

  static QuantizationPlan of(TfliteModel model, CalibrationRanges ranges) {
    Subgraph graph = model.mainSubgraph();
    int count = graph.tensors().size();
    int[] group = new int[count];
    for (int t = 0; t < count; t++) {
      group[t] = t;
    }
    Quantization[] fixed = new Quantization[count];
    for (int n = 0; n < graph.operators().size(); n++) {
      Operator node = graph.operators().get(n);
      BuiltinOperator op = PostTrainingQuantizer.builtin(model, node, n);
      int[] in = node.inputs();
      int[] out = node.outputs();
      if (SAME_AS_INPUT.contains(op)) {
        join(group, in[0], out[0]);
      } else if (op == BuiltinOperator.SOFTMAX || op == BuiltinOperator.LOGISTIC) {
        fixed[out[0]] = UNIT_INTERVAL;
      } else if (op == BuiltinOperator.TANH) {
        fixed[out[0]] = SYMMETRIC_UNIT;
      } else if (!INDEPENDENT.contains(op)) {
        throw new QuantizationException("node " + n + " (" + op + "): no int8 quantization rule for this op");
      }
    }
    return new QuantizationPlan(resolve(model, ranges, group, fixed));
  }

  /** The parameters of float tensor {@code index} (weights and biases of weighted ops are handled apart). */
  Quantization of(int index) {
    if (params[index] == null) {
      throw new IllegalArgumentException("tensor " + index + " is not a float tensor");
    }
    return params[index];
  }

  private static Quantization[] resolve(TfliteModel model, CalibrationRanges ranges, int[] group, Quantization[] fixed) {
    int count = group.length;
    Quantization[] groupFixed = new Quantization[count];
    float[] lo = new float[count];
    float[] hi = new float[count];
    java.util.Arrays.fill(lo, Float.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Float.NEGATIVE_INFINITY);
    for (int t = 0; t < count; t++) {
      TensorInfo info = model.mainSubgraph().tensors().get(t);
      if (info.type() != DataType.FLOAT32) {
        continue;
      }
      int root = root(group, t);
      if (fixed[t] != null) {
        groupFixed[root] = fixed[t];
      } else if (info.buffer() != 0) {
        float[] data = PostTrainingQuantizer.floats(model, info);
        for (int i = 0; i < info.shape().size(); i++) {
          lo[root] = Math.min(lo[root], data[i]);
          hi[root] = Math.max(hi[root], data[i]);
        }
      } else if (ranges.has(t)) {
        lo[root] = Math.min(lo[root], ranges.min(t));
        hi[root] = Math.max(hi[root], ranges.max(t));
      }
    }
    Quantization[] params = new Quantization[count];
    for (int t = 0; t < count; t++) {
      TensorInfo info = model.mainSubgraph().tensors().get(t);
      if (info.type() != DataType.FLOAT32) {
        continue;
      }
      int root = root(group, t);
      if (groupFixed[root] != null) {
        params[t] = groupFixed[root];
      } else if (lo[root] <= hi[root]) {
        params[t] = Int8Scheme.activation(lo[root], hi[root]);
      } else {
        throw new QuantizationException("tensor " + info.name() + " was never written during calibration");
      }
    }
    return params;
  }

  private static void join(int[] group, int a, int b) {
    group[root(group, a)] = root(group, b);
  }

  private static int root(int[] group, int t) {
    while (group[t] != t) {
      group[t] = group[group[t]];
      t = group[t];
    }
    return t;
  }
}
